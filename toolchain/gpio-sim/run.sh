#!/bin/sh
# toolchain/gpio-sim/run.sh BUILD — `make test-gpio`: tests the GPIO code
# (firmware/platform/gpio*.c + ui/buttons.c + platform/config.c, the project's own files) against
# a real kernel GPIO chip: Debian's kernel booted under qemu (TCG, no kvm)
# with the gpio-sim driver, which Debian ships disabled, built out of tree
# from Debian's linux-source. Runs the test with libgpiod 1.x (this system)
# and, when Debian trixie's libgpiod 2.x can be downloaded, with 2.x too.
#
# Cached under BUILD/gpio-sim/k-<kernel version>/ (module, initramfs base),
# so a second run only rebuilds the test programs and boots (~5 s a boot).
# Prints "SKIP: reason" and exits 0 when qemu, the kernel or its source
# cannot be had. Otherwise ends with "gpio-sim: N passed, N failed" and
# exits 1 if anything failed.
set -u
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/toolchain/gpio-sim"
mkdir -p "$BUILD/gpio-sim" || exit 1
B=$(cd "$BUILD/gpio-sim" && pwd)
CC=${GPIO_SIM_CC:-cc}
ARCH=$(uname -m)

skip() { echo "SKIP: $*"; exit 0; }
die() { echo "gpio-sim: FAIL: $*"; echo "gpio-sim: 0 passed, 1 failed"; exit 1; }
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo -n"

[ "$ARCH" = x86_64 ] || skip "test-gpio boots an x86-64 kernel; this machine is $ARCH"

# 1. Packages: qemu, kernel image + headers, kernel source, busybox, libgpiod.
sh "$HERE/install-deps.sh" || skip "cannot install qemu-system-x86 / linux-image-amd64 / linux-headers-amd64 / linux-source-6.1 / busybox-static (see the message above)"
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is not installed"
[ -x /bin/busybox ] || skip "no /bin/busybox (busybox-static)"
ldd /bin/busybox >/dev/null 2>&1 && skip "/bin/busybox is not the static one (install busybox-static)"

# 2. The newest kernel with its headers and configfs module.
KVER=""
for v in $(ls /boot 2>/dev/null | sed -n 's/^vmlinuz-//p' | sort -rV); do
    if [ -e "/lib/modules/$v/build/Makefile" ]; then KVER=$v; break; fi
done
[ -n "$KVER" ] || skip "no /boot/vmlinuz-* with matching headers in /lib/modules/*/build"
SRC_TAR=$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -rV | head -n 1)
[ -n "$SRC_TAR" ] || skip "no kernel source in /usr/src (package linux-source-6.1)"
K="$B/k-$KVER"
mkdir -p "$K"

# 3. gpio-sim.ko, built once per kernel. Debian's kernel lacks CONFIG_IRQ_SIM
# too, so irq_sim.c goes into the same module; irq_to_desc() is not exported
# to modules, so its one use becomes generic_handle_irq_safe().
if [ ! -f "$K/gpio-sim.ko" ]; then
    echo "gpio-sim: building gpio-sim.ko for $KVER from $(basename "$SRC_TAR")"
    rm -rf "$K/src" "$K/mod" && mkdir -p "$K/src" "$K/mod"
    top=$(tar -tJf "$SRC_TAR" 2>/dev/null | head -n 1 | cut -d/ -f1)
    tar -xJf "$SRC_TAR" -C "$K/src" "$top/drivers/gpio/gpio-sim.c" "$top/drivers/gpio/gpiolib.h" \
        "$top/kernel/irq/irq_sim.c" || die "cannot unpack gpio-sim.c/irq_sim.c from $SRC_TAR"
    cp "$K/src/$top/drivers/gpio/gpio-sim.c" "$K/mod/gpio_sim_drv.c"
    cp "$K/src/$top/drivers/gpio/gpiolib.h" "$K/mod/"
    sed 's/handle_simple_irq(irq_to_desc(\([a-z_]*\)));/generic_handle_irq_safe(\1);/' \
        "$K/src/$top/kernel/irq/irq_sim.c" > "$K/mod/irq_sim.c"
    grep -q generic_handle_irq_safe "$K/mod/irq_sim.c" || \
        die "irq_sim.c changed: the generic_handle_irq_safe edit no longer applies"
    printf 'obj-m := gpio-sim.o\ngpio-sim-y := gpio_sim_drv.o irq_sim.o\n' > "$K/mod/Kbuild"
    if ! make -s -C "/lib/modules/$KVER/build" M="$K/mod" modules >"$K/mod/build.log" 2>&1; then
        tail -n 20 "$K/mod/build.log"
        die "building gpio-sim.ko failed (log: $K/mod/build.log)"
    fi
    cp "$K/mod/gpio-sim.ko" "$K/gpio-sim.ko"
fi

# 4. The kernel image (Debian's is root-only: copy it once).
if [ ! -s "$K/vmlinuz" ]; then
    if [ -r "/boot/vmlinuz-$KVER" ]; then cp "/boot/vmlinuz-$KVER" "$K/vmlinuz"
    else $SUDO cat "/boot/vmlinuz-$KVER" > "$K/vmlinuz" || skip "cannot read /boot/vmlinuz-$KVER"
    fi
