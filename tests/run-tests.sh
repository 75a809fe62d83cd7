#!/bin/sh
# Runs every cmocka test program in BUILD/tests (test_*), each under a hard
# time limit (OV_TEST_WRAPPER, e.g. qemu, runs each one), and ends with one line the CI runner reads: "N passed, N failed".
# Usage: tests/run-tests.sh BUILD [PATTERN]
BUILD=${1:-build}
PATTERN=${2:-test_*}
export OV_BUILD="$BUILD" OV_ROOT="$(pwd)"
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy} CMOCKA_MESSAGE_OUTPUT=stdout
passed=0; failed=0; broken=""
for t in "$BUILD"/tests/$PATTERN; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    log="$BUILD/tests/$name.log"
    timeout -s KILL 600 ${OV_TEST_WRAPPER:-} "$t" >"$log" 2>&1
    rc=$?
    cat "$log"
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        f=1; broken="$broken $name(exit $rc)"
    fi
    passed=$((passed + p)); failed=$((failed + f))
done
[ -n "$broken" ] && echo "test programs that stopped abnormally:$broken"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
