#!/bin/sh
# toolchain/check-layers.sh — `make check-layers`: the layer rule of
# firmware/README.md, checked on every source file. Each folder is a layer:
#   base      shared basics; may include: base
#   model     content, results, export formats; may include: base, model
#   ui        member and facilitator screens and input logic; base, model, ui
#   app       the program, its commands and the kiosk loop; every layer
#   platform  SDL, espeak-ng, libgpiod, SQLite, inih, files, devices,
#             systemd, sysfs; base, model, ui, platform (never app)
# Outside platform/ no file includes a third-party header (anything in <...>
# that is not the C library or POSIX), and none calls the C library's file or
# device functions. Every problem is printed as "file:line: what is wrong";
# exit 1 when there is any.
set -u
cd "$(dirname "$0")/.."
# Standard C and POSIX headers a core file may include (nothing that opens
# files or devices is in this list: no fcntl.h, dirent.h, unistd.h, sys/stat.h;
# no getopt.h either: every command parses with base/cli_opts.h).
STD='assert ctype errno float inttypes limits math stdarg stdbool stddef stdint stdio stdlib string strings time'
allowed_layers() {
    case $1 in
        base) echo base ;;
        model) echo base model ;;
        ui) echo base model ui ;;
        app) echo base model ui platform app ;;
        platform) echo base model ui platform ;;
    esac
}
# Calls that touch a file or device (the platform layer's job).
IO='fopen|fdopen|freopen|open|openat|opendir|fdopendir|readdir|stat|lstat|fstat|fstatat|mkdir|mkdirat|unlink|unlinkat|rmdir|rename|renameat|fsync|fdatasync|ftruncate|truncate|ioctl|mmap|popen|system|getenv|access|chdir|realpath|readlink|symlink|link|socket|connect|remove|tmpfile|mkstemp|mkdtemp|poll|select|inotify_init1|execv|execvp|fork'
bad=0
for f in $(find firmware -name '*.[ch]' | sort); do
    layer=$(echo "$f" | cut -d/ -f2)
    allow=$(allowed_layers "$layer")
    if [ -z "$allow" ]; then
        echo "$f:1: not in a layer folder (base, model, ui, app, platform): move it into one"
        bad=1; continue
    fi
    # Our own includes: "layer/name.h", and only layers this one may use.
    out=$(awk -v f="$f" -v allow=" $allow " '
        /^[ \t]*#[ \t]*include[ \t]*"/ {
            h = $0; sub(/^[^"]*"/, "", h); sub(/".*$/, "", h)
            n = split(h, part, "/")
            if (n != 2) { printf "%s:%d: include \"%s\" must name its layer (\"layer/name.h\")\n", f, NR, h; next }
            if (index(allow, " " part[1] " ") == 0)
                printf "%s:%d: includes \"%s\": the %s layer may not use %s/\n", f, NR, h, substr(f, 10, index(substr(f, 10), "/") - 1), part[1]
        }' "$f")
    [ -n "$out" ] && { echo "$out"; bad=1; }
    [ "$layer" = platform ] && continue
    out=$(awk -v f="$f" -v std=" $STD " '
        /^[ \t]*#[ \t]*include[ \t]*</ {
            h = $0; sub(/^[^<]*</, "", h); sub(/>.*$/, "", h)
            base = h; sub(/\.h$/, "", base)
            if (index(std, " " base " ") == 0)
                printf "%s:%d: includes <%s>: only firmware/platform/ may include third-party or system headers beyond the C library\n", f, NR, h
        }' "$f")
    [ -n "$out" ] && { echo "$out"; bad=1; }
    out=$(sed -e 's://.*$::' "$f" | grep -n -E "(^|[^a-zA-Z0-9_.>])($IO)[ \t]*\(" | grep -v -E '^[0-9]+:[ \t]*(/?\*|\*)' |
          sed -E "s|^([0-9]+):.*|$f:\1: calls a file or device function: move it to firmware/platform/|")
    [ -n "$out" ] && { echo "$out"; bad=1; }
done
if [ "$bad" = 0 ]; then echo "check-layers: every file keeps to its layer"; fi
exit $bad
