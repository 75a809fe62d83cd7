#!/bin/sh
# toolchain/test-robust.sh — `make test-robust`: runs every tests/robust/*.sh
# (each takes the build folder and ends with "N passed, N failed", or prints
# "SKIP: reason" when this machine cannot run it). Prints one line per script,
# "NAME: N passed, N failed" or "NAME: SKIP: reason", then the total
# "N passed, N failed". A script that stops without a summary counts as failed.
# Usage: sh toolchain/test-robust.sh BUILD
set -u
BUILD=${1:-build}
LIMIT=${OV_ROBUST_LIMIT:-900}   # seconds per script, a guard against a hang
passed=0; failed=0; lines=""
log=$(mktemp "${TMPDIR:-/tmp}/ov-robust.XXXXXX") || exit 1
trap 'rm -f "$log"' EXIT
for s in tests/robust/*.sh; do
    [ -f "$s" ] || continue
    name=$(basename "$s" .sh)
    timeout -s KILL "$LIMIT" sh "$s" "$BUILD" >"$log" 2>&1
    rc=$?
    cat "$log"
    sum=$(grep -a -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
    skip=$(grep -a '^SKIP:' "$log" | tail -1)
    if [ -z "$sum" ] && [ -n "$skip" ]; then
        lines="$lines
$name: $skip"
        continue
    fi
    if [ -z "$sum" ]; then p=0; f=1; sum="0 passed, 1 failed (stopped without a summary, exit $rc)"
    else p=${sum%% passed*}; f=${sum#*passed, }; f=${f%% failed*}
        [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1 && sum="$p passed, $f failed (exit $rc)"
    fi
    passed=$((passed + p)); failed=$((failed + f))
    lines="$lines
$name: $sum"
done
echo "${lines#?}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
