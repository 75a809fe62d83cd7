#!/bin/sh
# Renders every member screen (and the facilitator PIN pad, menu and results)
# headless at every supported size. With --update it stores them as the
# golden screenshots in tests/golden/SIZE/ and copies the README's pictures
# to docs/screens/; tests/test_golden.c compares fresh renders with them.
# Usage: tests/golden.sh BUILD [--update]
set -eu
BUILD=${1:-build}
UPDATE=${2:-}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy
for size in 800x480 1024x600 1280x720 1920x1080 720x1280; do
    mkdir -p "$OUT/$size" "$OUT/data-$size"
    timeout -s KILL 120 "$BUILD/ourvoice" kiosk --headless --config tests/golden/ourvoice.ini \
        --data "$OUT/data-$size" --size "$size" --script tests/golden/screens.txt --shots "$OUT/$size"
    touch "$OUT/not-a-folder"
    timeout -s KILL 120 "$BUILD/ourvoice" kiosk --headless --config tests/golden/ourvoice.ini \
        --data "$OUT/not-a-folder/data" --size "$size" --script tests/golden/not-saved.txt --shots "$OUT/$size" 2>/dev/null
done
if [ "$UPDATE" = "--update" ]; then
    for size in 800x480 1024x600 1280x720 1920x1080 720x1280; do
        rm -rf "tests/golden/$size"
        cp -r "$OUT/$size" "tests/golden/$size"
    done
    mkdir -p docs/screens
    for name in welcome question question-highlight confirm thanks not-saved facilitator-menu results; do
        cp "$OUT/800x480/$name.png" "docs/screens/$name-800x480.png"
    done
    for name in question confirm; do cp "$OUT/720x1280/$name.png" "docs/screens/$name-720x1280.png"; done
    echo "golden screenshots updated in tests/golden/ and docs/screens/"
else
    ls -R "$OUT"
fi
