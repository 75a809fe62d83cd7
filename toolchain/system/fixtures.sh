#!/bin/sh
# toolchain/system/fixtures.sh ROOT SRC OURVOICE [GPIO_KO] — what the system test adds to the
# installed appliance root before it is packed into an image. None of this is
# part of the product; it is the test bench around it:
#  - /etc/fstab for the virtio disk, a host name;
#  - the kiosk's settings: the golden-screenshot settings (counts shown from
#    1 vote) with speech on, so screens match tests/golden;
#  - a known facilitator PIN, 2580, set the way an installer sets one
#    (`ourvoice set-pin`, the PIN typed; install.sh made a random one);
#  - a command line for the test on the second serial port (ttyS1): the host
#    reads the journal and systemd's counters through it, and plays the parts
#    that are not a member's (kill the kiosk, load a late display driver);
#  - ovtest-late-drm.service: with "ovtest.late_drm=S" on the kernel command
#    line, loads the bochs display driver S seconds after the kiosk's unit
#    began to start (its wait-display is running; the test also
#    passes modprobe.blacklist=bochs so nothing else loads it);
#  - ovtest-nogl.service: with "ovtest.nogl" hides Mesa's DRI drivers and
#    libGL/libOpenGL before the kiosk starts (scenario g);
#  - the serial login prompts masked, so the console shows only the log;
#  - with GPIO_KO (the gpio-sim module built for the appliance's kernel by
#    gpio-sim.sh): ovtest-gpio-sim.service makes a simulated chip shaped like
#    a Pi's header ("pinctrl-sim", lines GPIO0..GPIO27) before the kiosk
#    starts, and a gpio group with a udev rule gives the kiosk's user the
#    chip, as Raspberry Pi OS does; the host presses a button by writing
#    pull-down to the line's sim_gpioN/pull through ttyS1;
#  - a longer TimeoutStartSec for the kiosk: under qemu's TCG on a loaded
#    machine its first frame can take over the 120 s a slow Pi is given.
set -eu
R=${1:?usage: fixtures.sh ROOT SRC OURVOICE [GPIO_KO]}
SRC=${2:?usage: fixtures.sh ROOT SRC OURVOICE [GPIO_KO]}
OURVOICE=${3:?usage: fixtures.sh ROOT SRC OURVOICE [GPIO_KO]}
GPIO_KO=${4:-}

echo "/dev/vda / ext4 defaults,noatime 0 1" >"$R/etc/fstab"
echo ourvoice-test >"$R/etc/hostname"
# Start from a fresh machine id (systemd makes one at first boot).
: >"$R/etc/machine-id"

ini=$R/etc/ourvoice/ourvoice.ini
{
    echo "; written by toolchain/system/fixtures.sh: the golden settings, speech on"
    sed -e '/^speech *=/d' -e '/^pin_hash *=/d' -e 's/^meeting = .*/meeting = drop-in/' \
        "$SRC/tests/golden/ourvoice.ini" |
        grep -v '^;'
} >"$ini.tmp"
# data_dir and full screen as the installed file has them.
awk '
    /^\[kiosk\]/ { print; print "data_dir = /var/lib/ourvoice"; next }
    /^\[display\]/ { seen_display = 1 }
    /^\[speech\]/ { print; print "speech = yes"; next }
    { print }
    END { if (!seen_display) { print "[display]"; print "fullscreen = yes" } }
' "$ini.tmp" >"$ini"
rm -f "$ini.tmp"
chmod 644 "$ini"
# The PIN as `sudo sh set-pin.sh` stores a typed one (this build is the .deb's program).
data=$R/var/lib/ourvoice
OV_PIN=2580 "$OURVOICE" set-pin --data "$data" >/dev/null
chown --reference="$data" "$data/settings.ini" "$data/pin-wait"

cat >"$R/usr/local/sbin/ovtest-shell" <<'EOT'
#!/bin/sh
# The system test's command line on ttyS1: one command a line, each answered
# by its output and "OVTEST-END <exit status>".
stty -F /dev/ttyS1 raw -echo 115200 2>/dev/null || true
exec </dev/ttyS1 >/dev/ttyS1 2>&1
echo "OVTEST-READY"
while IFS= read -r line; do
    sh -c "$line" </dev/null
    echo "OVTEST-END $?"
