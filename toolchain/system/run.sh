#!/bin/sh
# toolchain/system/run.sh BUILD — `make test-system`: the whole appliance as
# an installer builds it, tested as a system. Installs qemu, debootstrap,
# e2fsprogs, dosfstools, mtools and sox when missing; builds the program; makes
# (or takes from the cache) the bookworm appliance image from this checkout's
# .deb and board/rpi/install.sh (toolchain/system/image.sh); then runs the
# scenarios of tests/system/scenarios.py under qemu (TCG).
# Ends with "system: N passed, N failed" and exits 1 when anything failed.
# Prints "SKIP: reason" and exits 0 when this machine cannot run it.
# Environment: OV_SYSTEM_QUICK=1 (make test-system-ci: every scenario, 2
# power cuts), OV_SYSTEM_CUTS (power cuts, default 20), OV_SYSTEM_ONLY
# (scenario letters, e.g. "a b"), OV_CACHE (cache folder, default ~/.cache/ourvoice).
set -u
BUILD=${1:-build}
SRC=$(pwd)
skip() { echo "SKIP: test-system: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot)"
[ "$(uname -m)" = x86_64 ] || skip "boots an x86-64 image; this machine is $(uname -m)"
PKGS="qemu-system-x86 debootstrap e2fsprogs dosfstools mtools sox python3"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "test-system: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null ||
        skip "cannot install:$missing"
fi
make --no-print-directory BUILD="$BUILD" "$BUILD/ourvoice" >/dev/null || { echo "system: 0 passed, 1 failed"; exit 1; }
IMG=$BUILD/system
t0=$(date +%s)
sh toolchain/system/image.sh "$BUILD" "$IMG"
rc=$?
[ "$rc" = 3 ] && exit 0
if [ "$rc" != 0 ]; then echo "test-system: the image could not be made"; echo "system: 0 passed, 1 failed"; exit 1; fi
echo "  figure: image build $(( $(date +%s) - t0 )) s"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ov-system.XXXXXX")
# The last screendump of each screen that did not come is kept here (PPM).
export OV_SYSTEM_KEEP="$IMG/failed"
rm -rf "$OV_SYSTEM_KEEP"
python3 tests/system/scenarios.py "$SRC" "$IMG" "$WORK" "$BUILD/ourvoice"
rc=$?
rm -rf "$WORK" "$IMG/root.img"
exit $rc
