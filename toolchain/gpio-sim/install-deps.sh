#!/bin/sh
# toolchain/gpio-sim/install-deps.sh — installs what `make test-gpio` needs:
# qemu (TCG is enough), Debian's kernel image + headers, the kernel source (for
# the gpio-sim module Debian ships disabled), busybox for the initramfs, and
# libgpiod's static library. Uses apt-get (through sudo when not root).
# Safe to run repeatedly. Exit status: 0 when everything is there, 1 otherwise
# (the caller then prints "SKIP: ..." and does not fail the build).
set -u
PKGS="qemu-system-x86 linux-image-amd64 linux-headers-amd64 linux-source-6.1
busybox-static libgpiod-dev cpio xz-utils kmod gcc make ${OV_GPIO_EXTRA_PKGS:-}"
missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "gpio-sim: installing:$missing"
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "gpio-sim: not root and no sudo; install:$missing" >&2
        exit 1
    fi
    SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || echo "gpio-sim: apt-get update failed; trying the install anyway" >&2
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
    echo "gpio-sim: apt-get install failed for:$missing" >&2
    exit 1
fi
exit 0
