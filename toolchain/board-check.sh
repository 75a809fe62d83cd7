#!/bin/sh
# toolchain/board-check.sh — runs INSIDE a throwaway trixie root (see
# toolchain/test-board.sh): installs the kiosk with board/rpi/install.sh as on
# a fresh Raspberry Pi OS Lite, checks each change, re-runs it, verifies the
# unit and udev rule, uninstalls and checks everything is back.
# Ends with "N passed, N failed".
set -u
pass=0; fail=0
ok()  { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
check() { desc=$1; shift; if "$@" >/dev/null 2>&1; then ok "$desc"; else bad "$desc"; fi; }
finish() { echo "$pass passed, $fail failed"; exit 0; }

ARCH=$(dpkg --print-architecture)
export DEBIAN_FRONTEND=noninteractive

# Raspberry Pi OS has a gpio group; plain Debian does not.
getent group gpio >/dev/null || groupadd -r gpio

# --- the package ---------------------------------------------------------------------
B=/build
if make --no-print-directory BUILD=$B deb DEB_ARCHES="$ARCH" >/tmp/deb.log 2>&1; then
    ok "make deb on $(. /etc/os-release; echo "$VERSION_CODENAME")"
else
    tail -20 /tmp/deb.log; bad "make deb (log above)"; finish
fi
DEB=$(ls -t $B/deb/ourvoice_*_"$ARCH".deb | head -1)
check "package depends on trixie's libgpiod (libgpiod3)" sh -c "dpkg-deb -f '$DEB' Depends | grep -q libgpiod3"

# --- a boot partition like Raspberry Pi OS's -----------------------------------------------
mkdir -p /boot/firmware
cat >/boot/firmware/config.txt <<'EOT'
# For more options and information see
# http://rptl.io/configtxt
dtparam=audio=on
camera_auto_detect=1
display_auto_detect=1
auto_initramfs=1
dtoverlay=vc4-kms-v3d
max_framebuffers=2
disable_fw_kms_setup=1
arm_64bit=1
disable_overscan=1
arm_boost=1

[cm4]
otg_mode=1

[all]
EOT
echo "console=serial0,115200 console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 fsck.repair=yes rootwait quiet init=/usr/lib/raspberrypi-sys-mods/firstboot splash cfg80211.ieee80211_regdom=GB" \
    >/boot/firmware/cmdline.txt
cp /boot/firmware/config.txt /tmp/config.orig
cp /boot/firmware/cmdline.txt /tmp/cmdline.orig
cp /etc/fstab /tmp/fstab.orig

# --- install ------------------------------------------------------------------------------
if sh board/rpi/install.sh --deb "$DEB" --chroot >/tmp/install.log 2>&1; then ok "install.sh --chroot"
else cat /tmp/install.log; bad "install.sh --chroot (log above)"; finish; fi

check "/usr/bin/ourvoice installed" test -x /usr/bin/ourvoice
check "/usr/lib/ourvoice/ourvoice-kiosk installed" test -x /usr/lib/ourvoice/ourvoice-kiosk
check "ourvoice runs the installed kiosk program (ourvoice kiosk --help)" \
    sh -c "/usr/bin/ourvoice kiosk --help | grep -q '^usage: ourvoice kiosk'"
check "ourvoice loads no SDL (ourvoice --help)" sh -c "! LD_DEBUG=files /usr/bin/ourvoice --help 2>&1 | grep -q 'file=libSDL2'"
check "questions installed in /usr/share/ourvoice" test -d /usr/share/ourvoice
check "default settings in /etc/ourvoice/ourvoice.ini" test -f /etc/ourvoice/ourvoice.ini
check "the ourvoice user exists" getent passwd ourvoice
for g in video render input gpio audio; do
    check "ourvoice is in group $g" sh -c "id -nG ourvoice | tr ' ' '\n' | grep -qx $g"
done
check "ourvoice has no login shell" sh -c "getent passwd ourvoice | grep -Eq ':/(usr/)?s?bin/(nologin|false)$'"
check "/var/lib/ourvoice belongs to ourvoice, mode 700" sh -c "[ \"\$(stat -c %U:%a /var/lib/ourvoice)\" = ourvoice:700 ]"
check "ourvoice.service enabled" sh -c "systemctl is-enabled ourvoice.service | grep -qx enabled"
check "login prompt on tty1 disabled" sh -c "! systemctl is-enabled getty@tty1.service | grep -qx enabled"
check "journal kept in memory (Storage=volatile)" grep -qx 'Storage=volatile' /etc/systemd/journald.conf.d/ourvoice.conf
check "config.txt: kiosk block added once" sh -c "[ \$(grep -c '^# --- ourvoice begin' /boot/firmware/config.txt) = 1 ]"
check "config.txt: no splash" grep -qx 'disable_splash=1' /boot/firmware/config.txt
check "config.txt: original lines kept" sh -c "head -n \$(wc -l </tmp/config.orig) /boot/firmware/config.txt | cmp -s - /tmp/config.orig"
CMDLINE=$(cat /boot/firmware/cmdline.txt)
check "cmdline.txt is still one line" sh -c "[ \$(wc -l </boot/firmware/cmdline.txt) = 1 ]"
for t in consoleblank=0 quiet logo.nologo vt.global_cursor_default=0 console=tty3 root=PARTUUID=4e639091-02 rootwait; do
    check "cmdline.txt has $t" sh -c "echo ' $CMDLINE ' | grep -q ' $t '"
done
for t in splash console=tty1; do
    check "cmdline.txt has no $t" sh -c "! echo ' $CMDLINE ' | grep -q ' $t '"
done
check "fstab unchanged without --data-device" cmp -s /etc/fstab /tmp/fstab.orig
check "install state recorded" test -s /etc/ourvoice/install-state
check "a facilitator PIN was made and printed once (6 digits)" grep -Eq 'the facilitator PIN is [0-9]{6}$' /tmp/install.log
check "only the PIN's hash is kept, in /var/lib/ourvoice/settings.ini" \
    grep -Eq '^pin_hash = pbkdf2-sha256\$[0-9]+\$[0-9a-f]+\$[0-9a-f]+$' /var/lib/ourvoice/settings.ini
check "settings.ini belongs to ourvoice, mode 600" \
    sh -c "[ \"\$(stat -c %U:%a /var/lib/ourvoice/settings.ini)\" = ourvoice:600 ]"
PIN_HASH=$(grep '^pin_hash' /var/lib/ourvoice/settings.ini 2>/dev/null || true)

# --- again: nothing doubles -------------------------------------------------------------------
cp /boot/firmware/config.txt /tmp/config.once
cp /boot/firmware/cmdline.txt /tmp/cmdline.once
if sh board/rpi/install.sh --deb "$DEB" --chroot >/tmp/install2.log 2>&1; then ok "install.sh a second time"
else cat /tmp/install2.log; bad "install.sh a second time"; fi
check "second run leaves config.txt as it was" cmp -s /boot/firmware/config.txt /tmp/config.once
check "second run leaves cmdline.txt as it was" cmp -s /boot/firmware/cmdline.txt /tmp/cmdline.once
check "second run keeps the facilitator PIN" sh -c "[ -n '$PIN_HASH' ] && grep -qxF '$PIN_HASH' /var/lib/ourvoice/settings.ini"

# --- unit and udev rule, as installed ---------------------------------------------------------------
UNIT=$(ls /usr/lib/systemd/system/ourvoice.service /lib/systemd/system/ourvoice.service 2>/dev/null | head -1)
out=$(systemd-analyze verify "$UNIT" 2>&1 | grep -v 'Failed to .* bus\|Running in chroot')
if [ -z "$out" ]; then ok "systemd-analyze verify $UNIT (systemd $(systemd-analyze --version | head -1 | cut -d' ' -f2))"
else echo "$out"; bad "systemd-analyze verify $UNIT"; fi
for key in Type=notify WatchdogSec= Restart=always TTYPath=/dev/tty1 StandardInput=tty Conflicts=getty@tty1.service User=ourvoice; do
    check "unit has $key" grep -q "^$key" "$UNIT"
done
RULE=$(ls /usr/lib/udev/rules.d/99-ourvoice-usb.rules /lib/udev/rules.d/99-ourvoice-usb.rules 2>/dev/null | head -1)
if udevadm verify --help >/dev/null 2>&1; then
    check "udevadm verify $RULE" udevadm verify --resolve-names=never "$RULE"
fi
check "USB sticks mounted noexec,nosuid,nodev" sh -c "[ \$(grep -c 'systemd-mount.*noexec,nosuid,nodev' '$RULE') = 2 ]"
# The shipped settings file, read by the kiosk's own loader (firmware/platform/config.c).
cat >/tmp/cfgcheck.c <<'EOT'
#include "platform/config.h"
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv)
{
    static ov_config cfg;
    static ov_diags d;
    ov_config_defaults(&cfg);
    ov_diags_init(&d);
    int rc = ov_config_load(argv[1], &cfg, &d);
    ov_diags_print(&d, stdout);
    /* The Pi settings: full screen, votes in /var/lib/ourvoice. */
    return argc == 2 && rc == 0 && d.n_errors == 0 && cfg.fullscreen == 1 &&
           strcmp(cfg.data_dir, "/var/lib/ourvoice") == 0 ? 0 : 1;
}
EOT
if make --no-print-directory BUILD=$B $B/libourvoice-platform.a $B/libourvoice-core.a >/tmp/lib.log 2>&1 &&
   cc -std=c11 -D_GNU_SOURCE -Ifirmware /tmp/cfgcheck.c $B/libourvoice-platform.a $B/libourvoice-core.a \
      $(pkg-config --libs sdl2 SDL2_ttf SDL2_image espeak-ng libgpiod sqlite3 inih) -lpthread -lm \
      -o /tmp/cfgcheck >>/tmp/lib.log 2>&1; then
    check "/etc/ourvoice/ourvoice.ini loads with no errors (full screen, data in /var/lib/ourvoice)" /tmp/cfgcheck /etc/ourvoice/ourvoice.ini
    sed 's/^#\([a-z_0-9]* =\)/\1/' /etc/ourvoice/ourvoice.ini >/tmp/all.ini
    check "every commented setting in ourvoice.ini is valid when switched on" /tmp/cfgcheck /tmp/all.ini
