#!/bin/sh
# check-style.sh — the size rules of firmware/README.md for C files: no
# function over 60 lines, no line over 110 columns (UTF-8 characters; a tab
# counts 1). Usage: toolchain/check-style.sh FILE-OR-FOLDER... (default:
# firmware). Prints `file:line: what` for each break and exits 1 when any.
# A function is a body that opens with `{` in column 0 (or after a `)` ending
# a line that starts in column 0) and closes with `}` in column 0.
MAX_FUNC_LINES=60
MAX_COLUMNS=110

[ $# -gt 0 ] || set -- firmware
files=$(for p in "$@"; do
    if [ -d "$p" ]; then find "$p" -name '*.[ch]' | sort; else echo "$p"; fi
done)
[ -n "$files" ] || exit 0

# shellcheck disable=SC2086
LC_ALL=C awk -v maxf="$MAX_FUNC_LINES" -v maxc="$MAX_COLUMNS" '
FNR == 1 { start = 0; name = ""; sig = "" }
{
    chars = $0
    gsub(/[\200-\277]/, "", chars)          # UTF-8 continuation bytes
    if (length(chars) > maxc) {
        printf "%s:%d: line is %d columns (at most %d)\n", FILENAME, FNR, length(chars), maxc
        bad = 1
    }
    if (!start && ($0 ~ /^\{/ || ($0 ~ /^[A-Za-z_].*\)[ \t]*\{[ \t]*$/ && $0 !~ /^(struct|enum|union|typedef)/ && $0 !~ /=/))) {
        start = FNR
        name = ($0 ~ /^\{/) ? sig : $0
        sub(/\(.*/, "", name)
        n = split(name, w, /[ \t*]+/)
        name = w[n]
    } else if (start && $0 ~ /^\}/) {
        len = FNR - start - 1
        if (len > maxf) {
            printf "%s:%d: function %s is %d lines (at most %d)\n", FILENAME, start, name, len, maxf
            bad = 1
        }
        start = 0
    }
    if ($0 ~ /^[A-Za-z_].*\(/) sig = $0     # the line naming the function
}
END { exit bad ? 1 : 0 }' $files
