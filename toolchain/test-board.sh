#!/bin/sh
# toolchain/test-board.sh — `make test-board`: checks board/rpi without a Pi.
#  On this machine: sh -n (and shellcheck when installed) of the scripts,
#  systemd-analyze verify of the unit.
#  In a throwaway overlay of the cached trixie root (toolchain/trixie.sh):
#  builds the .deb, runs install.sh --chroot on a fake boot folder laid out
#  like Raspberry Pi OS, checks every change, runs it again (no duplicates),
#  verifies the installed unit and udev rule, runs uninstall.sh and checks the
#  boot files are back byte for byte. Ends with "N passed, N failed".
set -u
pass=0; fail=0
ok()  { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
check() { desc=$1; shift; if "$@" >/dev/null 2>&1; then ok "$desc"; else bad "$desc"; fi; }

# --- on this machine ---------------------------------------------------------------
for f in board/rpi/install.sh board/rpi/uninstall.sh toolchain/*.sh; do
    check "sh -n $f" sh -n "$f"
done
if command -v shellcheck >/dev/null 2>&1; then
    check "shellcheck (warnings and errors) board/rpi/*.sh" shellcheck -s sh -S warning board/rpi/install.sh board/rpi/uninstall.sh
fi
if command -v systemd-analyze >/dev/null 2>&1; then
    tmp=$(mktemp -d)
    # This machine has no /usr/bin/ourvoice: verify everything else of the unit.
    sed 's|^ExecStart=/usr/bin/ourvoice|ExecStart=/bin/true|' board/rpi/ourvoice.service >"$tmp/ourvoice.service"
    out=$(systemd-analyze verify "$tmp/ourvoice.service" 2>&1)
    if [ -z "$out" ]; then ok "systemd-analyze verify ourvoice.service (systemd $(systemd-analyze --version | head -1 | cut -d' ' -f2))"
    else echo "$out"; bad "systemd-analyze verify ourvoice.service"; fi
    rm -rf "$tmp"
fi

# --- inside a throwaway trixie root ---------------------------------------------------------
out=$(OV_TRIXIE_THROWAWAY=1 sh toolchain/trixie.sh run sh toolchain/board-check.sh 2>&1)
rc=$?
echo "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'
case "$out" in
    SKIP:*|*"
SKIP:"*) echo "$out" | grep '^SKIP:' ;;
    *)
        p=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -1)
        f=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -1)
        if [ -z "$p" ]; then bad "the checks inside the trixie root did not finish (exit $rc)"
        else pass=$((pass + p)); fail=$((fail + f)); fi ;;
esac
echo "$pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
