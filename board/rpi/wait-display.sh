#!/bin/sh
# wait-display.sh — run by ourvoice.service before the kiosk (installed as
# /usr/lib/ourvoice/wait-display): waits until a DRM card has a display
# output that is not "disconnected", so the kiosk does not start before the
# display driver has loaded (it would fail "no display outputs" and be
# restarted). Gives up after OV_WAIT_DISPLAY_S seconds (default 60), says so
# and lets the kiosk start anyway, so its own message reaches the log.
# Exit status: always 0.
LIMIT=${OV_WAIT_DISPLAY_S:-60}
STEP_TENTHS=5
tries=$((LIMIT * 10 / STEP_TENTHS))
ready() {
    for s in /sys/class/drm/card[0-9]*-*/status; do
        [ -r "$s" ] || continue
        [ "$(cat "$s" 2>/dev/null)" != disconnected ] && return 0
    done
    return 1
}
i=0
while [ "$i" -lt "$tries" ]; do
    if ready; then
        [ "$i" -gt 0 ] && echo "ourvoice: the display appeared after $((i * STEP_TENTHS / 10)) s"
        exit 0
    fi
    [ "$i" = 0 ] && echo "ourvoice: waiting for the display driver (no DRM output yet)"
    sleep 0.5
    i=$((i + 1))
done
echo "ourvoice: no display output after $LIMIT s; starting the kiosk anyway (is the screen connected?)"
exit 0
