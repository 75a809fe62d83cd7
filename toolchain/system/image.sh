#!/bin/sh
# toolchain/system/image.sh — builds the appliance image `make test-system`
# boots: a Debian bookworm root made by debootstrap, with OurVoice installed
# the way an installer does it (this checkout's own .deb, then
# board/rpi/install.sh --chroot), packed into an ext4 image without loop
# devices (mkfs.ext4 -d), plus the kernel and initramfs to boot it with.
#
# Usage: sh toolchain/system/image.sh BUILD OUTDIR
#   BUILD   the checkout's build folder (the program is taken from there; the
#           .deb is made in BUILD/system-deb/deb/)
#   OUTDIR  where vmlinuz, initrd.img and root.img (the fresh disk) are put
# Caches (outside the checkout), each keyed by a hash of what goes into it:
#   $OV_CACHE/system/base-<hash>/   debootstrap root: kernel, systemd, ALSA
#   $OV_CACHE/system/kiosk-<hash>/  that root + the .deb + install.sh
#   $OV_CACHE/system/apt/           downloaded packages, shared
# OV_CACHE defaults to ~/.cache/ourvoice (as toolchain/trixie.sh). The Debian
# mirror is the one this machine's apt sources name (or OV_DEBIAN_MIRROR).
# Prints "SKIP: reason" and exits 3 when the image cannot be made here.
set -eu
BUILD=${1:?usage: image.sh BUILD OUTDIR}
OUT=${2:?usage: image.sh BUILD OUTDIR}
SUITE=${OV_SYSTEM_SUITE:-bookworm}
ARCH=amd64
CACHE=${OV_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/ourvoice}/system
SRC=$(pwd)
HERE=$SRC/toolchain/system
# What the appliance has before OurVoice: a kernel, systemd, udev and ALSA's
# tools. No Mesa, no SDL: the .deb must bring what the kiosk needs.
BASE_PKGS="linux-image-amd64 systemd systemd-sysv udev dbus kmod alsa-utils initramfs-tools e2fsprogs"
IMG_MB=${OV_SYSTEM_IMAGE_MB:-2048}

say() { echo "system-image: $*" >&2; }
skip() { echo "SKIP: test-system: $*"; exit 3; }

[ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot)"
[ "$(dpkg --print-architecture)" = amd64 ] || skip "builds an amd64 image; this machine is $(dpkg --print-architecture)"
mkdir -p "$CACHE/apt" "$OUT"
exec 8>"$CACHE/image.lock"
flock -w 3600 8 || { say "another build holds $CACHE/image.lock"; exit 1; }

# The mirror from this machine's apt sources (deb822 or one-line format).
mirror() {
    [ -n "${OV_DEBIAN_MIRROR:-}" ] && { echo "$OV_DEBIAN_MIRROR"; return; }
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f"
    done | head -n 1 | grep . && return
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /:\/\// && $i !~ /security/) { print $i; exit } }' |
        head -n 1
}
MIRROR=$(mirror)
[ -n "$MIRROR" ] || skip "no Debian mirror in /etc/apt/sources.list*; set OV_DEBIAN_MIRROR"

hash_of() { sha256sum | cut -c1-16; }

# --- mounts inside a root, always undone -------------------------------------
MOUNTED=""
undo_mounts() {
    for m in $MOUNTED; do umount -l "$m" 2>/dev/null || true; done
    MOUNTED=""
}
trap undo_mounts EXIT
trap 'undo_mounts; exit 130' INT TERM HUP
mount_in() { # $1 = root
    mkdir -p "$1/proc" "$1/sys" "$1/dev" "$1/var/cache/apt/archives"
    mount -t proc proc "$1/proc" && MOUNTED="$1/proc $MOUNTED"
    mount --rbind /dev "$1/dev" && mount --make-rslave "$1/dev" && MOUNTED="$1/dev $MOUNTED"
    mount --bind "$CACHE/apt" "$1/var/cache/apt/archives" && MOUNTED="$1/var/cache/apt/archives $MOUNTED"
    cp -L /etc/resolv.conf "$1/etc/resolv.conf" 2>/dev/null || true
}
in_root() { # $1 = root, then the command
    r=$1; shift
    chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}

# --- 1. the base root: debootstrap + kernel + systemd + ALSA -----------------------
BASE_KEY=$(printf '%s\n' "$SUITE" "$BASE_PKGS" "$MIRROR" "base-v1" | hash_of)
BASE=$CACHE/base-$BASE_KEY
if [ ! -f "$BASE/.ok" ]; then
    command -v debootstrap >/dev/null || skip "debootstrap is not installed (apt-get install debootstrap)"
    rm -rf "$CACHE"/base-*
    t0=$(date +%s)
    say "debootstrap $SUITE from $MIRROR into $BASE (a few minutes, once)"
    pkgs=$(echo "$BASE_PKGS" | tr ' ' ',')
    if ! debootstrap --variant=minbase --arch=$ARCH --include="$pkgs" --cache-dir="$CACHE/apt" \
            "$SUITE" "$BASE" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1; then
        tail -n 20 "$CACHE/debootstrap.log" >&2
        skip "debootstrap failed (log: $CACHE/debootstrap.log)"
    fi
    printf 'deb %s %s main\n' "$MIRROR" "$SUITE" >"$BASE/etc/apt/sources.list"
    touch "$BASE/.ok"
    say "base root made in $(( $(date +%s) - t0 )) s"
