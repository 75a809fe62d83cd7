#!/bin/sh
# toolchain/ci-all.sh — every test suite CI runs, in lanes that run at the
# same time: native (make test), the real-kernel GPIO test (make test-gpio),
# arm64 under qemu (make test-arm64), Debian trixie in a chroot (make
# test-trixie), the Raspberry Pi set-up (make test-board), the README's
# commands on fresh bookworm and trixie roots (make test-fresh), the build
# itself (make test-build), the tests under ASan+UBSan (make test-sanitize),
# no history on the card (make test-privacy), bad conditions such as a full
# partition (make test-robust) and the appliance under qemu (make test-system-ci).
# Usage: sh toolchain/ci-all.sh [SUITE... [-- SUITE...]...]
# Each group of suites between `--` is a lane: its suites run one after the
# other, and the lanes run side by side (a suite that mostly waits, such as
# a test run that plays speech in real time, leaves the processors to the
# other lane). Suites in different lanes must not build the same files.
# Each suite's log is printed whole when its lane ends, in the order given.
# Each suite's "N passed, N failed" is added up; a suite this machine cannot
# run prints "SKIP: reason" and counts nothing. The last line is the total,
# in the same form, for the CI runner.
set -u
MAKE=${MAKE:-make}
[ $# -gt 0 ] || set -- test test-gpio test-board test-trixie test-arm64 test-fresh test-build test-sanitize \
    test-privacy test-robust
# Per-suite time limit (seconds); test-fresh alone makes two roots and runs make test in each.
# test-arm64 (every test under qemu-user) took 1240 s on one 2-core machine and over 1500 s on
# a slower one of the same kind, so the limit leaves room; the 90 minutes of CI still hold.
LIMIT=${OV_CI_SUITE_LIMIT:-2700}
# A caller that ran suites itself passes their totals in (OV_CI_PASSED/FAILED, OV_CI_NOTES)
# and, to have the whole run's time printed, when it started (OV_CI_START, seconds since 1970).
total_p=${OV_CI_PASSED:-0}; total_f=${OV_CI_FAILED:-0}; notes=${OV_CI_NOTES:-}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/ov-ci.XXXXXX") || { echo "ci-all: cannot make a temporary folder"; exit 1; }
trap 'rm -rf "$DIR"' EXIT
trap 'rm -rf "$DIR"; exit 130' INT TERM HUP

run_suite() { # $1 = position, $2 = suite: DIR/N.log, DIR/N.rc, DIR/N.secs
    t0=$(date +%s)
    if [ "$2" = test-fresh ]; then
        # Two roots, each with a whole make test; TERM first so its mounts are undone.
        timeout -k 60 "${OV_CI_FRESH_LIMIT:-3000}" $MAKE --no-print-directory "$2" >"$DIR/$1.log" 2>&1
    else
        timeout -s KILL "$LIMIT" $MAKE --no-print-directory "$2" >"$DIR/$1.log" 2>&1
    fi
    echo $? >"$DIR/$1.rc"
    echo $(( $(date +%s) - t0 )) >"$DIR/$1.secs"
}

count_suite() { # $1 = position, $2 = suite: adds its result to the totals and notes
    log=$DIR/$1.log; rc=$(cat "$DIR/$1.rc" 2>/dev/null || echo "none"); secs=$(cat "$DIR/$1.secs" 2>/dev/null || echo "?")
    echo "=== make $2"
    cat "$log"
    skip=$(grep -a '^SKIP:' "$log" | tail -1)
    sum=$(grep -a -E '^([A-Za-z0-9-]+: )?[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1 | sed 's/^[A-Za-z0-9-]*: //')
    if [ -n "$skip" ] && [ -z "$sum" ]; then
        notes="$notes
  $2: $skip"
        return 0
    fi
    if [ -z "$sum" ]; then
        total_f=$((total_f + 1))
        notes="$notes
  $2: stopped without a summary (exit $rc, ${secs} s)"
        return 0
    fi
    p=${sum%% passed*}; f=${sum#*passed, }; f=${f%% failed*}
    [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
    total_p=$((total_p + p)); total_f=$((total_f + f))
    notes="$notes
  $2: $p passed, $f failed (${secs} s)$(failures "$log")"
}

failures() { # $1 = a suite's log: its first failure lines, each on a line of its own, indented
    grep -a -E '^(FAIL|FAILED:|failing tests:|test programs that)' "$1" | head -8 | cut -c1-300 |
        awk '{ printf "\n      %s", $0 }'
}

# Start each lane in the background; remember every suite with its position.
n=0; lane=""; pids=""
start_lane() {
    [ -n "$lane" ] || return 0
    ( for s in $lane; do run_suite "${s%%:*}" "${s#*:}"; done ) &
    pids="$pids $!"; lane=""
}
t_all=$(date +%s)
for a in "$@"; do
    if [ "$a" = -- ]; then start_lane; continue; fi
    n=$((n + 1)); lane="$lane $n:$a"; echo "$n $a" >>"$DIR/order"
done
start_lane
for p in $pids; do wait "$p"; done
while read -r i s; do count_suite "$i" "$s"; done <"$DIR/order"
whole=""
[ -n "${OV_CI_START:-}" ] && whole=", whole run: $(( $(date +%s) - OV_CI_START )) s"
echo "=== summary (suites: $(( $(date +%s) - t_all )) s$whole):$notes"
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ] && [ "$total_p" -gt 0 ]
