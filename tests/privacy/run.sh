#!/bin/sh
# tests/privacy/run.sh BUILD — no history on the card (issue 12 point 5),
# tested as a forensic examiner would. For each data partition the installer
# can make (ext4, 1 KiB and 4 KiB blocks) and each mount (docs/install.md's
# data=journal,commit=1 and ext4's default data=ordered): make a 256 MB image,
# mount it through a loop device, let BUILD/tests/tally_voter store a sequence
# of visits and then a priorities round (ideas) with the real store, SIGKILL it at random moments and start again,
# start once more (as the kiosk does after a crash), unmount, then read the
# raw image: every count cell anywhere (database, journal, freed blocks, the
# ext4 journal) must hold the final count (scan_image.py), there is no WAL,
# and the database and its journal carry the neutral time (2000-01-01).
# Needs root (mount, losetup), mkfs.ext4, debugfs, python3. Ends with
# "N passed, N failed". OV_PRIVACY_SEED sets the random kills.
BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
VOTER="$BUILD/tests/tally_voter"
SEED=${OV_PRIVACY_SEED:-$$}
passed=0; failed=0
say() { printf '%s\n' "$*"; }
if [ "$(id -u)" != 0 ] || ! command -v mkfs.ext4 >/dev/null || ! command -v debugfs >/dev/null \
   || ! command -v python3 >/dev/null || [ ! -x "$VOTER" ]; then
    say "privacy: needs root, mkfs.ext4, debugfs, python3 and $VOTER (make $VOTER)"
    say "0 passed, 1 failed"
    exit 1
