#!/bin/sh
# toolchain/trixie.sh — a cached Debian trixie root (debootstrap) to build and
# test OurVoice against trixie's libraries (libgpiod 2.x, SDL 2.32,
# espeak-ng 1.52) on a bookworm machine, through chroot.
#
# Usage (from the checkout's top folder):
#   sh toolchain/trixie.sh test        make test inside the root (checkout bound at /src)
#   sh toolchain/trixie.sh run CMD...  run CMD inside the root, in /src
#   sh toolchain/trixie.sh shell       an interactive shell inside the root
#   sh toolchain/trixie.sh root        only create / update the cached root
#   sh toolchain/trixie.sh clean       delete the cached root
#
# The root lives in $OV_CACHE (default ~/.cache/ourvoice)/trixie-<arch>, is
# made once (debootstrap + toolchain/install-deps.sh inside) and reused; it is
# brought up to date when install-deps.sh changes. /proc, /sys and /dev are
# mounted only while a command runs and always unmounted on exit. Builds go to
# /build inside the root, so the checkout is not touched.
# Needs root (or password-less sudo) and Debian's mirror the first time;
# without them it prints "SKIP: reason" and exits 0.
# With OV_TRIXIE_THROWAWAY=1, `run` and `shell` work on a copy-on-write
# overlay of the root that is thrown away afterwards (used by test-board, whose
# install script changes the system).
# Environment: OV_CACHE, OV_DEBIAN_MIRROR (default: the mirror in /etc/apt/sources.list*),
# OV_TRIXIE_SUITE (default trixie), OV_TRIXIE_EXTRA_PKGS (more packages).
set -eu

