#!/bin/sh
# board/rpi/install.sh — turns a fresh Raspberry Pi OS Lite (bookworm or
# trixie, 64-bit) into the OurVoice kiosk. Run as root: sudo sh install.sh
#
# What it does (each step is safe to repeat; uninstall.sh undoes them):
#  1. installs the ourvoice package (--deb FILE, or builds one from the source
#     checkout this script is in), which brings the libraries, the program,
#     the systemd unit, the USB udev rule and /etc/ourvoice/ourvoice.ini;
#  2. makes sure the `ourvoice` user exists, in the video, render, input, gpio
#     and audio groups;
#  3. keeps the votes in /var/lib/ourvoice, optionally on its own partition
#     (--data-device) so the system itself can be made read-only (--read-only);
#     sets the facilitator PIN (set-pin.sh: asks on a terminal, else makes a
#     random 6-digit PIN and prints it once; there is no default PIN);
#  4. keeps the system log in memory (journald Storage=volatile);
#  5. quiet boot straight into the kiosk: no splash, no blanking, no cursor,
#     kernel messages on tty3 (config.txt and cmdline.txt, marked edits);
#  6. starts the kiosk on tty1 instead of the login prompt, now and at boot.
#
# Options:
#   --deb FILE          install this package instead of building one
#   --data-device DEV   an ext4 partition (e.g. /dev/sda1, /dev/mmcblk0p3) to
#                       hold the votes, mounted at /var/lib/ourvoice
#   --read-only         turn on Raspberry Pi OS's read-only overlay for /
#                       (needs --data-device, so votes still reach a disk)
#   --boot-dir DIR      folder with config.txt and cmdline.txt
#                       (default /boot/firmware, else /boot)
#   --chroot            installing into an image or a chroot: no starting of
#                       services, no udev reload, no overlay, no reboot
#   --reboot            reboot at the end (needed for the boot settings)
#   -h, --help          this text
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
STATE_DIR=/etc/ourvoice
STATE=$STATE_DIR/install-state
MARK_BEGIN="# --- ourvoice begin"

DEB=""; DATA_DEV=""; READ_ONLY=0; BOOT_DIR=""; CHROOT=0; REBOOT=0

say() { echo "ourvoice install: $*"; }
die() { echo "ourvoice install: ERROR: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --deb) [ $# -ge 2 ] || die "--deb needs a file"; DEB=$2; shift ;;
        --data-device) [ $# -ge 2 ] || die "--data-device needs a device"; DATA_DEV=$2; shift ;;
        --read-only) READ_ONLY=1 ;;
        --boot-dir) [ $# -ge 2 ] || die "--boot-dir needs a folder"; BOOT_DIR=$2; shift ;;
        --chroot) CHROOT=1 ;;
        --reboot) REBOOT=1 ;;
        -h|--help) usage 0 ;;
        *) echo "ourvoice install: unknown option $1" >&2; usage 2 ;;
    esac
    shift
done

[ "$(id -u)" = 0 ] || die "run me as root: sudo sh $0"
[ "$READ_ONLY" = 1 ] && [ -z "$DATA_DEV" ] &&
    die "--read-only needs --data-device: with a read-only system and no data partition every vote would be lost at power-off"

# Record "key value" lines that uninstall.sh reads.
state_set() {
    mkdir -p "$STATE_DIR"
    touch "$STATE"
    grep -v "^$1 " "$STATE" >"$STATE.new" || true
    echo "$1 $2" >>"$STATE.new"
    mv "$STATE.new" "$STATE"
}

# --- 0. the system ----------------------------------------------------------------
. /etc/os-release 2>/dev/null || true
case "${VERSION_CODENAME:-}" in
    bookworm|trixie) ;;
    *) say "warning: tested on Raspberry Pi OS bookworm and trixie; this is '${PRETTY_NAME:-unknown}'" ;;
esac
ARCH=$(dpkg --print-architecture)
[ "$ARCH" = arm64 ] || say "note: this is $ARCH, not arm64 (fine for a test; a Pi runs 64-bit Raspberry Pi OS)"
[ "$CHROOT" = 0 ] && [ ! -d /run/systemd/system ] && {
    say "systemd is not running here: treating this as --chroot (nothing started)"; CHROOT=1; }
export DEBIAN_FRONTEND=noninteractive
APT="apt-get -o DPkg::Lock::Timeout=600 -y -q"