fi

# 5. The test programs, statically linked, from the project's own sources.
FW="$ROOT/firmware"
SRCS="$ROOT/tests/gpio-sim/gpio_sim_test.c $(ls "$FW"/platform/gpio*.c) $FW/ui/buttons.c $FW/platform/config.c \
      $FW/platform/files.c $FW/base/diag.c $FW/base/ov_common.c $FW/base/utf8.c"
CFLAGS="-std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -O2 -g0 -Wall -Wextra -Wshadow -Wno-unused-parameter -I$FW"
LIBDIR=/usr/lib/$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
INIH="$LIBDIR/libinih.a"
[ -f "$INIH" ] || die "no $INIH (libinih-dev)"
TAGS=""
V1=$(pkg-config --modversion libgpiod 2>/dev/null)
case "$V1" in
1.*)
    # shellcheck disable=SC2086
    if $CC $CFLAGS -DOV_GPIOD_API=1 -static -o "$B/gpio_sim_test_v1" $SRCS "$LIBDIR/libgpiod.a" "$INIH" 2>"$B/cc-v1.log"; then
        TAGS="$TAGS v1"
    else
        cat "$B/cc-v1.log"; die "the libgpiod $V1 build of firmware/platform/gpio*.c failed"
    fi ;;
*) echo "gpio-sim: this system has libgpiod '$V1', not 1.x: the 1.x run is left out" ;;
esac
V2=$(sh "$HERE/fetch-trixie-gpiod.sh" "$B/trixie" 2>"$B/trixie.log")
if [ -n "$V2" ]; then
    T="$B/trixie/root"
    T_LIB=$(dirname "$(find "$T" -name libgpiod.a | head -n 1)")
    # shellcheck disable=SC2086
    if $CC $CFLAGS -DOV_GPIOD_API=2 -I"$T/usr/include" -static -o "$B/gpio_sim_test_v2" $SRCS "$T_LIB/libgpiod.a" "$INIH" 2>"$B/cc-v2.log"; then
        TAGS="$TAGS v2"
    else
        cat "$B/cc-v2.log"; die "the libgpiod $V2 build of firmware/platform/gpio*.c failed"
    fi
else
    echo "SKIP: libgpiod 2.x run: $(cat "$B/trixie.log")"
fi
[ -n "$TAGS" ] || skip "no libgpiod to test with"

# 6. The initramfs: cached base (busybox, modules) + init + test programs.
if [ ! -d "$K/base/bin" ]; then
    rm -rf "$K/base" && mkdir -p "$K/base/bin" "$K/base/lib/modules" "$K/base/proc" "$K/base/sys" \
        "$K/base/dev" "$K/base/tmp" "$K/base/config"
    cp /bin/busybox "$K/base/bin/busybox"
    cp "$K/gpio-sim.ko" "$K/base/lib/modules/"
    cfs=$(find "/lib/modules/$KVER/kernel/fs/configfs" -name 'configfs.ko*' 2>/dev/null | head -n 1)
    case "$cfs" in
    *.ko) cp "$cfs" "$K/base/lib/modules/configfs.ko" ;;
    *.ko.xz) xz -dc "$cfs" > "$K/base/lib/modules/configfs.ko" ;;
    *.ko.zst) zstd -dc "$cfs" > "$K/base/lib/modules/configfs.ko" ;;
    *) echo "gpio-sim: no configfs module (built in?)" ;;
    esac
fi
R="$B/root"
rm -rf "$R" && cp -a "$K/base" "$R" || die "cannot copy the initramfs base"
cp "$HERE/init.sh" "$R/init" && chmod 755 "$R/init"
for t in $TAGS; do cp "$B/gpio_sim_test_$t" "$R/"; done
(cd "$R" && find . | cpio -o -H newc 2>/dev/null | gzip -1) > "$B/initrd.gz" || die "cannot pack the initramfs"

# 7. Boot. TCG only: CI machines have no kvm.
echo "gpio-sim: booting $KVER under qemu (TCG) with libgpiod:$TAGS"
LOG="$B/vm.log"
timeout -s KILL 300 qemu-system-x86_64 -accel tcg -m 256 -smp 1 -nographic -no-reboot \
    -nic none -kernel "$K/vmlinuz" -initrd "$B/initrd.gz" \
    -append "console=ttyS0 quiet loglevel=3 panic=-1 rdinit=/init" </dev/null >"$LOG" 2>&1
qrc=$?
tr -d '\r' < "$LOG" | grep -E '^(v[12]|gpio-sim-vm): ' | sed 's/^/  /'
passed=0; failed=0
for t in $TAGS; do
    line=$(tr -d '\r' < "$LOG" | sed -n "s/^$t: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p" | tail -n 1)
    if [ -z "$line" ]; then
        echo "gpio-sim: the $t run did not finish (qemu exit $qrc; log $LOG)"
        failed=$((failed + 1))
    else
        passed=$((passed + ${line% *})); failed=$((failed + ${line#* }))
    fi
done
echo "gpio-sim: $passed passed, $failed failed"
[ "$failed" = 0 ]
