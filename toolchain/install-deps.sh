#!/bin/sh
# Installs the Debian packages OurVoice needs to build, run and test, when any
# is missing (espeak-ng, the command, is the anchor `make bench` measures
# `ourvoice say` against). Uses apt-get, through sudo when not root. Safe to run repeatedly.
set -eu
PKGS="build-essential pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
libespeak-ng-dev espeak-ng-data espeak-ng libgpiod-dev libsqlite3-dev libinih-dev libcmocka-dev
fonts-sil-andika fonts-dejavu-core sox chromium poppler-utils ${OV_EXTRA_PKGS:-}"
missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing:$missing"
SUDO=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: not root and no sudo; install:$missing" >&2; exit 1; }
    SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || echo "install-deps: apt-get update failed; trying the install anyway" >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
