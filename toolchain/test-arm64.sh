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
# Programs a test starts itself (e.g. BUILD/ourvoice) need the kernel's binfmt_misc
# to hand arm64 files to qemu; tests can use $OV_TEST_WRAPPER instead.
if ! grep -qs '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64; then
    echo "test-arm64: note: no binfmt_misc entry for arm64 here; test programs run under '$QEMU'," \
         "programs they start must use \$OV_TEST_WRAPPER"
fi

export OV_TEST_WRAPPER="$QEMU"
exec $MAKE --no-print-directory CROSS=arm64 BUILD="$B" test
