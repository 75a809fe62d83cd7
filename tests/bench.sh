#!/bin/sh
# bench.sh — `make bench`: speed, CPU and memory figures of the real kiosk on
# this machine, each printed with the command that produced it, then a short
# table. Headless: SDL offscreen video + software renderer, dummy audio (plays
# in real time, no sound card needed). It reports; it does not judge speed, so
# a slow machine never fails it. It exits 1 only when the kiosk crashed.
# Usage: tests/bench.sh BUILD   (run from the repository root; ~4 minutes)
# Section 7 and its table (tests/bench/anchors.sh) put each figure of issue 15
# beside its anchor (Chromium headless, espeak-ng -w) measured in the same run.
# BENCH_RUNS=N changes the number of start-ups timed per size (default 10).
# What each figure means: docs/bench.md.
BUILD=${1:-build}
ROOT=$(pwd)
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
OV="$BUILD/ourvoice"
T="$BUILD/tests"
SIZES="800x480 1920x1080"
RUNS=${BENCH_RUNS:-10}
case "$RUNS" in ''|*[!0-9]*) RUNS=10 ;; esac
[ "$RUNS" -ge 1 ] || RUNS=1

export SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
unset NOTIFY_SOCKET WATCHDOG_USEC WATCHDOG_PID SDL_VIDEO_OFFSCREEN_SAVE_FRAMES

for p in "$OV" "$T/bench_kiosk" "$T/bench_screens" "$T/speech_latency" "$T/tally_voter" \
         "$T/bench/frame_cpu" "$T/bench/tally_growth"; do
    [ -x "$p" ] || { echo "bench: $p is missing: run 'make bench' (it builds it first)"; exit 2; }
done

W=$(mktemp -d /tmp/ov-bench-XXXXXX) || exit 2
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$W/frames" "$W/data"
ln -s "$ROOT/assets" "$W/frames/assets"     # the kiosk finds its assets from its current folder
: > "$W/bench.ini"                          # built-in defaults, whatever /etc or ~ hold
printf 'wait 60000\n' > "$W/hold.txt"         # stays up until we stop it
printf 'wait 14000\n' > "$W/idle.txt"         # the 10 s window + start-up margin
cat > "$W/visit.txt" <<'EOF'
# a member's full drop-in visit: start, 4 questions each chosen and confirmed
expect welcome
key 1
wait 400
expect question
key 3
wait 400
expect confirm
key enter
wait 400
key 2
wait 400
key enter
wait 400
key 4
wait 400
key enter
wait 400
key 1
wait 400
key enter
wait 400
expect review
key enter
wait 400
expect thanks
wait 1000
EOF

KIOSK="$OV kiosk --headless --config $W/bench.ini --data $W/data"

# run NAME COMMAND...: show the command, run it, keep its output in $W/NAME.
run() {
    name=$1; shift
    echo "\$ $*"
    "$@" >"$W/$name" 2>"$W/$name.err"
    rc=$?
    cat "$W/$name"
    grep -v '^ourvoice: info' "$W/$name.err" | sed 's/^/  (stderr) /' | head -20
    if grep -q CRASH "$W/$name" "$W/$name.err" 2>/dev/null; then echo "  *** THE KIOSK CRASHED ***"; fi
    [ "$rc" = 0 ] || echo "  (exit status $rc)"
    echo
    return 0
}

