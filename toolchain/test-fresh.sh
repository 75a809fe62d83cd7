#!/bin/sh
# toolchain/test-fresh.sh — `make test-fresh`: the README's two commands on a
# truly fresh Debian (minbase + make + git, nothing else), for each suite.
#
# For each suite (default: bookworm trixie, one after the other) it makes a
# pristine minbase root with debootstrap once, cached in $OV_FRESH_CACHE
# (default /var/cache/ourvoice-fresh/<suite>, never changed afterwards), then
# works in a throwaway copy of it: git clones this checkout's HEAD into the
# copy and, as root inside the chroot, runs
#   1. `make test` ONCE (it must install what it needs and pass first time),
#   2. `make run` with no display (one line, non-zero exit, quickly),
#   3. `build/ourvoice kiosk --headless --script S --shots D` (writes a PNG),
#   4. on a suite with libgpiod 2, checks the v2 GPIO backend was compiled.
# The mirror is the one this machine's apt uses (toolchain/apt-mirror.sh).
# Downloaded packages are kept in $OV_FRESH_CACHE/apt-archives (bind-mounted
# into each copy) so later runs do not download them again.
# Needs root (or password-less sudo); without it, or without a mirror, it
# prints "SKIP: reason". Ends with "N passed, N failed"; exits non-zero when
# any check fails, and the first failing `make test` fails the suite.
# Usage: sh toolchain/test-fresh.sh [SUITE...]
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${OV_FRESH_CACHE:-/var/cache/ourvoice-fresh}
SUITES=${*:-${OV_FRESH_SUITES:-bookworm trixie}}
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
# Time limits (seconds) so a stuck step never hangs CI.
DEBOOTSTRAP_LIMIT=900
MAKE_TEST_LIMIT=1200
RUN_LIMIT=60
KIOSK_LIMIT=120
passed=0; failed=0
WORK=""

say() { echo "test-fresh: $*" >&2; }
ok() { passed=$((passed + 1)); echo "PASS: $1"; }
bad() { failed=$((failed + 1)); echo "FAIL: $1"; }

if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        exec sudo -n env OV_FRESH_CACHE="$CACHE" ${OV_DEBIAN_MIRROR:+OV_DEBIAN_MIRROR="$OV_DEBIAN_MIRROR"} \
            sh "$0" $SUITES
    fi
    echo "SKIP: test-fresh: needs root (debootstrap, chroot, mount): run as root or allow password-less sudo"
    exit 0
fi
MIRROR=$(sh "$SRC/toolchain/apt-mirror.sh") ||
    { echo "SKIP: test-fresh: no Debian mirror in /etc/apt/sources.list*"; exit 0; }
command -v debootstrap >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
    { echo "SKIP: test-fresh: debootstrap is missing (apt-get install debootstrap)"; exit 0; }
mkdir -p "$CACHE/apt-archives/partial"
exec 9>"$CACHE/.test-fresh.lock"   # one run at a time
flock -w 3600 9 || { say "another run holds $CACHE/.test-fresh.lock"; exit 1; }

