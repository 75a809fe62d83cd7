#!/bin/sh
# toolchain/make-deb.sh — builds the OurVoice Debian package with dpkg-deb.
# Usage: sh toolchain/make-deb.sh ARCH BUILD    (from the checkout's top folder)
#   ARCH  amd64 / arm64 ... ; a foreign ARCH is cross-built (CROSS=arm64)
#   BUILD build folder; the package lands in BUILD/deb/
# Installs /usr/bin/ourvoice and the kiosk program it runs for kiosk,
# check-content and export (/usr/lib/ourvoice/ourvoice-kiosk; README.md, "Two
# programs"), the questions and pictures (/usr/share/ourvoice),
# the Pi set-up files (/usr/share/ourvoice/rpi), the systemd unit, the USB udev
# rule and the default settings (/etc/ourvoice/ourvoice.ini, a conffile).
# Depends: worked out by dpkg-shlibdeps from both programs' libraries.
# Environment: OV_VERSION (default 0.1.0+git<date>.<commit>), OV_MAINTAINER,
# OV_DEB_BINARY (package this already-built `ourvoice` and the ourvoice-kiosk
# beside it instead of running make).
set -eu
ARCH=${1:?usage: make-deb.sh ARCH BUILD}
B=${2:?usage: make-deb.sh ARCH BUILD}
MAKE=${MAKE:-make}
HOST_ARCH=$(dpkg --print-architecture)
say() { echo "make-deb: $*" >&2; }

# --- build the program ---------------------------------------------------------
PROG=${OV_DEB_BINARY:-$B/ourvoice}
KIOSK=$(dirname "$PROG")/ourvoice-kiosk
if [ "$ARCH" = "$HOST_ARCH" ]; then
    [ -n "${OV_DEB_BINARY:-}" ] || $MAKE --no-print-directory CROSS= BUILD="$B" "$B/ourvoice"
    STRIP="strip"
    TRIPLET=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -dumpmachine)
elif [ "$ARCH" = arm64 ]; then
    [ -n "${OV_DEB_BINARY:-}" ] || $MAKE --no-print-directory CROSS=arm64 BUILD="$B" "$B/ourvoice"
    STRIP=aarch64-linux-gnu-strip
    TRIPLET=aarch64-linux-gnu
else
    say "cannot build for $ARCH on $HOST_ARCH (use arm64 or $HOST_ARCH)"; exit 1
fi
[ -x "$KIOSK" ] || { say "$KIOSK is missing: \`make $PROG\` builds it beside $PROG"; exit 1; }

# --- version -------------------------------------------------------------------
BASE=0.1.0
if [ -n "${OV_VERSION:-}" ]; then VERSION=$OV_VERSION
elif git rev-parse --short HEAD >/dev/null 2>&1; then
    VERSION="$BASE+git$(git log -1 --format=%cd --date=format:%Y%m%d).$(git rev-parse --short HEAD)"
else VERSION=$BASE; fi
# Packages are tied to the release they were built on: 12 bookworm, 13 trixie.
DEBREL=$(cut -d. -f1 /etc/debian_version 2>/dev/null | tr -cd '0-9')
[ -n "$DEBREL" ] && VERSION="$VERSION~deb$DEBREL"
MAINT=${OV_MAINTAINER:-OurVoice developers <ourvoice@example.org>}

# bookworm keeps systemd and udev files in /lib; trixie (merged /usr) in /usr/lib.
if [ "${DEBREL:-12}" -ge 13 ] 2>/dev/null; then LIBDIR=usr/lib; else LIBDIR=lib; fi

OUT="$B/deb"
P="$OUT/ourvoice_${VERSION}_$ARCH"
rm -rf "$OUT"/ourvoice_*_"$ARCH" "$OUT"/ourvoice_*_"$ARCH".deb   # only the newest stays
umask 022
mkdir -p "$P/DEBIAN" "$P/usr/bin" "$P/usr/share/ourvoice/rpi" "$P/usr/share/doc/ourvoice" \
         "$P/usr/share/man/man1" "$P/$LIBDIR/systemd/system" "$P/$LIBDIR/udev/rules.d" "$P/etc/ourvoice"

