#!/bin/sh
# tests/robust/import_throttled.sh — new questions of 199 MB (10 recordings
# of 19.9 MB, just under the 200 MB an import may copy) are taken from a USB stick whose
# reads are throttled to 6 MB/s, through the real kiosk and its facilitator
# screens, under systemd's watchdog protocol (issue 11 point 7): the kiosk
# must say WATCHDOG=1 more often than WATCHDOG_USEC the whole time, or
# systemd would kill it half-way through the import. The stick is an ext4
# image on a loop device (this kernel has no vfat), remounted so that every
# read reaches the device; the throttle is the blkio cgroup (v1) of the
# kiosk. Needs root, losetup, mkfs.ext4, python3 and a blkio cgroup; prints
# "SKIP: reason" otherwise. Ends with "N passed, N failed".
# Usage: sh tests/robust/import_throttled.sh BUILD
set -u
BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }
CG=/sys/fs/cgroup/blkio
WATCHDOG_USEC=4000000
RATE=6291456 # bytes per second
if [ "$(id -u)" != 0 ] || ! command -v losetup >/dev/null || ! command -v mkfs.ext4 >/dev/null \
   || ! command -v python3 >/dev/null || [ ! -w "$CG" ] || [ ! -x "$BUILD/ourvoice" ]; then
    echo "SKIP: needs root, losetup, mkfs.ext4, python3, a writable blkio cgroup ($CG) and $BUILD/ourvoice"
    exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/ov-import-XXXXXX")
stick="$work/media/stick"
group="$CG/ourvoice-import-$$"
mkdir -p "$stick" "$work/data"
cleanup() {
    [ -n "${listener:-}" ] && kill "$listener" 2>/dev/null
    mountpoint -q "$stick" && umount "$stick"
    [ -n "${loop:-}" ] && losetup -d "$loop" 2>/dev/null
    [ -d "$group" ] && rmdir "$group" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The stick: the fixture's questions, a scale of 6 answers, each answer and
# each of 4 questions with a 19.9 MB recording (a valid WAV: it is decoded).
truncate -s 300M "$work/stick.img"
mkfs.ext4 -q -F "$work/stick.img" || { bad "mkfs.ext4"; echo "$passed passed, $failed failed"; exit 1; }
loop=$(losetup --find --show "$work/stick.img") || { echo "SKIP: no loop device"; exit 0; }
mount "$loop" "$stick" || { echo "SKIP: cannot mount a loop device"; exit 0; }
c="$stick/ourvoice/content"
mkdir -p "$c/recordings"
cp -a "$ROOT/tests/fixtures/import/good/pictures" "$c/"
python3 - "$c" <<'EOF'
import sys, wave, random
c = sys.argv[1]
ini = ["[content]", "language = en-gb", "[scale six]", "name = Six"]
words = ["None", "Some", "Half", "Most", "All", "I don't know"]
for i, w in enumerate(words):
    ini += ["[answer six a%d]" % i, "word = " + w, "colour = " + ["red", "amber", "yellow", "green", "blue",
            "grey"][i], "shape = " + ["triangle", "square", "circle", "star", "face-happy", "question"][i],
            "recording = recordings/a%d.wav" % i] + (["dont-know = yes"] if i == 5 else [])
for q in range(4):
    ini += ["[question q%d]" % q, "title = Question %d" % (q + 1), "sentence = Is it good?",
            "picture = pictures/question-a.svg", "recording = recordings/q%d.wav" % q, "scale = six"]
open(c + "/content.ini", "w").write("\n".join(ini) + "\n")
r = random.Random(7)
noise = bytes(r.getrandbits(8) for _ in range(1 << 20))
for name in ["a%d" % i for i in range(6)] + ["q%d" % q for q in range(4)]:
    w = wave.open("%s/recordings/%s.wav" % (c, name), "wb")
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)
    for _ in range(19):                    # 19.9 MB: under the 20 MB a file may have
        w.writeframes(noise)
    w.writeframes(noise[:900 << 10])
    w.close()
EOF
total=$(du -sb "$c/recordings" | cut -f1)
echo "import: $((total / 1048576)) MB of recordings on the stick"
umount "$stick" && mount -o ro "$loop" "$stick" # nothing of the stick in the page cache

# systemd's side of the watchdog: every datagram's time, as it arrives.
python3 - "$work/notify" "$work/pings" <<'EOF' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
out = open(sys.argv[2], "w", buffering=1)
while True:
    msg = s.recv(4096).decode(errors="replace")
    out.write("%.3f %s\n" % (time.monotonic(), msg.replace("\n", " ")))
EOF
listener=$!
i=0; while [ ! -S "$work/notify" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done

cat > "$work/ourvoice.ini" <<EOF
[speech]
speech = no
[facilitator]
usb_mount_dir = $work/media
pin_hash = pbkdf2-sha256\$20000\$39e6fb7ca486a03c3f45d712bb05d04b\$f1219fd737aeedf537d60eabd9b663c4b7e69c25274ae32d57f0ce8efd0ea411
EOF
# the stick is seen at start: the PIN pad; the menu's 5th item is "New questions"
cat > "$work/script.txt" <<EOF
expect facilitator-pin
key 2
key 5
key 8
key 0
key enter
expect facilitator-menu
key 5
expect facilitator-import
key 1
expect facilitator-message
quit
EOF
mkdir "$group"
dev=$(lsblk -no MAJ:MIN "$loop" | tr -d ' ')
echo "$dev $RATE" > "$group/blkio.throttle.read_bps_device"
t0=$(date +%s)
NOTIFY_SOCKET="$work/notify" WATCHDOG_USEC=$WATCHDOG_USEC SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy \
    timeout -s KILL 600 sh -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' sh "$group" \
    "$BUILD/ourvoice" kiosk --headless --no-speech --config "$work/ourvoice.ini" --data "$work/data" \
    --script "$work/script.txt" > "$work/log" 2>&1
rc=$?
secs=$(( $(date +%s) - t0 ))
read_bytes=$(awk -v d="$dev" '$1 == d && $2 == "Read" { print $3 }' "$group/blkio.throttle.io_service_bytes")
echo "import: the kiosk ran $secs s and read $(( ${read_bytes:-0} / 1048576 )) MB from the stick at $((RATE / 1048576)) MB/s"
[ "$rc" = 0 ] && ok "the import went through the facilitator's screens" ||
    bad "the kiosk stopped with exit $rc: $(tail -n 5 "$work/log")"
grep -q "new questions taken from" "$work/log" && ok "the new questions are in use" || bad "no new questions: $(grep -i 'import\|question' "$work/log" | tail -n 3)"
[ "${read_bytes:-0}" -ge $((total * 9 / 10)) ] && ok "the recordings were read through the throttle" ||
    bad "only ${read_bytes:-0} bytes were read from the stick"
gap=$(python3 - "$work/pings" <<'EOF'
import sys
t = [float(l.split()[0]) for l in open(sys.argv[1]) if "WATCHDOG=1" in l]
print("%d %.2f" % (len(t), max([b - a for a, b in zip(t, t[1:])] or [0])))
EOF
)
n=${gap% *}; worst=${gap#* }
echo "import: $n watchdog pings, the longest gap ${worst} s (systemd kills after $((WATCHDOG_USEC / 1000000)) s)"
awk -v w="$worst" -v l="$WATCHDOG_USEC" 'BEGIN { exit !(w * 1000000 < l) }' && [ "$n" -gt 1 ] &&
    ok "the watchdog was fed all through the import" || bad "the watchdog went unfed for $worst s"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
