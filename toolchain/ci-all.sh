#!/bin/sh
# toolchain/ci-all.sh — every test suite CI runs, one after the other:
# native (make test), the real-kernel GPIO test (make test-gpio), arm64 under qemu (make test-arm64), Debian trixie in a
# chroot (make test-trixie), the Raspberry Pi set-up (make test-board), the README's commands on fresh
# bookworm and trixie roots (make test-fresh), the build itself (make test-build), the tests under
# ASan+UBSan (make test-sanitize), no history on the card (make test-privacy) and bad
# conditions such as a full partition (make test-robust).
# Each suite's "N passed, N failed" is added up; a suite this machine cannot
# run prints "SKIP: reason" and counts nothing. The last line is the total,
# in the same form, for the CI runner. Usage: sh toolchain/ci-all.sh [SUITE...]
set -u
MAKE=${MAKE:-make}
SUITES=${*:-test test-gpio test-board test-trixie test-arm64 test-fresh test-build test-sanitize test-privacy test-robust}
# Per-suite time limit (seconds); test-fresh alone makes two roots and runs make test in each.
LIMIT=${OV_CI_SUITE_LIMIT:-1500}
# A caller that ran suites itself passes their totals in (OV_CI_PASSED/FAILED, OV_CI_NOTES).
total_p=${OV_CI_PASSED:-0}; total_f=${OV_CI_FAILED:-0}; notes=${OV_CI_NOTES:-}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for s in $SUITES; do
    echo "=== make $s"
    t0=$(date +%s)
    if [ "$s" = test-fresh ]; then
        # Two roots, each with a whole make test; TERM first so its mounts are undone.
        timeout -k 60 "${OV_CI_FRESH_LIMIT:-3000}" $MAKE --no-print-directory "$s" >"$log" 2>&1
    else
        timeout -s KILL "$LIMIT" $MAKE --no-print-directory "$s" >"$log" 2>&1
    fi
    rc=$?
    cat "$log"
    secs=$(( $(date +%s) - t0 ))
    skip=$(grep -a '^SKIP:' "$log" | tail -1)
    sum=$(grep -a -E '^([A-Za-z0-9-]+: )?[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1 | sed 's/^[A-Za-z0-9-]*: //')
    if [ -n "$skip" ] && [ -z "$sum" ]; then
        notes="$notes
  $s: $skip"
        continue
    fi
    if [ -z "$sum" ]; then
        total_f=$((total_f + 1))
        notes="$notes
  $s: stopped without a summary (exit $rc, ${secs} s)"
        continue
    fi
    p=${sum%% passed*}; f=${sum#*passed, }; f=${f%% failed*}
    [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
    total_p=$((total_p + p)); total_f=$((total_f + f))
    notes="$notes
  $s: $p passed, $f failed (${secs} s)"
done
echo "=== summary:$notes"
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ] && [ "$total_p" -gt 0 ]
