#!/bin/sh
# Runs every cmocka test program in BUILD/tests (test_*), each under a hard
# time limit (OV_TEST_WRAPPER, e.g. qemu, runs each one), and ends with one line the CI runner reads: "N passed, N failed".
# Each program runs with TMPDIR set to a fresh empty folder; a program that
# leaves anything there fails (the folder is removed afterwards).
# Usage: tests/run-tests.sh BUILD [PATTERN]
BUILD=${1:-build}
PATTERN=${2:-test_*}
export OV_BUILD="$BUILD" OV_ROOT="$(pwd)"
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy} CMOCKA_MESSAGE_OUTPUT=stdout
passed=0; failed=0; broken=""; litter=""; n=0
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
for t in "$BUILD"/tests/$PATTERN; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    log="$BUILD/tests/$name.log"
    n=$((n + 1)); tmp="$TMP_ROOT/$n"
    mkdir -p "$tmp" && chmod 711 "$tmp"
    TMPDIR="$tmp" timeout -s KILL 600 ${OV_TEST_WRAPPER:-} "$t" >"$log" 2>&1
    rc=$?
    left=$(ls -A "$tmp")
    if [ -n "$left" ]; then
        echo "$name left files in its temporary folder (TMPDIR): $(echo $left | cut -c1-200)" >>"$log"
        litter="$litter $name"
    fi
    rm -rf "$tmp"
    cat "$log"
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        f=1; broken="$broken $name(exit $rc)"
    fi
    [ -n "$left" ] && f=$((f + 1))
    passed=$((passed + p)); failed=$((failed + f))
done
[ -n "$broken" ] && echo "test programs that stopped abnormally:$broken"
[ -n "$litter" ] && echo "test programs that left files in TMPDIR:$litter"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
