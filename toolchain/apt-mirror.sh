#!/bin/sh
# toolchain/apt-mirror.sh — prints the Debian mirror this machine's apt uses
# (the first non-security "deb" URI in /etc/apt/sources.list and
# /etc/apt/sources.list.d/*, one-line or deb822 form), so no script names a
# host. OV_DEBIAN_MIRROR overrides it. Exits 1 (and prints nothing) when no
# mirror is configured.
# Usage: sh toolchain/apt-mirror.sh
if [ -n "${OV_DEBIAN_MIRROR:-}" ]; then echo "$OV_DEBIAN_MIRROR"; exit 0; fi
files=$(ls /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null)
[ -n "$files" ] || exit 1
# shellcheck disable=SC2086
url=$(awk '
    /^[ \t]*#/ { next }
    $1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) { print $i; break } }
    tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }
' $files | grep -v -e '-security' -e '/security' | sed 's#/*$##' | head -1)
[ -n "$url" ] || exit 1
echo "$url"
