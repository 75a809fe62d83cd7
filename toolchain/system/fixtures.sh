#!/bin/sh
# toolchain/system/fixtures.sh ROOT SRC OURVOICE — what the system test adds to the
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
#    line, loads the bochs display driver S seconds after boot (the test also
#    passes modprobe.blacklist=bochs so nothing else loads it);
#  - ovtest-nogl.service: with "ovtest.nogl" hides Mesa's DRI drivers and
#    libGL/libOpenGL before the kiosk starts (scenario g);
#  - the serial login prompts masked, so the console shows only the log;
#  - a longer TimeoutStartSec for the kiosk: under qemu's TCG on a loaded
#    machine its first frame can take over the 120 s a slow Pi is given.
set -eu
R=${1:?usage: fixtures.sh ROOT SRC}
SRC=${2:?usage: fixtures.sh ROOT SRC OURVOICE}
OURVOICE=${3:?usage: fixtures.sh ROOT SRC OURVOICE}

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
ExecStart=/bin/sh -c 'for w in $(cat /proc/cmdline); do case $w in ovtest.late_drm=*) s=$${w#*=};; esac; done; sleep $${s:-10}; echo "ovtest: loading bochs now"; modprobe bochs'
[Install]
WantedBy=multi-user.target
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
mkdir -p "$R/etc/systemd/system/ourvoice.service.d"
printf '[Service]\nTimeoutStartSec=600\n' >"$R/etc/systemd/system/ourvoice.service.d/ovtest-slow-vm.conf"
