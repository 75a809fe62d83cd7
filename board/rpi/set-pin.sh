#!/bin/sh
# board/rpi/set-pin.sh — sets the facilitator PIN of the kiosk. There is no
# default PIN: until one is set only the key switch opens facilitator mode.
# install.sh runs this once (with --keep). Run as root: sudo sh set-pin.sh
#
# On a terminal it asks for a PIN (4 to 8 numbers, typed twice; Enter alone
# makes a random one). With no terminal it makes a random 6-digit PIN and
# prints it once. Only a salted PBKDF2 hash is stored, in the kiosk's data
# folder (settings.ini, [facilitator] pin_hash), the same file the kiosk's
# own "Change PIN" writes, by `ourvoice set-pin` (the kiosk's own rules).
#
# Options:
#   --data-dir DIR   the kiosk's data folder (default /var/lib/ourvoice)
#   --keep           keep a PIN that is set already (install.sh uses this)
#   -h, --help       this text
set -eu

DATA=/var/lib/ourvoice; KEEP=0
say() { echo "ourvoice set-pin: $*"; }
die() { echo "ourvoice set-pin: ERROR: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --data-dir) [ $# -ge 2 ] || die "--data-dir needs a folder"; DATA=$2; shift ;;
        --keep) KEEP=1 ;;
        -h|--help) usage 0 ;;
        *) echo "ourvoice set-pin: unknown option $1" >&2; usage 2 ;;
    esac
    shift
done

[ -d "$DATA" ] || die "there is no data folder $DATA (install the kiosk first, or pass --data-dir)"
SETTINGS=$DATA/settings.ini
CHANGE_HOW="change it on the kiosk (Facilitator, then Change PIN) or run: sudo sh $(cd "$(dirname "$0")" && pwd)/set-pin.sh"
# The kiosk's own program hashes and stores the PIN (one implementation of the
# rules, the same as Change PIN); OURVOICE names another build of it.
OURVOICE=${OURVOICE:-$(command -v ourvoice || echo /usr/bin/ourvoice)}
[ -x "$OURVOICE" ] || {
    say "warning: $OURVOICE is missing, so no PIN was set. Until one is, only the key switch opens facilitator mode; set one there (Change PIN)."
    exit 0; }

if [ "$KEEP" = 1 ] && "$OURVOICE" set-pin --data "$DATA" --is-set; then
    say "a facilitator PIN is set already: kept ($CHANGE_HOW)"
    exit 0
fi

PIN=""
if [ -t 0 ]; then
    while :; do
        printf 'Type a facilitator PIN of 4 to 8 numbers (Enter alone: a random one): '
        stty -echo 2>/dev/null || true; read -r PIN || PIN=""; stty echo 2>/dev/null || true; echo
        [ -z "$PIN" ] && break
        printf 'Type it again: '
        stty -echo 2>/dev/null || true; read -r AGAIN || AGAIN=""; stty echo 2>/dev/null || true; echo
        if [ "$PIN" != "$AGAIN" ]; then echo "The two PINs were not the same. Start again."; continue; fi
        break
    done
fi

# Hash and store (a random PIN when none was typed). Prints "random NNNNNN" or
# "typed", or fails with the reason. The PIN goes through the environment,
# never the command line.
OUT=$(OV_PIN="$PIN" "$OURVOICE" set-pin --data "$DATA") || die "no PIN was set (see above)"
# Both files set-pin writes belong to the kiosk's user (it runs as root here):
# a wrong-PIN wait it cannot read is a warning on every start.
chown --reference="$DATA" "$SETTINGS" "$DATA/pin-wait" 2>/dev/null || true
case "$OUT" in
    random*)
        say "the facilitator PIN is ${OUT#random }"
        say "write it down now: it is shown only this once. To change it, $CHANGE_HOW" ;;
    *) say "the facilitator PIN is set. To change it, $CHANGE_HOW" ;;
esac
