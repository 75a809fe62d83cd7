#!/bin/sh
# Installs what `make CROSS=arm64` and `make test-arm64` need on a Debian
# (bookworm or later) x86-64 machine: Debian's arm64 cross compiler, the
# :arm64 development packages and qemu-user-static. Adds the arm64 dpkg
# architecture when missing. Uses apt-get, through sudo when not root.
# Safe to run repeatedly: does nothing when everything is there.
#
# It never lets apt remove a package: the install is simulated first and
# stopped, with the list, if apt would remove anything (for example a
# native -dev package that cannot live beside its arm64 twin).
set -eu
ARCH=${OV_CROSS_ARCH:-arm64}
HOST_PKGS="crossbuild-essential-$ARCH pkg-config qemu-user-static make"
CROSS_PKGS="libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libespeak-ng-dev
libgpiod-dev libsqlite3-dev libinih-dev libcmocka-dev"
# Run-time data the tests need (architecture-independent).
DATA_PKGS="espeak-ng-data fonts-sil-andika fonts-dejavu-core"

want=""
for p in $HOST_PKGS $DATA_PKGS; do want="$want $p"; done
for p in $CROSS_PKGS; do want="$want $p:$ARCH"; done

missing=""
for p in $want; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "install-cross-deps: installing:$missing"

SUDO=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || {
        echo "install-cross-deps: not root and no sudo; as root run: dpkg --add-architecture $ARCH && apt-get update && apt-get install$missing" >&2
        exit 1; }
    SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
APT="apt-get -o DPkg::Lock::Timeout=600"

if ! dpkg --print-foreign-architectures | grep -qx "$ARCH"; then
    echo "install-cross-deps: adding dpkg architecture $ARCH"
    $SUDO dpkg --add-architecture "$ARCH"
fi
$SUDO $APT update -qq || echo "install-cross-deps: apt-get update failed; trying the install anyway" >&2

# Simulate first: refuse if apt wants to remove anything.
# shellcheck disable=SC2086
sim=$($APT install -s --no-install-recommends $missing 2>&1) || {
    echo "$sim" >&2
    echo "install-cross-deps: apt cannot install the $ARCH packages (see above). Check that your apt sources serve $ARCH." >&2
    exit 1; }
removed=$(echo "$sim" | sed -n 's/^Remv \([^ ]*\).*/\1/p' | tr '\n' ' ')
if [ -n "$removed" ]; then
    echo "install-cross-deps: installing the $ARCH packages would REMOVE: $removed" >&2
    echo "install-cross-deps: stopped so nothing breaks. Use a clean container or 'make test-trixie' instead." >&2
    exit 1
fi
# shellcheck disable=SC2086
$SUDO $APT install -y -qq --no-install-recommends $missing
