#!/bin/sh
# toolchain/system/gpio-sim.sh KVER OUT.ko — builds the gpio-sim module (which
# Debian ships disabled) for the appliance's kernel KVER, the way
# toolchain/gpio-sim/run.sh does for `make test-gpio`: gpio-sim.c and
# irq_sim.c out of Debian's linux-source, against linux-headers-KVER.
# Installs linux-headers-KVER and linux-source-6.1 when missing.
# Exits 0 with OUT.ko made, 3 (with "gpio-sim: reason" on stderr) when it
# cannot be built here: the appliance then runs without simulated buttons.
set -u
KVER=${1:?usage: gpio-sim.sh KVER OUT.ko}
OUT=${2:?usage: gpio-sim.sh KVER OUT.ko}
no() { echo "gpio-sim: $*" >&2; exit 3; }
need=""
[ -e "/lib/modules/$KVER/build/Makefile" ] || need="linux-headers-$KVER"
ls /usr/src/linux-source-*.tar.xz >/dev/null 2>&1 || need="$need linux-source-6.1"
if [ -n "$need" ]; then
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
        $need >/dev/null 2>&1 || no "cannot install$need"
fi
SRC_TAR=$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -rV | head -n 1)
[ -n "$SRC_TAR" ] || no "no kernel source in /usr/src"
W=$(mktemp -d "${TMPDIR:-/tmp}/ov-gpiosim.XXXXXX")
trap 'rm -rf "$W"' EXIT
top=$(tar -tJf "$SRC_TAR" 2>/dev/null | head -n 1 | cut -d/ -f1)
tar -xJf "$SRC_TAR" -C "$W" "$top/drivers/gpio/gpio-sim.c" "$top/drivers/gpio/gpiolib.h" \
    "$top/kernel/irq/irq_sim.c" || no "cannot unpack gpio-sim.c from $SRC_TAR"
mkdir "$W/mod"
cp "$W/$top/drivers/gpio/gpio-sim.c" "$W/mod/gpio_sim_drv.c"
cp "$W/$top/drivers/gpio/gpiolib.h" "$W/mod/"
# Debian's kernel lacks CONFIG_IRQ_SIM: irq_sim.c goes into the module, and
# irq_to_desc() (not exported) becomes generic_handle_irq_safe().
sed 's/handle_simple_irq(irq_to_desc(\([a-z_]*\)));/generic_handle_irq_safe(\1);/' \
    "$W/$top/kernel/irq/irq_sim.c" >"$W/mod/irq_sim.c"
grep -q generic_handle_irq_safe "$W/mod/irq_sim.c" || no "irq_sim.c changed: the edit no longer applies"
printf 'obj-m := gpio-sim.o\ngpio-sim-y := gpio_sim_drv.o irq_sim.o\n' >"$W/mod/Kbuild"
make -s -C "/lib/modules/$KVER/build" M="$W/mod" modules >"$W/build.log" 2>&1 ||
    { tail -n 20 "$W/build.log" >&2; no "building gpio-sim.ko for $KVER failed"; }
cp "$W/mod/gpio-sim.ko" "$OUT"