mounts_under() { # mount points at or below $1, deepest first
    awk -v r="$1" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r
}
umount_under() {
    for m in $(mounts_under "$1"); do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || say "could not unmount $m"
    done
}
kill_inside() { # processes still running inside the copy (an interrupted apt-get, ...)
    for p in /proc/[0-9]*; do
        case "$(readlink "$p/root" 2>/dev/null)" in
            "$1"|"$1"/*) kill -KILL "${p#/proc/}" 2>/dev/null ;;
        esac
    done
}
cleanup() {
    [ -n "$WORK" ] || return 0
    kill_inside "$WORK/root"
    sleep 1
    umount_under "$WORK"
    if [ -z "$(mounts_under "$WORK")" ]; then rm -rf "$WORK"; else say "left $WORK (still mounted)"; fi
    WORK=""
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM HUP

# The pristine root of suite $1: made once, then only ever copied.
pristine_root() {
    base=$CACHE/$1
    [ -f "$base/.ourvoice-pristine" ] && return 0
    umount_under "$base.new"
    rm -rf "$base.new" "$base"
    say "debootstrap $1 (minbase + make git ca-certificates) from $MIRROR"
    t0=$(date +%s)
    if ! timeout -s KILL "$DEBOOTSTRAP_LIMIT" debootstrap --variant=minbase --arch="$ARCH" \
            --include=make,git,ca-certificates --cache-dir="$CACHE/apt-archives" \
            "$1" "$base.new" "$MIRROR" >"$CACHE/debootstrap-$1.log" 2>&1; then
        tail -20 "$CACHE/debootstrap-$1.log" >&2
        say "debootstrap $1 failed (log: $CACHE/debootstrap-$1.log)"
        return 1
    fi
    # Never start services inside the root.
    printf '#!/bin/sh\nexit 101\n' >"$base.new/usr/sbin/policy-rc.d"
    chmod 755 "$base.new/usr/sbin/policy-rc.d"
    touch "$base.new/.ourvoice-pristine"
    mv "$base.new" "$base"
    say "debootstrap $1 took $(( $(date +%s) - t0 )) s"
}

in_root() { # a command inside the copy, clean environment, no display, in the clone
    chroot "$WORK/root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
        sh -c 'cd /root/ourvoice && exec "$@"' sh "$@"
}

# A throwaway copy of the pristine root with the checkout's HEAD cloned in.
prepare_copy() {
    WORK=$(mktemp -d "$CACHE/work-$1.XXXXXX")
    cp -a "$CACHE/$1" "$WORK/root" || return 1
    r=$WORK/root
    git clone -q --no-hardlinks "$SRC" "$r/root/ourvoice" &&
        git -C "$r/root/ourvoice" checkout -q --detach "$(git -C "$SRC" rev-parse HEAD)" || return 1
    cp -L /etc/resolv.conf "$r/etc/resolv.conf"
    mount -t proc proc "$r/proc"
    mount --rbind /sys "$r/sys" && mount --make-rslave "$r/sys"
    mount --rbind /dev "$r/dev" && mount --make-rslave "$r/dev"
    mount --bind "$CACHE/apt-archives" "$r/var/cache/apt/archives"
}

check_run() { # `make run` with no display: one line, non-zero exit, quickly
    # No display: hide a graphics card this machine may have (undone with the other mounts).
    [ -d "$WORK/root/dev/dri" ] && mount -t tmpfs -o size=1m none "$WORK/root/dev/dri"
    in_root timeout -s KILL "$RUN_LIMIT" make --no-print-directory -s run >"$WORK/run.log" 2>&1
    rc=$?
    # make's own "make: *** [run] Error 1" line is not the kiosk's message
    lines=$(grep -v -c '^make: \*\*\*' "$WORK/run.log")
    if [ "$rc" != 0 ] && [ "$rc" != 137 ] && [ "$lines" = 1 ]; then
        ok "$1: make run says: $(grep -v '^make: \*\*\*' "$WORK/run.log")"
    else cat "$WORK/run.log"; bad "$1: make run with no display (exit $rc, $lines lines; want 1 line, non-zero)"; fi
}

check_kiosk() { # the headless kiosk writes a picture
    printf 'shot welcome\nquit\n' >"$WORK/root/root/script.txt"
    mkdir -p "$WORK/root/root/shots"
    in_root env SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy timeout -s KILL "$KIOSK_LIMIT" \
        build/ourvoice kiosk --headless --script /root/script.txt --shots /root/shots >"$WORK/kiosk.log" 2>&1
    rc=$?
    png=$(ls "$WORK/root/root/shots"/*.png 2>/dev/null | head -1)
    if [ "$rc" = 0 ] && [ -n "$png" ] && [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = '211PNG' ]; then
        ok "$1: headless kiosk wrote $(basename "$png")"
    else cat "$WORK/kiosk.log"; bad "$1: headless kiosk --script --shots (exit $rc, picture: ${png:-none})"; fi
}

check_gpiod() { # with libgpiod 2 the v2 backend must be the one compiled (into ourvoice-kiosk)
    major=$(in_root pkg-config --modversion libgpiod 2>/dev/null | cut -d. -f1)
    v2=$(in_root sh -c 'nm -D build/ourvoice-kiosk | grep -c -E " U gpiod_chip_request_lines(@|\$)"')
    v1=$(in_root sh -c 'nm -D build/ourvoice-kiosk | grep -c -E " U gpiod_line_release(@|\$)"')
    if [ "${major:-0}" -ge 2 ]; then
        if [ "$v2" -ge 1 ] && [ "$v1" = 0 ]; then ok "$1: libgpiod $major: the v2 GPIO backend is compiled"
        else bad "$1: libgpiod $major but the v2 GPIO backend is not the one compiled (v2 $v2, v1 $v1)"; fi
    elif [ "$v1" -ge 1 ] && [ "$v2" = 0 ]; then ok "$1: libgpiod ${major:-?}: the v1 GPIO backend is compiled"
    else bad "$1: libgpiod ${major:-?}: wrong GPIO backend (v2 $v2, v1 $v1)"; fi
}

run_suite() {
    pristine_root "$1" || { bad "$1: debootstrap"; return; }
    prepare_copy "$1" || { bad "$1: preparing the throwaway copy"; cleanup; return; }
    say "$1: make test in a fresh root (the first and only run)"
    t0=$(date +%s)
    in_root timeout -s KILL "$MAKE_TEST_LIMIT" make --no-print-directory -j2 test >"$WORK/test.log" 2>&1
    rc=$?
    secs=$(( $(date +%s) - t0 ))
    sum=$(grep -a -E '^[0-9]+ passed, [0-9]+ failed$' "$WORK/test.log" | tail -1)
    if [ "$rc" = 0 ]; then ok "$1: the first make test passes ($sum, $secs s)"
    else tail -60 "$WORK/test.log"; bad "$1: the first make test failed (exit $rc, ${sum:-no summary}, $secs s)"
        cp "$WORK/test.log" "$CACHE/last-test-$1.log"; cleanup; return; fi
    check_run "$1"
    check_kiosk "$1"
    check_gpiod "$1"
    cleanup
}

for s in $SUITES; do
    t0=$(date +%s)
    run_suite "$s"
    say "$s took $(( $(date +%s) - t0 )) s"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
