#!/bin/sh
# toolchain/gpio-sim/fetch-trixie-gpiod.sh DIR — fetches Debian trixie's
# libgpiod 2.x development files (libgpiod-dev + libgpiod3 .debs) and unpacks
# them under DIR/root, so firmware/gpio*.c can be compiled with
# -DOV_GPIOD_API=2 on a bookworm machine. The system's apt sources are NOT
# changed: apt-get runs with its own sources list, lists and cache in DIR/apt.
# Prints the libgpiod version on success; exit 1 with a reason on stderr.
set -u
DIR=${1:?usage: fetch-trixie-gpiod.sh DIR}
MIRROR=${OV_TRIXIE_MIRROR:-http://deb.debian.org/debian}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
A="$DIR/apt"
if [ -f "$DIR/root/.ok" ]; then cat "$DIR/root/.ok"; exit 0; fi
mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/parts" "$A/prefs" "$DIR/debs" || exit 1
echo "deb [signed-by=$KEYRING] $MIRROR trixie main" > "$A/sources.list"
: > "$A/status"
set -- -o Dir::Etc::SourceList="$A/sources.list" -o Dir::Etc::SourceParts="$A/parts" \
       -o Dir::Etc::PreferencesParts="$A/prefs" -o Dir::State::Lists="$A/lists" \
       -o Dir::Cache="$A/cache" -o Dir::State::Status="$A/status" \
       -o Acquire::Languages=none -o APT::Get::List-Cleanup=0 -qq
if ! apt-get "$@" update >"$A/update.log" 2>&1; then
    echo "cannot read Debian trixie's package list from $MIRROR (see $A/update.log)" >&2
    exit 1
fi
if ! (cd "$DIR/debs" && apt-get "$@" download libgpiod-dev libgpiod3) >"$A/download.log" 2>&1; then
    why=$(sed -n 's/^[EW]: //p' "$A/update.log" "$A/download.log" | head -n 1)
    echo "cannot download trixie's libgpiod-dev/libgpiod3: ${why:-see $A/download.log}" >&2
    exit 1
fi
rm -rf "$DIR/root" && mkdir -p "$DIR/root"
for d in "$DIR"/debs/*.deb; do
    dpkg-deb -x "$d" "$DIR/root" || { echo "cannot unpack $d" >&2; exit 1; }
done
pc=$(find "$DIR/root" -name libgpiod.pc | head -n 1)
ver=$(sed -n 's/^Version: *//p' "$pc" 2>/dev/null)
case "$ver" in 2.*) ;; *) echo "trixie's libgpiod is '$ver', expected 2.x" >&2; exit 1 ;; esac
echo "$ver" > "$DIR/root/.ok"
echo "$ver"