fi

# --- 2. the package, from this checkout ----------------------------------------------
# Packaged in BUILD/system-deb/ (so `make deb`'s BUILD/deb/ is left alone).
# A fixed version keeps the package (and so the cache key) the same between
# commits that do not change what it installs.
DEBDIR=$BUILD/system-deb
OV_VERSION=0.1.0~systemtest OV_DEB_BINARY="$BUILD/ourvoice" OV_LINTIAN_SUPPRESS=${OV_LINTIAN_SUPPRESS:-} \
    sh toolchain/make-deb.sh $ARCH "$DEBDIR" >"$OUT/make-deb.log" 2>&1 ||
    { cat "$OUT/make-deb.log" >&2; say "make-deb.sh failed"; exit 1; }
DEB=$(ls -t "$DEBDIR"/deb/ourvoice_*_$ARCH.deb | head -n 1)
# The key: what the package installs (md5sums, control less Version) + install.sh.
PKG_KEY=$( { dpkg-deb -I "$DEB" md5sums | grep -v changelog; dpkg-deb -f "$DEB" Depends;
             cat board/rpi/*; echo "$BASE_KEY"; } | hash_of)
KIOSK=$CACHE/kiosk-$PKG_KEY
if [ ! -f "$KIOSK/.ok" ]; then
    for old in "$CACHE"/kiosk-*; do [ -d "$old" ] && rm -rf "$old"; done
    t0=$(date +%s)
    say "installing the package and running install.sh --chroot in a copy of the base root"
    cp -a "$BASE" "$KIOSK.tmp"
    mount_in "$KIOSK.tmp"
    mkdir -p "$KIOSK.tmp/tmp/ov"
    cp "$DEB" "$KIOSK.tmp/tmp/ov/ourvoice.deb"
    cp -R board/rpi "$KIOSK.tmp/tmp/ov/rpi"
    if ! in_root "$KIOSK.tmp" sh /tmp/ov/rpi/install.sh --chroot --deb /tmp/ov/ourvoice.deb \
            >"$CACHE/install.log" 2>&1; then
        tail -n 30 "$CACHE/install.log" >&2
        undo_mounts
        say "install.sh --chroot failed (log: $CACHE/install.log)"; exit 1
    fi
    rm -rf "$KIOSK.tmp/tmp/ov"
    in_root "$KIOSK.tmp" apt-get clean
    undo_mounts
    mv "$KIOSK.tmp" "$KIOSK"
    touch "$KIOSK/.ok"
    say "package installed in $(( $(date +%s) - t0 )) s"
fi

# --- 3. the image: the installed root + the test's own fixtures ---------------------------
t0=$(date +%s)
cp "$KIOSK"/boot/vmlinuz-* "$OUT/vmlinuz"
cp "$KIOSK"/boot/initrd.img-* "$OUT/initrd.img"
STAGE=$OUT/stage
rm -rf "$STAGE"
cp -a "$KIOSK" "$STAGE"
rm -f "$STAGE/.ok"
# The GPIO simulator for the appliance's own kernel (cached per kernel); none
# when it cannot be built here: the buttons' scenario then says why and skips.
KVER=$(ls "$KIOSK/lib/modules" | head -n 1)
GPIO_KO=$CACHE/gpio-sim-$KVER.ko
if [ ! -s "$GPIO_KO" ]; then
    sh "$HERE/gpio-sim.sh" "$KVER" "$GPIO_KO.tmp" 2>"$OUT/gpio-sim.log" && mv "$GPIO_KO.tmp" "$GPIO_KO" ||
        { rm -f "$GPIO_KO.tmp"; say "no GPIO simulator: $(tail -n 1 "$OUT/gpio-sim.log")"; }
fi
[ -s "$GPIO_KO" ] || GPIO_KO=""
sh "$HERE/fixtures.sh" "$STAGE" "$SRC" "$BUILD/ourvoice" "$GPIO_KO"
# The settings the kiosk runs with, for the reference screens (tests/system/scenarios.py).
cp "$STAGE/etc/ourvoice/ourvoice.ini" "$OUT/ourvoice.ini"
rm -f "$OUT/root.img"
mkfs.ext4 -q -F -L rootfs -d "$STAGE" "$OUT/root.img" "${IMG_MB}M" ||
    { say "mkfs.ext4 -d failed (e2fsprogs 1.43 or newer is needed)"; exit 1; }
rm -rf "$STAGE"
say "image ready in $(( $(date +%s) - t0 )) s: $OUT/root.img"
