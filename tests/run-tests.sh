#!/bin/sh
# Runs every cmocka test program in BUILD/tests (test_*), several at a time,
# each under a hard time limit (OV_TEST_WRAPPER, e.g. qemu, runs each one),
# and ends with one line the CI runner reads: "N passed, N failed".
# Most programs spend their time waiting (speech is played in real time by
# SDL's dummy driver), so OV_TEST_JOBS programs run at once (default: twice
# the number of processors, at least 2; OV_TEST_JOBS=1 runs them one by one).
# Each program runs with TMPDIR set to a fresh empty folder; a program that
# leaves anything there fails (the folder is removed afterwards). Logs are
# printed whole, in the programs' order, as soon as all before them are done.
# Usage: tests/run-tests.sh BUILD [PATTERN]
#        tests/run-tests.sh --one TMP_ROOT N PROGRAM   (internal: one program)
if [ "${1:-}" = --one ]; then
    # One program: its log in BUILD/tests/NAME.log, its exit code in NAME.rc.
    tmp="$2/$3"; t=$4; name=$(basename "$t"); log="$t.log"
    mkdir -p "$tmp" && chmod 711 "$tmp"
    TMPDIR="$tmp" timeout -s KILL 600 ${OV_TEST_WRAPPER:-} "$t" >"$log" 2>&1
    rc=$?
    left=$(ls -A "$tmp")
    if [ -n "$left" ]; then
        echo "$name left files in its temporary folder (TMPDIR): $(echo $left | cut -c1-200)" >>"$log"
        echo "$name" >"$2/$3.litter"
    fi
    rm -rf "$tmp"
    echo "$rc" >"$2/$3.rc"
    exit 0
fi
BUILD=${1:-build}
PATTERN=${2:-test_*}
export OV_BUILD="$BUILD" OV_ROOT="$(pwd)"
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy} CMOCKA_MESSAGE_OUTPUT=stdout
cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
JOBS=${OV_TEST_JOBS:-$((cpus * 2))}
[ "$JOBS" -ge 1 ] 2>/dev/null || { echo "run-tests: OV_TEST_JOBS must be a number of at least 1"; exit 1; }
[ -n "${OV_TEST_JOBS:-}" ] || [ "$JOBS" -ge 2 ] || JOBS=2
passed=0; failed=0; broken=""; litter=""; failing=""
# Kept short: tests build paths inside it into fixed buffers.
TMP_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/ovt.XXXXXX") || { echo "run-tests: cannot make a temporary folder"; exit 1; }
# Other users may pass through (a test checks what user nobody sees in its folder).
chmod 711 "$TMP_ROOT"
# Sound libraries (libpulse, through espeak-ng's audio) keep a runtime folder
# in TMPDIR when the session has none: give the run one of its own, outside
# the folders checked for leftovers.
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    XDG_RUNTIME_DIR="$TMP_ROOT/runtime"
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    export XDG_RUNTIME_DIR
fi
trap 'rm -rf "$TMP_ROOT"' EXIT
trap 'rm -rf "$TMP_ROOT"; exit 130' INT TERM HUP
# The programs, numbered in order: "N PATH" per line.
n=0
for t in "$BUILD"/tests/$PATTERN; do
    [ -x "$t" ] || continue
    case "$t" in *.log) continue ;; esac
    n=$((n + 1))
    echo "$n $t"
done >"$TMP_ROOT/list"
# Programs that compare the sound two kiosks play run after the others, one
# at a time: on a loaded machine the speech can come late and SDL fills the
# gap with silence, which splits a spoken item in two (their source includes
# tests/support/kiosk_sound.h). The others start JOBS at a time; the loop
# below prints each log in order.
: >"$TMP_ROOT/together"; : >"$TMP_ROOT/alone"
while read -r i t; do
    if grep -q '"kiosk_sound.h"' "tests/$(basename "$t").c" 2>/dev/null; then
        echo "$i $t" >>"$TMP_ROOT/alone"
    else
        echo "$i $t" >>"$TMP_ROOT/together"
    fi
done <"$TMP_ROOT/list"
# -r: a list left empty (one program asked for) runs nothing; without it xargs ran
# --one once with no program, counted as a failure, and left a ".log" behind.
(
    xargs -r -P "$JOBS" -L 1 sh "$0" --one "$TMP_ROOT" <"$TMP_ROOT/together"
    xargs -r -P 1 -L 1 sh "$0" --one "$TMP_ROOT" <"$TMP_ROOT/alone"
) &
runner=$!
while read -r i t; do
    while [ ! -e "$TMP_ROOT/$i.rc" ]; do
        kill -0 "$runner" 2>/dev/null || break
        sleep 1
    done
    name=$(basename "$t")
    log="$t.log"
    rc=$(cat "$TMP_ROOT/$i.rc" 2>/dev/null || echo "never ran")
    cat "$log" 2>/dev/null
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log" 2>/dev/null | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' "$log" 2>/dev/null |
        awk '{s+=$1} END {print s+0}')
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        f=1; broken="$broken $name(exit $rc)"
    fi
    if [ -e "$TMP_ROOT/$i.litter" ]; then
        f=$((f + 1)); litter="$litter $name"
    fi
    if [ "$f" != 0 ]; then
        cases=$(sed -n 's/^\[  FAILED  \] \([A-Za-z0-9_]*\)$/\1/p' "$log" 2>/dev/null | sort -u | tr '\n' ' ')
        failing="$failing $name(${cases% })"
    fi
    passed=$((passed + p)); failed=$((failed + f))
done <"$TMP_ROOT/list"
wait "$runner"
[ -n "$broken" ] && echo "test programs that stopped abnormally:$broken"
[ -n "$litter" ] && echo "test programs that left files in TMPDIR:$litter"
# One line naming every failure, so a summary that keeps only the last lines says what failed.
[ -n "$failing" ] && echo "failing tests:$failing"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
