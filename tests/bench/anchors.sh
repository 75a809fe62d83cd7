# anchors.sh — sourced by tests/bench.sh: the figures of issue 15, each printed
# with the command that gives it, and where there is an anchor (a browser
# kiosk: Debian's Chromium headless showing tests/bench/first_question.html;
# espeak-ng -w for `ourvoice say`) the anchor measured in the same run,
# interleaved run by run, with the ratio kiosk / anchor. Uses $W, $OV, $T,
# $ROOT, $RUNS and run() of bench.sh. Figures go into $W/a-* for the table.
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
SAY_TEXT="Everyone has skills and strengths. We see what people can do, not only the help they need."
IDLE_FROM_S=12      # the welcome screen has been read out by then
IDLE_WINDOW_S=10

ms_now() { date +%s%N | cut -c1-13; }
median() { sort -n | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]; else print "?"}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a/b; else print "?" }'; }

# timed FILE CMD...: run CMD (output to $W/timed.out), append "wall_ms cpu_ms maxrss_kib" to FILE.
timed() {
    f=$1; shift
    t0=$(ms_now)
    /usr/bin/time -f '%U %S %M' -o "$W/time.txt" "$@" >"$W/timed.out" 2>&1
    t1=$(ms_now)
    awk -v w=$((t1 - t0)) '{printf "%d %.1f %d\n", w, ($1+$2)*1000, $3}' "$W/time.txt" >>"$f"
}

