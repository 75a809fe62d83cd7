#!/bin/sh
# Cross-builds OurVoice for arm64 (64-bit Raspberry Pi OS) and runs the whole
# test suite under qemu-user, with the usual tests/run-tests.sh summary line.
# Usage: toolchain/test-arm64.sh [BUILD]    (default build-arm64)
# Prints "SKIP: reason" and exits 0 only when this machine cannot run arm64
# programs at all.
set -u
B=${1:-build-arm64}
MAKE=${MAKE:-make}
QEMU=${QEMU_ARM64:-qemu-aarch64-static -L /}

# Install the cross compiler, :arm64 libraries and qemu when missing.
sh toolchain/install-cross-deps.sh || { echo "test-arm64: could not install the arm64 tool chain (see above)" >&2; exit 1; }

# Can this machine run an arm64 program under qemu at all?
probe_dir=$(mktemp -d) || exit 1
trap 'rm -rf "$probe_dir"' EXIT
printf 'int main(void){return 0;}\n' >"$probe_dir/p.c"
aarch64-linux-gnu-gcc -o "$probe_dir/p" "$probe_dir/p.c" || { echo "test-arm64: the arm64 cross compiler does not work" >&2; exit 1; }
if ! $QEMU "$probe_dir/p" 2>"$probe_dir/err"; then
    echo "SKIP: test-arm64: qemu cannot run arm64 programs here: $(head -1 "$probe_dir/err")"
    exit 0
fi
export OV_TEST_WRAPPER="$QEMU"
# Build everything first (the program, every test and helper).
targets="$B/ourvoice"
for f in tests/test_*.c; do [ -f "$f" ] && targets="$targets $B/tests/$(basename "$f" .c)"; done
for f in tests/helpers/*.c; do [ -f "$f" ] && targets="$targets $B/tests/$(basename "$f" .c)"; done
# shellcheck disable=SC2086
$MAKE --no-print-directory -j"$(nproc)" CROSS=arm64 BUILD="$B" $targets || exit 1

# Tests start $OV_BUILD/ourvoice themselves, and it starts $OV_BUILD/ourvoice-kiosk
# (execv) for the kiosk. Without a binfmt_misc entry the kernel cannot run those
# arm64 files, so for the run each is swapped for a small script that runs it
# under qemu (same timestamp, so make does not relink), and always put back
# afterwards so nothing else (make deb) ever sees the scripts. qemu answers the
# program's /proc/self/exe with the .arm64 file, so ourvoice finds the script
# for ourvoice-kiosk beside it.
PROGS="ourvoice ourvoice-kiosk"
swapped=0
restore() {
    if [ "$swapped" = 1 ]; then
        for p in $PROGS; do [ -f "$B/$p.arm64" ] && mv -f "$B/$p.arm64" "$B/$p"; done
        swapped=0
    fi
    rm -rf "$probe_dir"
}
trap restore EXIT
trap 'restore; exit 130' INT TERM HUP
if ! grep -qs '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64; then
    echo "test-arm64: no binfmt_misc entry for arm64 here; $B/ourvoice and $B/ourvoice-kiosk run through '$QEMU' for this run"
    swapped=1
    for p in $PROGS; do
        mv -f "$B/$p" "$B/$p.arm64"
        printf '#!/bin/sh\n# test-arm64: runs the arm64 program under qemu (put back after the tests)\nexec %s "$(dirname "$(readlink -f "$0")")/%s.arm64" "$@"\n' "$QEMU" "$p" >"$B/$p"
        chmod 755 "$B/$p"
        touch -r "$B/$p.arm64" "$B/$p"
    done
fi

# tests/run-tests.sh starts each test as `$OV_TEST_WRAPPER test_x` (qemu);
# under qemu a test is busy, not waiting: one at a time for each processor.
export OV_TEST_JOBS="${OV_TEST_JOBS:-$(nproc)}"
sh tests/run-tests.sh "$B"