# pick FILE SED-EXPR: the first match of a sed -n 's/.../\1/p' expression, or "?".
pick() { v=$(sed -n "$2" "$W/$1" 2>/dev/null | head -1); echo "${v:-?}"; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
echo "== OurVoice bench: $(nproc) cores ($cpu), $(uname -m), SDL $(pkg-config --modversion sdl2 2>/dev/null)"
echo "== load average before starting: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine makes the figures noisier)"
echo "== environment: SDL_VIDEODRIVER=$SDL_VIDEODRIVER SDL_FRAMEBUFFER_ACCELERATION=0 SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=$SDL_AUDIODRIVER"
echo "== kiosk: $KIOSK   (W = $W, a temporary folder)"
echo

echo "## 1. Time to first frame: exec -> first frame presented (SDL writes it out: inotify), and -> READY=1 (sd_notify)"
for s in $SIZES; do run "start-$s" "$T/bench_kiosk" start --runs "$RUNS" --frames "$W/frames" -- $KIOSK --size "$s" --script "$W/hold.txt"; done

echo "## 2. Time to draw a screen change: relayout + draw + present (welcome -> question -> confirm -> next question)"
for s in $SIZES; do run "screens-$s" "$T/bench_screens" "$s" 60; done

echo "## 3. CPU over 10 s of idle after the first frame (800x480), --no-speech and with the welcome screen read out"
echo "#    frames-*: window from the first frame SDL saves (each saved frame adds a BMP write to the CPU figure);"
echo "#    idle-*: no frame saving, window from READY=1 (only measured when the kiosk sends it). All four run at once."
mkdir -p "$W/frames2"; ln -s "$ROOT/assets" "$W/frames2/assets"
run frames-quiet "$T/bench_kiosk" idle --window 10000 --frames "$W/frames" -- $KIOSK --size 800x480 --script "$W/idle.txt" --no-speech > "$W/log1" &
run frames-speech "$T/bench_kiosk" idle --window 10000 --frames "$W/frames2" -- $KIOSK --size 800x480 --script "$W/idle.txt" > "$W/log2" &
run idle-quiet "$T/bench_kiosk" idle --window 10000 -- $KIOSK --size 800x480 --script "$W/idle.txt" --no-speech > "$W/log3" &
run idle-speech "$T/bench_kiosk" idle --window 10000 -- $KIOSK --size 800x480 --script "$W/idle.txt" > "$W/log4" &
wait
cat "$W/log1" "$W/log2" "$W/log3" "$W/log4"

echo "## 4. Peak memory of the kiosk for a full scripted drop-in visit (with speech)"
for s in $SIZES; do run "peak-$s" "$T/bench_kiosk" peak -- $KIOSK --size "$s" --script "$W/visit.txt"; done

echo "## 5. Speech: ov_speech_say -> first non-silent sample played (limit 100 ms)"
run speech "$T/speech_latency" 20

echo "## 6. Votes committed through the real tally store (SQLite WAL, synchronous=FULL, on /var/tmp)"
d=$(mktemp -d /var/tmp/ov-bench-XXXXXX)
run votes "$T/tally_voter" bench "$d/data" 2000
rm -rf "$d"

# ---- issue 15: the kiosk beside its anchors, measured in this run, interleaved ----
. "$ROOT/tests/bench/anchors.sh"
anchors_section

# ---- the table ----
first() { pick "start-$1" 's/^exec -> first frame presented: median \([0-9]*\) ms, min [0-9]*, max \([0-9]*\).*/\1 \/ \2 ms/p'; }
ready() {
    if grep -q 'READY=1 was NEVER sent' "$W/start-$1"; then echo "never sent"; else
    pick "start-$1" 's/.*exec -> READY=1: median \([0-9]*\) ms.*/\1 ms/p'; fi
}
scr_first() { pick "screens-$1" 's/.* first time .*median \([0-9.]*\) ms, max \([0-9.]*\) ms.*/\1 \/ \2 ms/p'; }
scr_rep() { pick "screens-$1" 's/.* repeat .*median \([0-9.]*\) ms, p90 \([0-9.]*\) ms.*/\1 \/ \2 ms/p'; }
scr_new() { pick "screens-$1" 's/.* textures made: .*(\([0-9-]*\) new)/\1/p'; }
scr_hl() { pick "screens-$1" 's/.*second sweep median \([0-9.]*\) ms.*/\1 ms/p'; }
peak() { pick "peak-$1" 's/^peak memory (VmHWM): \([0-9.]*\) MB.*kiosk \(.*\)/\1 MB (\2)/p'; }
idle() {
    re='s/^CPU over [0-9.]* s (from .* after exec): \([0-9.]*\) s = \([0-9.]*%\) of one core, \([0-9]*\) wake-ups.*/\1 s = \2 core, \3 wake-ups\/s/p'
    f=$(pick "frames-$1" 's/.*, \([0-9]*\) frames\{0,1\} presented.*/\1/p')
    if grep -q '^CPU over' "$W/idle-$1" 2>/dev/null; then echo "$(pick "idle-$1" "$re"), $f frames"
    else echo "$(pick "frames-$1" "$re"), $f frames (incl. BMP saving)"; fi
}
row() { if [ $# -gt 2 ]; then printf '%-44s %-22s %s\n' "$1" "$2" "$3"; else printf '%-44s %s\n' "$1" "$2"; fi; }

echo "==== summary ($(nproc) cores, headless, software rendering) ===="
row "figure" "800x480" "1920x1080"
row "first frame after exec (median / max)" "$(first 800x480)" "$(first 1920x1080)"
row "READY=1 after exec (median)" "$(ready 800x480)" "$(ready 1920x1080)"
row "screen change, first time (median / max)" "$(scr_first 800x480)" "$(scr_first 1920x1080)"
row "screen change, repeat (median / p90)" "$(scr_rep 800x480)" "$(scr_rep 1920x1080)"
row "new textures in 60 repeat rounds" "$(scr_new 800x480)" "$(scr_new 1920x1080)"
row "spoken-word highlight step (median)" "$(scr_hl 800x480)" "$(scr_hl 1920x1080)"
row "peak memory, full drop-in visit" "$(peak 800x480)" "$(peak 1920x1080)"
row "idle 10 s, --no-speech (800x480)" "$(idle quiet)"
row "idle 10 s, welcome read out (800x480)" "$(idle speech)"
sp=$(pick speech 's/.*: median \([0-9.]*\) ms, p90 \([0-9.]*\) ms.*/median \1 ms, p90 \2 ms/p')
spm=$(pick speech 's/.*: median \([0-9]*\).*/\1/p')
case "$spm" in ''|*[!0-9]*) verdict="" ;; *) if [ "$spm" -lt 100 ]; then verdict=" (within the 100 ms limit)"; else verdict=" (OVER the 100 ms limit)"; fi ;; esac
row "speech: say -> first sound" "$sp$verdict"
row "votes committed (synchronous=FULL)" "$(pick votes 's/.* in [0-9.]* s: \([0-9]*\) votes\/s, \([0-9.]*\) ms\/vote.*/\1 votes\/s, \2 ms each/p')"
anchors_table
if grep -q 'idle: NOT MEASURED' "$W"/frames-* 2>/dev/null; then echo "note: an idle figure was not measured (see above)"; fi
if grep -q 'READY=1 never came' "$W/idle-quiet" 2>/dev/null; then
    echo "note: the kiosk never sent READY=1 (systemd Type=notify waits for it), so the idle CPU was measured with SDL saving frames"
fi
if grep -l CRASH "$W"/* >/dev/null 2>&1; then echo "THE KIOSK CRASHED during the bench (see above)"; exit 1; fi
exit 0
