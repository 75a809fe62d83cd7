#!/bin/sh
# toolchain/run-kiosk.sh — `make run`: start the kiosk in a window, or say in
# one line why it cannot be seen here and how to see it.
# Usage: sh toolchain/run-kiosk.sh BUILD/ourvoice [ARGS...]
bin=$1; shift
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${SDL_VIDEODRIVER:-}" ] &&
   ! ls /dev/dri/card* >/dev/null 2>&1; then
    echo "make run: no display here (no desktop, no DISPLAY or WAYLAND_DISPLAY, no /dev/dri card). The kiosk needs a" \
         "desktop for its window; to see its screens here run: $bin kiosk --headless --script tests/golden/screens.txt --shots shots" >&2
    exit 1
fi
exec "$bin" kiosk "$@"