fi
WORK=$(mktemp -d /tmp/ov-privacy-XXXXXX)
MNT="$WORK/mnt"
mkdir -p "$MNT"
cleanup() { mountpoint -q "$MNT" && umount "$MNT"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
say "privacy: seed $SEED (rerun with OV_PRIVACY_SEED=$SEED)"

# 300 members, each answering q1..q4; a fixed list, so every run means the same.
python3 -c "
import random
r = random.Random(12)
for i in range(300): print(' '.join(r.choice(['a1','a2','a3','a4']) for q in range(4)))
" > "$WORK/ballots"
N_BALLOTS=$(wc -l < "$WORK/ballots")

# rand N: a number 0..N-1 from the seed (awk keeps it portable).
STATE=$SEED
rand() { STATE=$(awk -v s="$STATE" 'BEGIN { srand(s); printf "%d", rand() * 2147483647 }'); echo $((STATE % $1)); }

# Every ballot through `tally_voter $1` (visits: the answers; ideas: a
# priorities round), SIGKILLed 4 times at random moments and started again
# from the first member not thanked. Uses MNT, WORK, kills. Fails on an error.
vote_with_kills() {
    next=1; mine=0
    while [ "$next" -le "$N_BALLOTS" ]; do
        "$VOTER" "$1" "$MNT" "$WORK/ballots" "$next" > "$WORK/out" 2> "$WORK/err" &
        pid=$!
        if [ "$mine" -lt 4 ]; then
            ms=$(rand 150)
            sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", (m + 5) / 1000 }')"
            kill -KILL "$pid" 2>/dev/null && { kills=$((kills + 1)); mine=$((mine + 1)); }
        fi
        wait "$pid" 2>/dev/null
        last=$(sed -n 's/^thanked \([0-9]*\)$/\1/p' "$WORK/out" | tail -n 1)
        [ -n "$last" ] && next=$((last + 1))
        if [ -s "$WORK/err" ]; then cat "$WORK/err"; return 1; fi
    done
}

# One image: block size $1, mount options $2, name $3.
run_case() {
    bs=$1; opts=$2; name=$3
    img="$WORK/$name.img"
    rm -f "$img"
    truncate -s 256M "$img"
    mkfs.ext4 -q -F -b "$bs" -L ourvoice-data "$img" || return 1
    mount -o "loop,noexec,nosuid${opts:+,$opts}" "$img" "$MNT" || return 1
    kills=0
    vote_with_kills visits || { umount "$MNT"; return 1; }
    vote_with_kills ideas || { umount "$MNT"; return 1; }
    "$VOTER" dump "$MNT" > "$WORK/final" || { umount "$MNT"; return 1; }
    "$VOTER" ideas-dump "$MNT" > "$WORK/final-ideas" || { umount "$MNT"; return 1; }
    total=$(awk '{ s += $3 } END { print s + 0 }' "$WORK/final")
    ls -la "$MNT" > "$WORK/ls"
    umount "$MNT"
    say "privacy: $name: $kills SIGKILLs, $total answers stored"
    [ "$total" -ge $((N_BALLOTS * 4)) ] || { say "privacy: $name: votes were lost"; return 1; }
    voters=$(sed -n 's/^voters //p' "$WORK/final-ideas")
    say "privacy: $name: $voters members in the priorities round"
    [ "${voters:-0}" -ge "$N_BALLOTS" ] || { say "privacy: $name: priorities were lost"; return 1; }
    ok=0
    if ! python3 "$HERE/scan_image.py" "$img" "$WORK/final" "$WORK/final-ideas" > "$WORK/scan"; then
        ok=1
        # which file (or none: freed, or the ext4 journal) holds the first earlier version
        blk=$(sed -n 's/.* at byte \([0-9]*\) .*/\1/p' "$WORK/scan" | head -n 1)
        fsblk=$((blk / bs))
        owner=$(debugfs -R "icheck $fsblk" "$img" 2>/dev/null | tail -n 1)
        say "privacy: $name: block $fsblk belongs to: $owner (inode 8 is the ext4 journal; <block not found> is free space)"
    fi
    head -n 12 "$WORK/scan"
    if grep -q -- '-wal' "$WORK/ls"; then say "privacy: $name: a WAL file is on the card"; ok=1; fi
    for f in /tallies.sqlite /tallies.sqlite-journal; do
        st=$(debugfs -R "stat $f" "$img" 2>/dev/null)
        for t in mtime atime; do
            if ! printf '%s\n' "$st" | grep "^ *$t:" | grep -q "2000"; then
                say "privacy: $name: $f $t is not the neutral time: $(printf '%s\n' "$st" | grep "^ *$t:")"; ok=1
            fi
        done
        say "privacy: $name: $f $(printf '%s\n' "$st" | grep '^ *ctime:' | sed 's/^ *//') (the kernel sets it; see docs/privacy.md)"
    done
    if [ "$ok" != 0 ] && [ -n "${OV_PRIVACY_KEEP:-}" ]; then cp "$img" "$OV_PRIVACY_KEEP/$name.img"; fi
    rm -f "$img"
    return $ok
}

# "installer": the mount options board/rpi/install.sh writes into /etc/fstab
# for the data partition (the case that must hold). "journal" shows why
# data=journal is never used (OV_PRIVACY_MODES="installer journal").
INSTALLER_OPTS=$(sed -n 's/.*ext4 \([^ ]*\) 0 2 # ourvoice-data.*/\1/p' "$HERE/../../board/rpi/install.sh" | head -1)
[ -n "$INSTALLER_OPTS" ] || { say "[  FAILED  ] cannot read the data partition's mount options from board/rpi/install.sh"; exit 1; }
for bs in ${OV_PRIVACY_BLOCKS:-1024 4096}; do
    for mode in ${OV_PRIVACY_MODES:-installer}; do
        case $mode in
            journal) opts="data=journal,commit=1" ;;
            installer) opts=$(echo "$INSTALLER_OPTS" | sed 's/^defaults,\{0,1\}//') ;;
            *) opts="" ;;
        esac
        name="ext4-$bs-$mode"
        if run_case "$bs" "$opts" "$name"; then
            say "[       OK ] $name"; passed=$((passed + 1))
        else
            say "[  FAILED  ] $name"; failed=$((failed + 1))
        fi
    done
done
say "$passed passed, $failed failed"
[ "$failed" = 0 ]
