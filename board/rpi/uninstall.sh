#!/bin/sh
# board/rpi/uninstall.sh — undoes board/rpi/install.sh: stops the kiosk, gives
# tty1 back to the login prompt, removes the boot, log and mount settings it
# added, and removes the ourvoice package. The votes in /var/lib/ourvoice and
# the ourvoice user are KEPT unless you pass --delete-votes (export first!).
# Run as root: sudo sh uninstall.sh [--delete-votes] [--keep-package]
#              [--boot-dir DIR] [--chroot]
set -eu

STATE=/etc/ourvoice/install-state
MARK_BEGIN="# --- ourvoice begin"
MARK_END="# --- ourvoice end ---"
DELETE_VOTES=0; KEEP_PKG=0; BOOT_DIR=""; CHROOT=0

say() { echo "ourvoice uninstall: $*"; }
die() { echo "ourvoice uninstall: ERROR: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --delete-votes) DELETE_VOTES=1 ;;
        --keep-package) KEEP_PKG=1 ;;
        --boot-dir) [ $# -ge 2 ] || die "--boot-dir needs a folder"; BOOT_DIR=$2; shift ;;
        --chroot) CHROOT=1 ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || die "run me as root: sudo sh $0"
[ "$CHROOT" = 0 ] && [ ! -d /run/systemd/system ] && CHROOT=1
state_get() { sed -n "s/^$1 //p" "$STATE" 2>/dev/null | tail -1; }

# --- the kiosk and tty1 ----------------------------------------------------------------
[ "$CHROOT" = 0 ] && systemctl stop ourvoice.service 2>/dev/null || true
systemctl disable ourvoice.service >/dev/null 2>&1 || true
if [ "$(state_get getty-tty1)" = was-enabled ]; then
    systemctl enable getty@tty1.service >/dev/null 2>&1 || true
    [ "$CHROOT" = 0 ] && systemctl start getty@tty1.service 2>/dev/null || true
fi

# --- boot settings --------------------------------------------------------------------
[ -n "$BOOT_DIR" ] || BOOT_DIR=$(state_get boot-dir)
if [ -n "$BOOT_DIR" ] && [ -f "$BOOT_DIR/config.txt" ]; then
    CFG=$BOOT_DIR/config.txt
    if grep -q "^$MARK_BEGIN" "$CFG"; then
        awk -v b="$MARK_BEGIN" -v e="$MARK_END" '
            index($0, b) == 1 { skip = 1; next }
            skip && index($0, e) == 1 { skip = 0; next }
            !skip { print }' "$CFG" >"$CFG.new" && mv "$CFG.new" "$CFG"
        say "removed the kiosk settings from $CFG"
    fi
    CMD=$BOOT_DIR/cmdline.txt
    if [ -f "$CMD" ] && [ -f "$CMD.ourvoice-orig" ] && [ "$(head -1 "$CMD")" = "$(state_get cmdline-installed)" ]; then
        # Unchanged since the install: put the original back exactly.
        mv "$CMD.ourvoice-orig" "$CMD"
        say "boot messages and splash back as before in $CMD"
    elif [ -f "$CMD" ] && [ -f "$STATE" ]; then
        # Edited since: take out only what install.sh added.
        added=$(state_get cmdline-added)
        removed=$(state_get cmdline-removed)
        new=""
        for tok in $(head -1 "$CMD"); do
            case " $added " in *" $tok "*) continue ;; esac
            new="$new $tok"
        done
        # Put back what install.sh took out, where Raspberry Pi OS has it.
        for tok in $removed; do
            case " $new " in *" $tok "*) ;; *) new="$new $tok" ;; esac
        done
        printf '%s\n' "${new# }" >"$CMD.new" && mv "$CMD.new" "$CMD"
        rm -f "$CMD.ourvoice-orig"
        say "boot messages and splash back as before in $CMD"
    fi
fi

# --- log, mounts, overlay ------------------------------------------------------------------
rm -f /etc/systemd/journald.conf.d/ourvoice.conf
rmdir /etc/systemd/journald.conf.d 2>/dev/null || true
if grep -q "# ourvoice-data" /etc/fstab; then
    grep -v "# ourvoice-data" /etc/fstab >/etc/fstab.new && mv /etc/fstab.new /etc/fstab
    say "removed the data partition from /etc/fstab (the partition and its votes are untouched)"
fi
if [ "$(state_get overlay)" = enabled ] && [ "$CHROOT" = 0 ] && command -v raspi-config >/dev/null; then
    raspi-config nonint do_overlayfs 1 || say "warning: could not turn the read-only overlay off; use raspi-config"
fi

# --- the package ------------------------------------------------------------------------
if [ "$KEEP_PKG" = 0 ] && dpkg-query -W -f='${Status}' ourvoice 2>/dev/null | grep -q "install ok installed"; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -q purge ourvoice ||
        die "apt-get could not remove the ourvoice package"
fi
rm -f "$STATE"
rmdir /etc/ourvoice 2>/dev/null || true

if [ "$DELETE_VOTES" = 1 ]; then
    if mountpoint -q /var/lib/ourvoice 2>/dev/null; then
        say "/var/lib/ourvoice is its own partition: emptied, not unmounted"
        find /var/lib/ourvoice -mindepth 1 -delete
    else
        rm -rf /var/lib/ourvoice
    fi
    getent passwd ourvoice >/dev/null && deluser --system ourvoice >/dev/null 2>&1 || true
    getent group ourvoice >/dev/null && delgroup --system ourvoice >/dev/null 2>&1 || true
    say "votes and the ourvoice user deleted"
else
    say "the votes in /var/lib/ourvoice and the ourvoice user were kept (--delete-votes removes them)"
fi
[ "$CHROOT" = 0 ] && { systemctl daemon-reload; systemctl restart systemd-journald || true; }
say "done. Reboot to get the normal boot screen back: sudo reboot"
