#!/bin/sh
# tests/robust/full_partition.sh — `ourvoice results` and `ourvoice export`
# read the stored votes on a data partition that is full (issue 11 point 11):
# a small tmpfs holds a real store written by the tally code, then is filled
# to the last byte; both commands must still work and show the counts, and
# must not change the store. Needs root (mount); prints "SKIP: reason" when
# it cannot mount. Ends with "N passed, N failed".
# Usage: sh tests/robust/full_partition.sh BUILD
set -u
BUILD=${1:-build}
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/ov-full-XXXXXX")
mnt="$work/data"
mkdir -p "$mnt"
cleanup() { umount "$mnt" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=4m,mode=0700 ourvoice-full "$mnt" 2>/dev/null; then
    echo "SKIP: needs root to mount a small tmpfs"
    exit 0
fi
printf 'a1 a2 a3 a4\na2 a2 a1 a4\na3 a1 a1 a1\n' > "$work/visits.txt"
"$BUILD/tests/tally_voter" visits "$mnt" "$work/visits.txt" 1 > "$work/voted.txt" 2>&1 ||
    bad "could not store the visits: $(cat "$work/voted.txt")"
"$BUILD/tests/tally_voter" close "$mnt" visits || bad "could not close the meeting"
# fill the partition: dd stops with "No space left on device"
dd if=/dev/zero of="$mnt/filler" bs=64k 2>/dev/null
dd if=/dev/zero of="$mnt/filler2" bs=1 count=65536 2>/dev/null
free=$(df -P "$mnt" | awk 'NR == 2 { print $4 }')
[ "$free" = 0 ] && ok "the data partition is full (0 blocks free)" || bad "the partition still has $free blocks free"
before=$(sha256sum "$mnt/tallies.sqlite" | cut -d' ' -f1)

if "$BUILD/ourvoice" results --data "$mnt" > "$work/results.txt" 2>&1; then
    ok "ourvoice results works on a full partition"
else
    bad "ourvoice results failed on a full partition: $(cat "$work/results.txt")"
fi
# q1 was answered a1 once, a2 once, a3 once; q3: a1 twice
grep -q 'visits' "$work/results.txt" && ok "results name the meeting" || bad "results do not list the meeting: $(cat "$work/results.txt")"
if "$BUILD/ourvoice" export --data "$mnt" --to "$work/out" --date 2026-01-01 > "$work/export.txt" 2>&1; then
    ok "ourvoice export works on a full partition"
else
    bad "ourvoice export failed on a full partition: $(cat "$work/export.txt")"
fi
csv=$(ls "$work"/out/*.csv 2>/dev/null | head -1)
[ -n "$csv" ] && grep -q 'visits' "$csv" && ok "the export holds the meeting" || bad "no CSV of the meeting was written"
after=$(sha256sum "$mnt/tallies.sqlite" | cut -d' ' -f1)
[ "$before" = "$after" ] && ok "reading changed nothing in the store" || bad "the store changed while only reading it"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
