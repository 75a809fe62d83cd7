#!/bin/sh
# toolchain/check-style.sh — the size rules of "How we write code", checked on
# C files: no function body over 60 lines, no line over 110 columns, one
# statement per line.
#   toolchain/check-style.sh [FILE|FOLDER ...]     (default: firmware/)
# Prints one "file:line: what is wrong" line per problem:
#   file:line: function NAME is N lines (at most 60)
#   file:line: line is N columns (at most 110)
#   file:line: N statements on one line (one per line)
# and exits 1 when there is any, 0 when there is none.
# A function is found by brace matching: a `{` at depth 0 after a line that
# names `NAME(` opens it, the matching `}` closes it; braces inside comments,
# strings and character constants do not count. Its length is the lines
# between the two braces; the line reported is the one naming the function.
# Columns count characters (UTF-8), not bytes. Statements are counted by the
# `;` outside parentheses (so a `for (;;)` header is one), in code only.
set -u
cd "$(dirname "$0")/.." || exit 2
MAX_FUNC_LINES=60
MAX_COLUMNS=110

[ $# -gt 0 ] || set -- firmware/
files=$(for a in "$@"; do
    if [ -d "$a" ]; then
        find "$a" -type f \( -name '*.c' -o -name '*.h' \) | sort
    elif [ -f "$a" ]; then
        echo "$a"
    else
        echo "check-style.sh: $a: no such file or folder" >&2
        echo "//missing"
    fi
done)
case $files in *//missing*) exit 2 ;; esac
[ -n "$files" ] || exit 0

# shellcheck disable=SC2086
LC_ALL=C awk -v maxf="$MAX_FUNC_LINES" -v maxc="$MAX_COLUMNS" '
# The line with comments, strings and character constants blanked, keeping
# the state of a /* comment */ that runs on (incomment) across lines.
function code_of(line,    out, i, c, n, q) {
    out = ""
    n = length(line)
    for (i = 1; i <= n; i++) {
        c = substr(line, i, 1)
        if (incomment) {
            if (c == "*" && substr(line, i + 1, 1) == "/") { incomment = 0; i++ }
            continue
        }
        if (c == "/" && substr(line, i + 1, 1) == "*") { incomment = 1; i++; continue }
        if (c == "/" && substr(line, i + 1, 1) == "/") break
        if (c == "\"" || c == "\047") {
            q = c
            for (i++; i <= n; i++) {
                c = substr(line, i, 1)
                if (c == "\\") { i++; continue }
                if (c == q) break
            }
            out = out " "
            continue
        }
        out = out c
    }
    return out
}
# Semicolons of code outside parentheses: the statements ended on the line.
function statements(s,    i, c, n, par, k) {
    n = length(s)
    par = 0
    k = 0
    for (i = 1; i <= n; i++) {
        c = substr(s, i, 1)
        if (c == "(") par++
        else if (c == ")") par--
        else if (c == ";" && par <= 0) k++
    }
    return k
}
function count(s, ch,    t) {
    t = s
    return gsub(ch, "", t)
}
FNR == 1 {
    depth = 0
    incomment = 0
    candidate = ""
    candline = 0
    infunc = 0
}
{
    chars = $0
    gsub(/[\200-\277]/, "", chars)        # UTF-8 continuation bytes
    cols = length(chars)
    if (cols > maxc) {
        printf "%s:%d: line is %d columns (at most %d)\n", FILENAME, FNR, cols, maxc
        bad = 1
    }
    code = code_of($0)
    nst = statements(code)
    if (nst > 1 && code !~ /(struct|union)[ \t]*[A-Za-z0-9_]*[ \t]*\{/) { # a type declared on one line is one
        printf "%s:%d: %d statements on one line (one per line)\n", FILENAME, FNR, nst
        bad = 1
    }
    if (depth == 0 && code !~ /^[ \t]*#/) {
        if (match(code, /[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/)) {
            name = substr(code, RSTART, RLENGTH)
            sub(/[ \t]*\($/, "", name)
            if (name != "if" && name != "while" && name != "for" && name != "switch" \
                && name != "return" && name != "sizeof") {
                candidate = name
                candline = FNR
            }
        }
        if (code ~ /;[ \t]*$/ && code !~ /\{/)
            candidate = ""
    }
    opens = count(code, "{")
    closes = count(code, "}")
    if (depth == 0 && opens > 0 && candidate != "" && code !~ /=[ \t]*\{/) {
        infunc = 1
        fname = candidate
        fline = candline
        fstart = FNR
    }
    depth += opens - closes
    if (depth < 0)
        depth = 0
    if (depth == 0) {
        if (infunc) {
            body = FNR - fstart - 1
            if (body > maxf) {
                printf "%s:%d: function %s is %d lines (at most %d)\n", FILENAME, fline, fname, body, maxf
                bad = 1
            }
            infunc = 0
            candidate = ""
        } else if (code ~ /[;}][ \t]*$/) {
            candidate = ""
        }
    }
}
END { exit bad }
' $files