# --- 1. the package -----------------------------------------------------------
if [ -n "$DEB" ]; then
    [ -f "$DEB" ] || die "no such package file: $DEB"
    case "$DEB" in /*) ;; *) DEB="$(pwd)/$DEB" ;; esac
elif [ -f "$HERE/../../Makefile" ] && [ -f "$HERE/../../toolchain/make-deb.sh" ]; then
    SRC=$(cd "$HERE/../.." && pwd)
    say "building the ourvoice package from $SRC (a few minutes on a Pi)"
    (cd "$SRC" && sh toolchain/install-deps.sh && make BUILD="${OV_INSTALL_BUILD:-build}" deb DEB_ARCHES="$ARCH") ||
        die "the build failed (see above); fix it or pass --deb FILE"
    DEB=$(ls -t "$SRC/${OV_INSTALL_BUILD:-build}"/deb/ourvoice_*_"$ARCH".deb | head -1)
elif dpkg-query -W -f='${Status}' ourvoice 2>/dev/null | grep -q "install ok installed"; then
    say "the ourvoice package is installed already"
else
    die "no package to install: pass --deb ourvoice_VERSION_$ARCH.deb or run me from the source checkout"
fi
if [ -n "$DEB" ]; then
    say "installing $(basename "$DEB")"
    $APT update || say "warning: apt-get update failed; trying with the package lists there are"
    $APT install --no-install-recommends "$DEB" || die "apt-get could not install $DEB (see above)"
fi
[ -x /usr/bin/ourvoice ] || die "/usr/bin/ourvoice is missing after the install"

# --- 2. the user ------------------------------------------------------------------
if ! getent passwd ourvoice >/dev/null; then
    adduser --system --group --home /var/lib/ourvoice --no-create-home --gecos "OurVoice kiosk" ourvoice
fi
for g in video render input gpio audio; do
    if getent group "$g" >/dev/null; then
        id -nG ourvoice | tr ' ' '\n' | grep -qx "$g" || adduser ourvoice "$g" >/dev/null
    else
        say "note: there is no '$g' group here (on Raspberry Pi OS there is); skipped"
    fi
done

# --- 3. the data folder -------------------------------------------------------------
mkdir -p /var/lib/ourvoice
if [ -n "$DATA_DEV" ]; then
    [ -b "$DATA_DEV" ] || die "$DATA_DEV is not a block device (see lsblk)"
    TYPE=$(blkid -o value -s TYPE "$DATA_DEV" 2>/dev/null || true)
    UUID=$(blkid -o value -s UUID "$DATA_DEV" 2>/dev/null || true)
    [ "$TYPE" = ext4 ] || die "$DATA_DEV holds '${TYPE:-nothing}', not ext4. Make it with: sudo mkfs.ext4 -L ourvoice-data $DATA_DEV (this erases it)"
    [ -n "$UUID" ] || die "$DATA_DEV has no UUID"
    if ! grep -q "# ourvoice-data" /etc/fstab; then
        # ext4's default data=ordered: SQLite syncs every vote before "thank
        # you", so a power cut loses nothing thanked. Never data=journal: the
        # ext4 journal would keep a copy of every block written, an ordered
        # history of the votes (docs/privacy.md).
        echo "UUID=$UUID /var/lib/ourvoice ext4 defaults,noatime,nosuid,nodev,noexec 0 2 # ourvoice-data" >>/etc/fstab
        state_set fstab added
    fi
    if [ "$CHROOT" = 0 ] && ! mountpoint -q /var/lib/ourvoice; then
        systemctl daemon-reload
        mount /var/lib/ourvoice || die "could not mount $DATA_DEV on /var/lib/ourvoice"
    fi
fi
chown ourvoice:ourvoice /var/lib/ourvoice
chmod 700 /var/lib/ourvoice
# No default PIN: the first one is set here (a PIN set before is kept).
sh "$HERE/set-pin.sh" --keep --data-dir /var/lib/ourvoice ||
    say "warning: no facilitator PIN was set; until one is, only the key switch opens facilitator mode (then Change PIN), or run: sudo sh $HERE/set-pin.sh"

# --- 4. the log in memory -----------------------------------------------------------------
mkdir -p /etc/systemd/journald.conf.d
install -m 644 "$HERE/journald-ourvoice.conf" /etc/systemd/journald.conf.d/ourvoice.conf

# --- 5. boot settings ------------------------------------------------------------------
if [ -z "$BOOT_DIR" ]; then
    if [ -f /boot/firmware/config.txt ]; then BOOT_DIR=/boot/firmware
    elif [ -f /boot/config.txt ]; then BOOT_DIR=/boot; fi
fi
if [ -n "$BOOT_DIR" ] && [ -f "$BOOT_DIR/config.txt" ]; then
    CFG=$BOOT_DIR/config.txt
    if ! grep -q "^$MARK_BEGIN" "$CFG"; then
        [ -n "$(tail -c1 "$CFG")" ] && echo >>"$CFG"
        cat "$HERE/config.txt.fragment" >>"$CFG"
        say "added the kiosk settings to $CFG"
    fi
    grep -Eq '^[[:space:]]*dtoverlay=vc4-(f)?kms-v3d' "$CFG" ||
        say "warning: $CFG has no dtoverlay=vc4-kms-v3d; the kiosk needs the KMS display driver (Raspberry Pi OS has it by default)"
    CMD=$BOOT_DIR/cmdline.txt
    if [ -f "$CMD" ]; then
        line=$(head -1 "$CMD")
        added=$(sed -n 's/^cmdline-added //p' "$STATE" 2>/dev/null || true)
        removed=$(sed -n 's/^cmdline-removed //p' "$STATE" 2>/dev/null || true)
        new=""
        for tok in $line; do
            drop=0
            for r in $(cat "$HERE/cmdline.txt.remove"); do
                [ "$tok" = "$r" ] && drop=1
            done
            if [ "$drop" = 1 ]; then
                case " $removed " in *" $tok "*) ;; *) removed="$removed $tok" ;; esac
            else
                new="$new $tok"
            fi
        done
        for a in $(cat "$HERE/cmdline.txt.add"); do
            case " $new " in
                *" $a "*) ;;
                *) new="$new $a"
                   case " $added " in *" $a "*) ;; *) added="$added $a" ;; esac ;;
            esac
        done
        new=${new# }
        if [ "$new" != "$line" ]; then
            [ -f "$CMD.ourvoice-orig" ] || cp -p "$CMD" "$CMD.ourvoice-orig"
            printf '%s\n' "$new" >"$CMD.new" && mv "$CMD.new" "$CMD"
            say "quiet boot set in $CMD"
        fi
        state_set cmdline-installed "$new"
        state_set cmdline-added "$(echo $added)"
        state_set cmdline-removed "$(echo $removed)"
    fi
    state_set boot-dir "$BOOT_DIR"
else
    say "warning: no config.txt found (use --boot-dir DIR); boot settings not changed"
fi

# --- 6. the kiosk on tty1 ------------------------------------------------------------------
if systemctl is-enabled getty@tty1.service >/dev/null 2>&1; then
    systemctl disable getty@tty1.service >/dev/null 2>&1 || true
    state_set getty-tty1 was-enabled
fi
systemctl enable ourvoice.service >/dev/null 2>&1 || die "systemctl could not enable ourvoice.service"
state_set installed "$(date -u +%Y-%m-%dT%H:%M:%SZ)"

if [ "$READ_ONLY" = 1 ]; then
    if [ "$CHROOT" = 1 ]; then
        say "--read-only skipped in a chroot; turn it on later with: sudo raspi-config nonint do_overlayfs 0"
    elif command -v raspi-config >/dev/null; then
        raspi-config nonint do_overlayfs 0 && state_set overlay enabled && say "read-only system turned on (after the reboot)"
    else
        say "warning: raspi-config is missing; the read-only overlay was not turned on"
    fi
fi

if [ "$CHROOT" = 0 ]; then
    systemctl daemon-reload
    systemctl restart systemd-journald || true
    udevadm control --reload-rules || true
    systemctl stop getty@tty1.service 2>/dev/null || true
    systemctl restart ourvoice.service || say "warning: the kiosk did not start; see: journalctl -u ourvoice"
fi

say "done. The kiosk starts on the screen at every boot."
say "Settings: /etc/ourvoice/ourvoice.ini   Log: journalctl -u ourvoice   Votes: /var/lib/ourvoice"
if [ "$REBOOT" = 1 ] && [ "$CHROOT" = 0 ]; then
    say "rebooting now"
    systemctl reboot
else
    say "Reboot once so the quiet boot settings apply: sudo reboot"
fi