SUITE=${OV_TRIXIE_SUITE:-trixie}
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
CACHE=${OV_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/ourvoice}
ROOT=$CACHE/$SUITE-$ARCH
SRC=$(pwd)
# The mirror this machine's apt uses (OV_DEBIAN_MIRROR overrides it).
MIRROR=$(sh "$SRC/toolchain/apt-mirror.sh" 2>/dev/null || true)
# Beyond the build/test packages: systemd + udev for `make test-board`
# (systemd-analyze verify, udevadm verify), make for the build.
EXTRA_PKGS="make systemd udev ${OV_TRIXIE_EXTRA_PKGS:-}"
THROWAWAY=${OV_TRIXIE_THROWAWAY:-0}
R=$ROOT          # where commands run: the root itself or a throwaway overlay
SCRATCH=""
CMD=${1:-test}
[ $# -gt 0 ] && shift

say() { echo "trixie: $*" >&2; }
skip() { echo "SKIP: test-$SUITE: $*"; exit 0; }

[ -f "$SRC/toolchain/install-deps.sh" ] || { say "run me from the checkout's top folder"; exit 2; }
[ -n "$MIRROR" ] || skip "no Debian mirror in /etc/apt/sources.list* (or set OV_DEBIAN_MIRROR)"

# --- root privileges: chroot, mount and debootstrap need them ---------------
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        exec sudo -n env OV_CACHE="$CACHE" OV_DEBIAN_MIRROR="$MIRROR" OV_TRIXIE_SUITE="$SUITE" \
            OV_TRIXIE_EXTRA_PKGS="${OV_TRIXIE_EXTRA_PKGS:-}" OV_TRIXIE_THROWAWAY="$THROWAWAY" \
            sh "$0" "$CMD" "$@"
    fi
    skip "needs root (chroot, mount, debootstrap): run as root or allow password-less sudo"
fi
[ -d /proc/self ] || skip "no /proc on this machine"

mkdir -p "$CACHE"
# One user of the root at a time (two CI jobs, or test-trixie + test-board).
exec 9>"$CACHE/$SUITE-$ARCH.lock"
if command -v flock >/dev/null 2>&1; then
    flock -w 3600 9 || { say "another run holds $CACHE/$SUITE-$ARCH.lock for over an hour"; exit 1; }
fi

# --- mounts, always undone -------------------------------------------------
MOUNTED=""
mounts_under() { # mount points at or below $1, deepest first
    awk -v r="$1" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r
}
umount_under() {
    for m in $(mounts_under "$1"); do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || say "could not unmount $m"
    done
}
cleanup() {
    if [ -n "$MOUNTED" ]; then
        umount_under "$R"
        [ "$R" != "$ROOT" ] && umount_under "$ROOT"
    fi
    MOUNTED=""
    if [ -n "$SCRATCH" ] && [ -z "$(mounts_under "$SCRATCH")" ]; then rm -rf "$SCRATCH"; fi
    SCRATCH=""
    R=$ROOT
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM HUP

mount_all() { # $1 = throwaway: run on an overlay of the root
    umount_under "$ROOT"          # left over from a run that was killed
    for old in "$CACHE"/scratch.*; do   # overlays of killed runs
        [ -d "$old" ] || continue
        umount_under "$old"
        [ -z "$(mounts_under "$old")" ] && rm -rf "$old"
    done
    mkdir -p "$ROOT/proc" "$ROOT/sys" "$ROOT/dev" "$ROOT/src" "$ROOT/build"
    MOUNTED=1
    if [ "${1:-}" = throwaway ]; then
        SCRATCH=$(mktemp -d "$CACHE/scratch.XXXXXX")
        mkdir -p "$SCRATCH/upper" "$SCRATCH/work" "$SCRATCH/root"
        mount -t overlay overlay -o "lowerdir=$ROOT,upperdir=$SCRATCH/upper,workdir=$SCRATCH/work" "$SCRATCH/root" ||
            skip "cannot mount an overlay file system here (needed for a throwaway root)"
        R=$SCRATCH/root
    fi
    mount -t proc proc "$R/proc"
    mount --rbind /sys "$R/sys" && mount --make-rslave "$R/sys"
    mount --rbind /dev "$R/dev" && mount --make-rslave "$R/dev"
    mount --bind "$SRC" "$R/src"
    cp -L /etc/resolv.conf "$R/etc/resolv.conf" 2>/dev/null || true
}

in_root() { # run a command inside the root with a clean environment, in /src
    chroot "$R" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive \
        OV_EXTRA_PKGS="$EXTRA_PKGS" ${OV_DEB_BINARY:+OV_DEB_BINARY="$OV_DEB_BINARY"} sh -c 'cd /src && exec "$@"' sh "$@"
}

mirror_reachable() {
    url="$MIRROR/dists/$SUITE/Release"
    if command -v curl >/dev/null 2>&1; then curl -fsI --max-time 20 "$url" >/dev/null 2>&1
    elif command -v wget >/dev/null 2>&1; then wget -q --spider -T 20 "$url" 2>/dev/null
    else return 0; fi
}

# --- create / update the root --------------------------------------------------
stamp_value() { # what the package step depends on
    { cat "$SRC/toolchain/install-deps.sh"; echo "$EXTRA_PKGS"; } | cksum | cut -d' ' -f1
}

make_root() {
    if [ ! -f "$ROOT/.ourvoice-debootstrap-ok" ]; then
        mirror_reachable || skip "cannot reach $MIRROR (no network to Debian's mirror)"
        if [ ! -x /usr/sbin/debootstrap ]; then
            say "installing debootstrap"
            apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends debootstrap >/dev/null ||
                skip "debootstrap is missing and cannot be installed (apt-get install debootstrap)"
        fi
        umount_under "$ROOT"
        [ -z "$(mounts_under "$ROOT")" ] || { say "$ROOT still has mounts; not deleting it"; exit 1; }
        rm -rf "$ROOT"
        say "creating the $SUITE root in $ROOT (debootstrap, about a minute)"
        t0=$(date +%s)
        if ! debootstrap --variant=minbase --arch="$ARCH" "$SUITE" "$ROOT" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1; then
            tail -20 "$CACHE/debootstrap.log" >&2
            say "debootstrap failed (log: $CACHE/debootstrap.log)"
            exit 1
        fi
        # Never start services inside the root.
        printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
        chmod 755 "$ROOT/usr/sbin/policy-rc.d"
        touch "$ROOT/.ourvoice-debootstrap-ok"
        say "debootstrap took $(( $(date +%s) - t0 )) s"
    fi
    want=$(stamp_value)
    if [ "$(cat "$ROOT/.ourvoice-pkgs" 2>/dev/null)" != "$want" ]; then
        t0=$(date +%s)
        say "installing the build and test packages inside the root"
        mount_all
        in_root sh toolchain/install-deps.sh
        in_root apt-get clean
        cleanup
        echo "$want" >"$ROOT/.ourvoice-pkgs"
        say "packages took $(( $(date +%s) - t0 )) s"
    fi
}

case "$CMD" in
    root)
        make_root ;;
    test)
        make_root
        mount_all
        in_root sh -c 'echo "trixie: $(. /etc/os-release; echo "$PRETTY_NAME"): libgpiod $(pkg-config --modversion libgpiod), SDL $(pkg-config --modversion sdl2), espeak-ng $(pkg-config --modversion espeak-ng)"' >&2
        set +e
        in_root make --no-print-directory -j"$(nproc)" BUILD=/build test
        rc=$?
        set -e
        exit $rc ;;
    run)
        [ $# -gt 0 ] || { say "usage: trixie.sh run CMD..."; exit 2; }
        make_root
        if [ "$THROWAWAY" = 1 ]; then mount_all throwaway; else mount_all; fi
        set +e
        in_root "$@"
        rc=$?
        set -e
        exit $rc ;;
    shell)
        make_root
        if [ "$THROWAWAY" = 1 ]; then mount_all throwaway; else mount_all; fi
        set +e
        in_root bash -i
        set -e ;;
    clean)
        umount_under "$ROOT"
        [ -z "$(mounts_under "$ROOT")" ] || { say "$ROOT still has mounts; not deleting it"; exit 1; }
        rm -rf "$ROOT" "$ROOT.new"
        say "removed $ROOT" ;;
    *)
        say "unknown command '$CMD' (use test, run, shell, root or clean)"; exit 2 ;;
esac
