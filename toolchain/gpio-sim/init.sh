#!/bin/busybox sh
# toolchain/gpio-sim/init.sh — /init of the `make test-gpio` VM (busybox).
# Loads configfs and the out-of-tree gpio-sim module, makes a simulated GPIO
# chip that looks like a Raspberry Pi's header ("pinctrl-sim", lines named
# GPIO0..GPIO27) plus a second chip "ov-extra" (8 lines, for label:offset),
# runs each /gpio_sim_test_* program, and powers off.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
echo "gpio-sim-vm: kernel $(uname -r)"
insmod /lib/modules/configfs.ko 2>/dev/null   # may be built in
if ! insmod /lib/modules/gpio-sim.ko; then
    echo "gpio-sim-vm: FAIL: cannot load gpio-sim.ko"
    echo "gpio-sim-vm: 0 passed, 1 failed"
    poweroff -f
fi
mkdir -p /config && mount -t configfs none /config
S=/config/gpio-sim/ov
mkdir $S $S/bank0 $S/bank1
echo 28 > $S/bank0/num_lines
echo pinctrl-sim > $S/bank0/label
i=0
while [ $i -lt 28 ]; do
    mkdir $S/bank0/line$i && echo GPIO$i > $S/bank0/line$i/name
    i=$((i + 1))
done
echo 8 > $S/bank1/num_lines
echo ov-extra > $S/bank1/label
echo 1 > $S/live
echo "gpio-sim-vm: chips $(cat $S/bank0/chip_name) $(cat $S/bank1/chip_name) on $(cat $S/dev_name)"
for t in /gpio_sim_test_*; do
    [ -x "$t" ] || continue
    tag=${t#/gpio_sim_test_}
    timeout 120 "$t" "$tag" || echo "$tag: program exit status $?"
done
echo "gpio-sim-vm: done"
poweroff -f