first_question_runs() {
    size=$1; wx=${size%x*}; hx=${size#*x}
    printf 'expect welcome\nkey 1\nexpect question\nshot question\nquit\n' > "$W/first.txt"
    mkdir -p "$W/shots-$size" "$W/chrome"
    : > "$W/a-kiosk-$size"; : > "$W/a-browser-$size"
    kcmd="$OV kiosk --headless --config $W/bench.ini --data $W/data-first --size $size --script $W/first.txt --shots $W/shots-$size"
    bcmd="$CHROMIUM --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$W/chrome --window-size=$wx,$hx --screenshot=$W/browser-$size.png file://$ROOT/tests/bench/first_question.html"
    echo "\$ /usr/bin/time -f '%U %S %M' $kcmd"
    echo "\$ /usr/bin/time -f '%U %S %M' $bcmd"
    i=0
    while [ $i -lt "$RUNS" ]; do
        timed "$W/a-kiosk-$size" $kcmd
        timed "$W/a-browser-$size" $bcmd
        i=$((i + 1))
    done
    kw=$(cut -d' ' -f1 "$W/a-kiosk-$size" | median); bw=$(cut -d' ' -f1 "$W/a-browser-$size" | median)
    km=$(cut -d' ' -f3 "$W/a-kiosk-$size" | median); bm=$(cut -d' ' -f3 "$W/a-browser-$size" | median)
    echo "$size first question to PNG (speech on), wall, median of $RUNS interleaved: kiosk $kw ms, browser $bw ms, ratio $(ratio "$kw" "$bw")"
    echo "$size largest process (max RSS), median: kiosk $((km / 1024)) MiB, browser $((bm / 1024)) MiB, ratio $(ratio "$km" "$bm")"
    [ -s "$W/shots-$size/question.png" ] || echo "  *** the kiosk saved no question.png"
    [ -s "$W/browser-$size.png" ] || echo "  *** Chromium saved no screenshot (is $CHROMIUM installed?)"
    echo "$kw $bw $km $bm" > "$W/a-first-$size"
    echo
}

# pids_of_session SID: every process of that session.
pids_of_session() { for d in /proc/[0-9]*; do [ "$(cut -d' ' -f6 "$d/stat" 2>/dev/null)" = "$1" ] && basename "$d"; done; }

# switches_and_ticks PIDS: "context switches of all their threads, utime+stime ticks".
switches_and_ticks() {
    sw=0; tk=0
    for p in "$@"; do
        for t in /proc/"$p"/task/*; do
            n=$(awk '/ctxt_switches/ {n += $2} END {print n + 0}' "$t/status" 2>/dev/null)
            sw=$((sw + ${n:-0}))
        done
        k=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null)
        tk=$((tk + ${k:-0}))
    done
    echo "$sw $tk"
}

# idle_of NAME CMD...: start CMD in its own session, measure its whole session
# from IDLE_FROM_S for IDLE_WINDOW_S seconds; prints and keeps "wakeups/s cpu%".
idle_of() {
    name=$1; shift
    setsid "$@" >/dev/null 2>&1 &
    pid=$!
    sleep "$IDLE_FROM_S"
    pids=$(pids_of_session "$pid")
    set -- $(switches_and_ticks $pids)
    sw0=$1; tk0=$2
    sleep "$IDLE_WINDOW_S"
    set -- $(switches_and_ticks $pids)
    hz=$(getconf CLK_TCK)
    /bin/kill -s TERM -- -"$pid" 2>/dev/null; sleep 1; /bin/kill -s KILL -- -"$pid" 2>/dev/null   # its whole session
    wait "$pid" 2>/dev/null
    awk -v s=$(( $1 - sw0 )) -v t=$(( $2 - tk0 )) -v w="$IDLE_WINDOW_S" -v hz="$hz" -v n="$name" -v np="$(echo $pids | wc -w)" \
        'BEGIN { printf "%s idle %d s (from %d s): %.1f wake-ups/s, %.2f%% of one core (%d processes)\n", n, w, '"$IDLE_FROM_S"', s / w, 100 * t / hz / w, np }'
    awk -v s=$(( $1 - sw0 )) -v t=$(( $2 - tk0 )) -v w="$IDLE_WINDOW_S" -v hz="$hz" 'BEGIN { printf "%.1f %.2f\n", s / w, 100 * t / hz / w }' > "$W/a-idle-$name"
}

# cpu_ms_of FILE CMD...: CPU ms of CMD (perf stat task-clock, 0.01 ms; else /usr/bin/time, 10 ms) into FILE.
cpu_ms_of() {
    f=$1; shift
    if perf stat -x, -e task-clock -o "$W/perf.txt" -- true >/dev/null 2>&1; then
        perf stat -x, -e task-clock -o "$W/perf.txt" -- "$@" >/dev/null 2>&1
        awk -F, '/task-clock/ {print $1}' "$W/perf.txt" >>"$f"
    else
        /usr/bin/time -f '%U %S' -o "$W/time.txt" "$@" >/dev/null 2>&1
        awk '{printf "%.1f\n", ($1+$2)*1000}' "$W/time.txt" >>"$f"
    fi
}

say_runs() {
    if ! command -v espeak-ng >/dev/null; then echo "espeak-ng (the command) is missing: apt-get install espeak-ng"; echo; return; fi
    : > "$W/a-say"; : > "$W/a-espeak"
    echo "\$ perf stat -e task-clock -- $OV say \"$SAY_TEXT\" --wav $W/say.wav"
    echo "\$ perf stat -e task-clock -- espeak-ng -w $W/espeak.wav \"$SAY_TEXT\""
    i=0
    while [ $i -lt $((RUNS * 2)) ]; do
        cpu_ms_of "$W/a-say" "$OV" say "$SAY_TEXT" --wav "$W/say.wav"
        cpu_ms_of "$W/a-espeak" espeak-ng -w "$W/espeak.wav" "$SAY_TEXT"
        i=$((i + 1))
    done
    sc=$(median < "$W/a-say"); ec=$(median < "$W/a-espeak")
    echo "one sentence to WAV, CPU, median of $((RUNS * 2)) interleaved: ourvoice say $sc ms, espeak-ng -w $ec ms, ratio $(ratio "$sc" "$ec")"
    echo "$sc $ec" > "$W/a-sayfig"
    echo
}

growth_runs() {
    g=$(mktemp -d /dev/shm/ov-bench-XXXXXX 2>/dev/null || mktemp -d)
    for n in 1 10000; do run "g-vote-$n" "$T/bench/tally_growth" vote "$g/v$n" "$n"; rm -rf "$g/v$n"; done
    for n in 1000 10000; do
        run "g-export-$n" "$T/bench/tally_growth" export "$g/e$n" "$n"
        # the facilitator's merge of those exports (one folder of n meetings' files)
        echo "\$ $OV merge --to OUT $g/e$n/export   ($n meetings)"
        rm -f "$W/g-merge-$n"
        timed "$W/g-merge-$n" "$OV" merge --to "$g/m$n" "$g/e$n/export"
        echo "merge of $n meetings: $(fig "g-merge-$n" 1) ms wall, $(fig "g-merge-$n" 2) ms CPU," \
            "peak $(mib "$(fig "g-merge-$n" 3)") MiB"
        echo
        rm -rf "$g/e$n" "$g/m$n"
    done
    rm -rf "$g"
}

# visits_runs: peak memory (max RSS, /usr/bin/time %M) of the kiosk at 1920x1080 after 10 and after
# $VISITS (default 1000) whole drop-in visits in one run (the same script), each visit bench.sh's $W/visit.txt without
# its waits, then back to welcome (the clock advanced by the script, not waited for).
# --no-speech: the thank-you screen waits for its speech in real time (5 s a visit); the speech
# thread holds one request at a time, so its memory does not grow with visits.
visits_runs() {
    n_max=${VISITS:-1000}
    for n in 10 "$n_max"; do
        # Both scripts hold n_max visits: the kiosk reads a whole script before it starts (its steps
        # take ~2 KB a visit), so the 10-visit run quits after 10 and leaves the rest unplayed; the two
        # peaks then differ only by what the visits played cost.
        : > "$W/visits-$n.txt"; i=0
        while [ $i -lt "$n_max" ]; do
            [ $i -eq "$n" ] && echo quit
            grep -v -e '^#' -e '^wait' "$W/visit.txt"
            printf 'advance 5000\nwait 20\n'
            i=$((i + 1))
        done >> "$W/visits-$n.txt"
        rm -rf "$W/data-visits"; : > "$W/a-visits-$n"
        echo "\$ /usr/bin/time -f '%U %S %M' $OV kiosk --headless --no-speech --config $W/bench.ini --data $W/data-visits --size 1920x1080 --script $W/visits-$n.txt   ($n visits)"
        timed "$W/a-visits-$n" "$OV" kiosk --headless --no-speech --config "$W/bench.ini" --data "$W/data-visits" \
            --size 1920x1080 --script "$W/visits-$n.txt"
        if grep -q 'expected the' "$W/timed.out"; then echo "the visits did not go as scripted:"; grep -m3 'expected the' "$W/timed.out"; fi
        echo "$n visits: $(fig "a-visits-$n" 1) ms wall, $(fig "a-visits-$n" 2) ms CPU, peak $(fig "a-visits-$n" 3) KiB"
    done
    echo "$(fig "a-visits-$n_max" 3) $(fig a-visits-10 3) $n_max" > "$W/a-visitfig"
    rm -rf "$W/data-visits"
    echo
}

anchors_section() {
    echo "## 7. Issue 15: each figure beside its anchor, measured in this run (runs interleaved)"
    for s in 800x480 1920x1080; do first_question_runs "$s"; done
    echo "\$ setsid $OV kiosk --headless --config $W/bench.ini --data $W/data-idle --size 800x480 --script $W/hold.txt   (speech on)"
    idle_of kiosk "$OV" kiosk --headless --config "$W/bench.ini" --data "$W/data-idle" --size 800x480 --script "$W/hold.txt"
    echo "\$ setsid $CHROMIUM --headless --no-sandbox --disable-gpu --user-data-dir=$W/chrome-idle --remote-debugging-port=0 --window-size=800,480 file://$ROOT/tests/bench/first_question.html"
    idle_of browser "$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$W/chrome-idle" \
        --remote-debugging-port=0 --window-size=800,480 "file://$ROOT/tests/bench/first_question.html"
    echo
    for s in 800x480 1920x1080; do run "frame-$s" "$T/bench/frame_cpu" "$s" 20; done
    say_runs
    growth_runs
    visits_runs
}

# fig FILE FIELD: a field of a one-line figure file, or "?".
fig() { v=$(cut -d' ' -f"$2" "$W/$1" 2>/dev/null); echo "${v:-?}"; }
mib() { case "$1" in ''|*[!0-9]*) echo "?" ;; *) echo $(( $1 / 1024 )) ;; esac; }

anchors_table() {
    echo
    echo "==== issue 15: kiosk, anchor, ratio (same run; targets in docs/bench.md) ===="
    printf '%-52s %-14s %-14s %s\n' "figure" "kiosk" "anchor" "ratio"
    for s in 800x480 1920x1080; do
        printf '%-52s %-14s %-14s %s\n' "first question to PNG, speech on, $s" "$(fig a-first-$s 1) ms" \
            "$(fig a-first-$s 2) ms" "$(ratio "$(fig a-first-$s 1)" "$(fig a-first-$s 2)")"
    done
    for s in 800x480 1920x1080; do
        printf '%-52s %-14s %-14s %s\n' "largest process, $s" "$(mib "$(fig a-first-$s 3)") MiB" \
            "$(mib "$(fig a-first-$s 4)") MiB" "$(ratio "$(fig a-first-$s 3)" "$(fig a-first-$s 4)")"
    done
    printf '%-52s %-14s %-14s %s\n' "idle wake-ups/s, speech on (CPU % of a core)" \
        "$(fig a-idle-kiosk 1) ($(fig a-idle-kiosk 2)%)" "$(fig a-idle-browser 1) ($(fig a-idle-browser 2)%)" \
        "$(ratio "$(fig a-idle-kiosk 1)" "$(fig a-idle-browser 1)")"
    fr=$(pick frame-1920x1080 's/.*full redraw.*median \([0-9.]*\) ms CPU.*/\1/p')
    hl=$(pick frame-1920x1080 's/.*highlight step.*median \([0-9.]*\) ms CPU.*/\1/p')
    printf '%-52s %-14s %-14s %s\n' "redraw, CPU per frame, 1920x1080 (full / word step)" "$fr / $hl ms" "—" "budget 8 / 2 ms"
    printf '%-52s %-14s %-14s %s\n' "ourvoice say, one sentence, CPU" "$(fig a-sayfig 1) ms" "$(fig a-sayfig 2) ms" \
        "$(ratio "$(fig a-sayfig 1)" "$(fig a-sayfig 2)")"
    v1=$(pick g-vote-1 's/.*: \([0-9.]*\) ms CPU per vote.*/\1/p'); v2=$(pick g-vote-10000 's/.*: \([0-9.]*\) ms CPU per vote.*/\1/p')
    printf '%-52s %-14s %-14s %s\n' "vote CPU, 10,000 vs 1 meeting stored" "$v2 ms" "$v1 ms" "$(ratio "$v2" "$v1")"
    e1=$(pick g-export-1000 's/.*, \([0-9]*\) ms wall.*/\1/p'); e2=$(pick g-export-10000 's/.*, \([0-9]*\) ms wall.*/\1/p')
    printf '%-52s %-14s %-14s %s\n' "export wall time, 10,000 vs 1,000 meetings" "$e2 ms" "$e1 ms" "$(ratio "$e2" "$e1")"
    printf '%-52s %-14s %-14s %s\n' "merge CPU, 10,000 vs 1,000 meetings" "$(fig g-merge-10000 2) ms" \
        "$(fig g-merge-1000 2) ms" "$(ratio "$(fig g-merge-10000 2)" "$(fig g-merge-1000 2)")"
    printf '%-52s %-14s %-14s %s\n' "peak memory, 1920x1080, $(fig a-visitfig 3) visits vs 10 (no speech)" \
        "$(mib "$(fig a-visitfig 1)") MiB" "$(mib "$(fig a-visitfig 2)") MiB" "$(ratio "$(fig a-visitfig 1)" "$(fig a-visitfig 2)")"
}