done
EOT
chmod 755 "$R/usr/local/sbin/ovtest-shell"
cat >"$R/etc/systemd/system/ovtest-shell.service" <<'EOT'
[Unit]
Description=system test command line on ttyS1
DefaultDependencies=no
After=systemd-udevd.service
[Service]
ExecStart=/usr/local/sbin/ovtest-shell
Restart=always
[Install]
WantedBy=sysinit.target
EOT
cat >"$R/etc/systemd/system/ovtest-late-drm.service" <<'EOT'
[Unit]
Description=system test: load the display driver late
ConditionKernelCommandLine=ovtest.late_drm
[Service]
Type=oneshot
ExecStart=/bin/sh /usr/local/sbin/ovtest-late-drm
[Install]
WantedBy=multi-user.target
EOT
# S seconds after the kiosk's unit has begun to start (its wait-display is running), not after
# boot: a boot that took longer than S would otherwise find the driver loaded and never wait.
cat >"$R/usr/local/sbin/ovtest-late-drm" <<'EOT'
#!/bin/sh
s=10
for w in $(cat /proc/cmdline); do case $w in ovtest.late_drm=*) s=${w#*=};; esac; done
i=0
while [ "$i" -lt 600 ] && [ "$(systemctl show -P ActiveState ourvoice.service)" != activating ]; do
    sleep 0.5; i=$((i + 1))
done
echo "ovtest: the kiosk's unit is starting; loading bochs in $s s"
sleep "$s"
echo "ovtest: loading bochs now"
modprobe bochs
EOT
cat >"$R/etc/systemd/system/ovtest-nogl.service" <<'EOT'
[Unit]
Description=system test: no GL libraries (libGL, libOpenGL, Mesa DRI drivers)
ConditionKernelCommandLine=ovtest.nogl
DefaultDependencies=no
After=local-fs.target
Before=ourvoice.service
[Service]
Type=oneshot
ExecStart=/bin/sh -c 'cd /usr/lib/x86_64-linux-gnu && for f in libGL.so* libOpenGL.so* libGLX*.so*; do [ -e "$f" ] && mv "$f" "/root/$f.hidden"; done; ldconfig; echo "ovtest: GL libraries hidden"'
[Install]
WantedBy=sysinit.target
EOT
mkdir -p "$R/etc/systemd/system/sysinit.target.wants" "$R/etc/systemd/system/multi-user.target.wants"
ln -sf /etc/systemd/system/ovtest-shell.service "$R/etc/systemd/system/sysinit.target.wants/"
ln -sf /etc/systemd/system/ovtest-nogl.service "$R/etc/systemd/system/sysinit.target.wants/"
ln -sf /etc/systemd/system/ovtest-late-drm.service "$R/etc/systemd/system/multi-user.target.wants/"
for u in serial-getty@ttyS0.service serial-getty@ttyS1.service getty@tty2.service \
         apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer; do
    ln -sf /dev/null "$R/etc/systemd/system/$u"
done
if [ -n "$GPIO_KO" ]; then
    mkdir -p "$R/usr/local/lib/ovtest"
    cp "$GPIO_KO" "$R/usr/local/lib/ovtest/gpio-sim.ko"
    grep -q '^gpio:' "$R/etc/group" || chroot "$R" groupadd -r gpio
    chroot "$R" adduser ourvoice gpio >/dev/null
    echo 'SUBSYSTEM=="gpio", KERNEL=="gpiochip*", GROUP="gpio", MODE="0660"' \
        >"$R/etc/udev/rules.d/60-ovtest-gpio.rules"
    cat >"$R/usr/local/sbin/ovtest-gpio-sim" <<'EOT'
#!/bin/sh
# A simulated GPIO chip shaped like a Pi's header: "pinctrl-sim", GPIO0..GPIO27.
modprobe configfs 2>/dev/null
mountpoint -q /sys/kernel/config || mount -t configfs none /sys/kernel/config
insmod /usr/local/lib/ovtest/gpio-sim.ko || { echo "ovtest: gpio-sim: the module does not load"; exit 1; }
S=/sys/kernel/config/gpio-sim/ov
mkdir -p $S/bank0
echo 28 >$S/bank0/num_lines
echo pinctrl-sim >$S/bank0/label
i=0
while [ $i -lt 28 ]; do
    mkdir -p $S/bank0/line$i && echo GPIO$i >$S/bank0/line$i/name
    i=$((i + 1))
done
echo 1 >$S/live
udevadm settle 2>/dev/null
echo "ovtest: gpio-sim chip $(cat $S/bank0/chip_name) on $(cat $S/dev_name)"
EOT
    chmod 755 "$R/usr/local/sbin/ovtest-gpio-sim"
    cat >"$R/etc/systemd/system/ovtest-gpio-sim.service" <<'EOT'
[Unit]
Description=system test: a simulated GPIO chip (gpio-sim) for the arcade buttons
After=systemd-udevd.service local-fs.target
Before=ourvoice.service
[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/ovtest-gpio-sim
[Install]
WantedBy=multi-user.target
EOT
    ln -sf /etc/systemd/system/ovtest-gpio-sim.service "$R/etc/systemd/system/multi-user.target.wants/"
fi
mkdir -p "$R/etc/systemd/system/ourvoice.service.d"
printf '[Service]\nTimeoutStartSec=600\n' >"$R/etc/systemd/system/ourvoice.service.d/ovtest-slow-vm.conf"