# --- files -----------------------------------------------------------------------
install -m 755 "$PROG" "$P/usr/bin/ourvoice"
$STRIP --remove-section=.comment --remove-section=.note --strip-unneeded "$P/usr/bin/ourvoice"
for d in assets/*; do
    [ -d "$d" ] && cp -R "$d" "$P/usr/share/ourvoice/"
done
for f in board/rpi/install.sh board/rpi/uninstall.sh board/rpi/wait-display.sh board/rpi/set-pin.sh; do
    [ -f "$f" ] && install -m 755 "$f" "$P/usr/share/ourvoice/rpi/"
done
for f in board/rpi/journald-ourvoice.conf board/rpi/config.txt.fragment board/rpi/cmdline.txt.add \
         board/rpi/cmdline.txt.remove; do
    install -m 644 "$f" "$P/usr/share/ourvoice/rpi/"
done
mkdir -p "$P/usr/lib/ourvoice"
install -m 755 "$KIOSK" "$P/usr/lib/ourvoice/ourvoice-kiosk"
$STRIP --remove-section=.comment --remove-section=.note --strip-unneeded "$P/usr/lib/ourvoice/ourvoice-kiosk"
install -m 755 board/rpi/wait-display.sh "$P/usr/lib/ourvoice/wait-display"
install -m 644 board/rpi/ourvoice.service "$P/$LIBDIR/systemd/system/ourvoice.service"
install -m 644 board/rpi/99-ourvoice-usb.rules "$P/$LIBDIR/udev/rules.d/99-ourvoice-usb.rules"
install -m 644 board/ourvoice.ini "$P/etc/ourvoice/ourvoice.ini"
for f in docs/install.md docs/config.md board/wiring.md; do
    [ -f "$f" ] && install -m 644 "$f" "$P/usr/share/doc/ourvoice/"
done
find "$P/usr/share" -type d -exec chmod 755 {} +
find "$P/usr/share" -type f ! -name '*.sh' -exec chmod 644 {} +

cat >"$P/usr/share/doc/ourvoice/copyright" <<EOT
OurVoice — an accessible voting kiosk for co-production self-reflection.

Copyright 2025 the OurVoice developers.
The licence is given in the LICENSE file of the OurVoice source.
Pictures and fonts keep the licences of their sources.
EOT
DATE=$(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")
printf 'ourvoice (%s) unstable; urgency=medium\n\n  * Built from the OurVoice source tree.\n\n -- %s  %s\n' \
    "$VERSION" "$MAINT" "$DATE" | gzip -9n >"$P/usr/share/doc/ourvoice/changelog.gz"

cat <<'EOT' | gzip -9n >"$P/usr/share/man/man1/ourvoice.1.gz"
.TH OURVOICE 1 "" "OurVoice" "User Commands"
.SH NAME
ourvoice \- accessible voting kiosk for co-production self-reflection
.SH SYNOPSIS
.B ourvoice
[\fIcommand\fR] [\fIoptions\fR]
.SH DESCRIPTION
OurVoice asks easy-read questions with pictures and speech and counts the
answers in secret. Commands: \fBkiosk\fR (the default), \fBcheck-content\fR,
\fBsay\fR, \fBresults\fR, \fBexport\fR, \fBmerge\fR. Run \fBourvoice\fR
\fIcommand\fR \fB\-\-help\fR for the options of each.
.SH FILES
/etc/ourvoice/ourvoice.ini, /var/lib/ourvoice, /usr/share/ourvoice
.SH SEE ALSO
/usr/share/doc/ourvoice/install.md
EOT

# --- dependencies ----------------------------------------------------------------
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/debian"
printf 'Source: ourvoice\n\nPackage: ourvoice\nArchitecture: any\n' >"$tmp/debian/control"
PROOT=$(cd "$P" && pwd)
SHLIBS=$(cd "$tmp" && DEB_HOST_ARCH=$ARCH DEB_HOST_MULTIARCH=$TRIPLET \
         dpkg-shlibdeps -O -l/usr/lib/"$TRIPLET" -e"$PROOT/usr/bin/ourvoice" \
         -e"$PROOT/usr/lib/ourvoice/ourvoice-kiosk" 2>"$tmp/err" | sed -n 's/^shlibs:Depends=//p') || true
if [ -z "$SHLIBS" ]; then
    cat "$tmp/err" >&2
    say "dpkg-shlibdeps could not work out the library packages (is dpkg-dev installed?)"; exit 1
fi
# SDL's KMSDRM driver (the kiosk's screen with no desktop) loads Mesa's GBM,
# EGL and GLES at run time, so dpkg-shlibdeps cannot see them: without them
# the kiosk cannot open its window.
KMSDRM_DEPS="libgbm1, libegl1, libegl-mesa0, libgles2, libgl1-mesa-dri"
SIZE=$(du -sk --exclude=DEBIAN "$P" | cut -f1)

cat >"$P/DEBIAN/control" <<EOT
Package: ourvoice
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINT
Installed-Size: $SIZE
Depends: $SHLIBS, $KMSDRM_DEPS, adduser, espeak-ng-data, fonts-sil-andika | fonts-dejavu-core, systemd, udev
Section: misc
Priority: optional
Homepage: https://example.org/ourvoice
Description: accessible voting kiosk for co-production self-reflection
 OurVoice turns a Raspberry Pi with a touch screen, a speaker and big arcade
 buttons into a kiosk where people with learning disabilities answer, in
 secret, how well a service works with them. Every screen is easy read,
 with pictures, and is read aloud. Votes are stored as counts only and never
 lost on a power cut; facilitators take the results away on a USB stick.
 .
 This package installs the program, the questions and pictures, the systemd
 unit, a udev rule that mounts USB sticks and the default settings. Run
 /usr/share/ourvoice/rpi/install.sh to turn a Raspberry Pi into the kiosk.
EOT
echo /etc/ourvoice/ourvoice.ini >"$P/DEBIAN/conffiles"

cat >"$P/DEBIAN/postinst" <<'EOT'
#!/bin/sh
# Creates the ourvoice system user (in the groups for screen, touch, sound and
# GPIO that exist here) and its data folder; reloads systemd and udev.
set -e
if [ "$1" = configure ]; then
    if ! getent passwd ourvoice >/dev/null; then
        adduser --system --group --home /var/lib/ourvoice --no-create-home \
            --gecos "OurVoice kiosk" ourvoice >/dev/null
    fi
    for g in video render input gpio audio; do
        if getent group "$g" >/dev/null; then adduser ourvoice "$g" >/dev/null 2>&1 || true; fi
    done
    if [ ! -d /var/lib/ourvoice ]; then
        mkdir -p /var/lib/ourvoice
        chown ourvoice:ourvoice /var/lib/ourvoice
        chmod 700 /var/lib/ourvoice
    fi
    if [ -d /run/systemd/system ]; then
        systemctl --system daemon-reload >/dev/null || true
    fi
    if command -v udevadm >/dev/null && [ -d /run/udev ]; then
        udevadm control --reload-rules >/dev/null 2>&1 || true
    fi
fi
exit 0
EOT
cat >"$P/DEBIAN/postrm" <<'EOT'
#!/bin/sh
# Reloads systemd and udev after removal. The votes in /var/lib/ourvoice and
# the ourvoice user are kept even on purge: delete them by hand when the
# results are safely exported.
set -e
if [ -d /run/systemd/system ]; then
    systemctl --system daemon-reload >/dev/null || true
fi
if [ "$1" = purge ] && [ -d /var/lib/ourvoice ]; then
    echo "ourvoice: the votes in /var/lib/ourvoice were kept; remove them by hand when no longer needed" >&2
fi
exit 0
EOT
chmod 755 "$P/DEBIAN/postinst" "$P/DEBIAN/postrm"
(cd "$P" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$P/DEBIAN/md5sums"
chmod 644 "$P/DEBIAN/md5sums" "$P/DEBIAN/control" "$P/DEBIAN/conffiles"

DEB="$OUT/ourvoice_${VERSION}_$ARCH.deb"
dpkg-deb --root-owner-group -Zxz --build "$P" "$DEB" >/dev/null
say "built $DEB ($(du -k "$DEB" | cut -f1) KiB)"
if command -v lintian >/dev/null 2>&1; then
    lintian --allow-root --fail-on error --suppress-tags "${OV_LINTIAN_SUPPRESS:-}" "$DEB" || { say "lintian found errors in $DEB"; exit 1; }
    say "lintian: no errors"
else
    say "lintian is not installed; skipped the check (apt-get install lintian)"
fi
