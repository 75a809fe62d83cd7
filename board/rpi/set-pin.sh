#!/bin/sh
# board/rpi/set-pin.sh — sets the facilitator PIN of the kiosk. There is no
# default PIN: until one is set only the key switch opens facilitator mode.
# install.sh runs this once (with --keep). Run as root: sudo sh set-pin.sh
#
# On a terminal it asks for a PIN (4 to 8 numbers, typed twice; Enter alone
# makes a random one). With no terminal it makes a random 6-digit PIN and
# prints it once. Only a salted PBKDF2 hash is stored, in the kiosk's data
# folder (settings.ini, [facilitator] pin_hash), the same file the kiosk's
# own "Change PIN" writes. Needs python3 (in Raspberry Pi OS).
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
command -v python3 >/dev/null 2>&1 || {
    say "warning: python3 is missing, so no PIN was set. Until one is, only the key switch opens facilitator mode; set one there (Change PIN)."
    exit 0; }

# 1 (true) when SETTINGS holds a pin_hash already.
pin_is_set() {
    [ -f "$SETTINGS" ] && python3 - "$SETTINGS" <<'PY'
import sys, configparser
c = configparser.ConfigParser(interpolation=None, strict=False)
c.read(sys.argv[1], encoding="utf-8")
sys.exit(0 if c.get("facilitator", "pin_hash", fallback="").strip() else 1)
PY
}

if [ "$KEEP" = 1 ] && pin_is_set; then
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

# Hash (PBKDF2-HMAC-SHA256, as firmware/ui/pin.c checks it) and store; a
# random PIN when none was typed. Prints "random PIN" or "typed", or fails
# with the reason. The PIN goes through the environment, never the command line.
OUT=$(OV_PIN="$PIN" python3 - "$SETTINGS" <<'PY'
import hashlib, os, re, secrets, sys, tempfile
ITERATIONS = 20000  # OV_PIN_ITERATIONS
def guessable(p):
    steps = {int(b) - int(a) for a, b in zip(p, p[1:])}
    return len(steps) == 1 and steps <= {0, 1, -1}
pin = os.environ.get("OV_PIN", "")
made = not pin
if made:
    pin = "%06d" % secrets.randbelow(10**6)
    while guessable(pin):
        pin = "%06d" % secrets.randbelow(10**6)
if not re.fullmatch(r"[0-9]{4,8}", pin):
    sys.exit("use 4 to 8 numbers, nothing else")
if guessable(pin):
    sys.exit("that PIN is one anybody would try first (like 1234 or 1111); choose another")
salt = secrets.token_bytes(16)
dk = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, ITERATIONS, 32)
line = "pin_hash = pbkdf2-sha256$%d$%s$%s" % (ITERATIONS, salt.hex(), dk.hex())
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().splitlines() if os.path.exists(path) else []
out, section, done = [], "", False
for l in lines:
    s = l.strip()
    if s.startswith("["):
        if section == "facilitator" and not done:
            out.append(line); done = True
        section = s.strip("[]").strip()
    elif section == "facilitator" and re.match(r"pin_hash\s*[=:]", s):
        if not done:
            out.append(line); done = True
        continue
    out.append(l)
if not done:
    if section != "facilitator":
        out.append("[facilitator]")
    out.append(line)
fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".settings.")
with os.fdopen(fd, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
    f.flush(); os.fsync(f.fileno())
os.chmod(tmp, 0o600)
os.replace(tmp, path)
d = os.open(os.path.dirname(path) or ".", os.O_RDONLY); os.fsync(d); os.close(d)
print("random " + pin if made else "typed")
PY
) || die "no PIN was set (see above)"
chown --reference="$DATA" "$SETTINGS" 2>/dev/null || true
rm -f "$DATA/pin-wait"  # a new PIN starts with no wrong tries
case "$OUT" in
    random*)
        say "the facilitator PIN is ${OUT#random }"
        say "write it down now: it is shown only this once. To change it, $CHANGE_HOW" ;;
    *) say "the facilitator PIN is set. To change it, $CHANGE_HOW" ;;
esac