else
    tail -5 /tmp/lib.log; bad "could not build the settings checker against the platform and core libraries"
fi

# --- uninstall -----------------------------------------------------------------------------
touch /var/lib/ourvoice/votes.db
if sh board/rpi/uninstall.sh --chroot >/tmp/uninstall.log 2>&1; then ok "uninstall.sh --chroot"
else cat /tmp/uninstall.log; bad "uninstall.sh --chroot (log above)"; fi
check "config.txt back byte for byte" cmp -s /boot/firmware/config.txt /tmp/config.orig
check "cmdline.txt back byte for byte" cmp -s /boot/firmware/cmdline.txt /tmp/cmdline.orig
check "login prompt on tty1 enabled again" sh -c "systemctl is-enabled getty@tty1.service | grep -qx enabled"
check "kiosk unit gone" sh -c "! test -e '$UNIT'"
check "journald drop-in gone" sh -c "! test -e /etc/systemd/journald.conf.d/ourvoice.conf"
check "package removed" sh -c "! dpkg-query -W -f='\${Status}' ourvoice 2>/dev/null | grep -q 'install ok installed'"
check "votes kept" test -f /var/lib/ourvoice/votes.db

# Uninstall after the boot line was edited by hand: only our tokens go.
sh board/rpi/install.sh --deb "$DEB" --chroot >/dev/null 2>&1
sed -i 's/$/ usbcore.autosuspend=-1/' /boot/firmware/cmdline.txt
sh board/rpi/uninstall.sh --chroot --delete-votes >/dev/null 2>&1
CMDLINE=$(cat /boot/firmware/cmdline.txt)
check "hand edit kept after uninstall" sh -c "echo ' $CMDLINE ' | grep -q ' usbcore.autosuspend=-1 '"
check "our tokens removed after a hand edit" sh -c "! echo ' $CMDLINE ' | grep -Eq ' (consoleblank=0|logo.nologo|console=tty3) '"
check "splash and console=tty1 put back" sh -c "echo ' $CMDLINE ' | grep -q ' splash ' && echo ' $CMDLINE ' | grep -q ' console=tty1 '"
check "--delete-votes removes the votes and the user" sh -c "! test -e /var/lib/ourvoice && ! getent passwd ourvoice"
finish
