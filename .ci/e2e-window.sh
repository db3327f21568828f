#!/usr/bin/env bash
# Starts the real knotmap binary in an X server, clicks inside a region with a real mouse
# event, and checks that the pixel under the pointer changed colour: the whole path from the
# OS event through hit testing to the highlight.
set -euo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
display=:97
app_pid=""
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

# A fresh home, so no settings from an earlier run change the layout.
export HOME=$work/home XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
mkdir -p "$HOME"
KNOTMAP_E2E_REPORT=$work/anchors.tsv "$bin" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 300); do [ -s "$work/anchors.tsv" ] && break; sleep 0.2; done
if [ ! -s "$work/anchors.tsv" ]; then
    echo "e2e: the window never drew the map"; cat "$work/app.log"; exit 1
fi
window=$(xdotool search --sync --name 'knotmap$' | head -n1)
eval "$(xdotool getwindowgeometry --shell "$window")"

pixel() {
    import -window root "$work/shot.png"
    convert "$work/shot.png" -format "%[pixel:p{$1,$2}]" info:
}

check_click() {
    local name=$1
    local line x y before after
    # Park the pointer off the figure so the first shot shows the region at rest. The window
    # draws a frame for the move and writes the anchors again if its layout settled late, so
    # they are read after it.
    xdotool mousemove 5 995
    sleep 0.5
    line=$(grep -P "^$name\t" "$work/anchors.tsv")
    x=$((X + $(cut -f2 <<<"$line")))
    y=$((Y + $(cut -f3 <<<"$line")))
    before=$(pixel "$x" "$y")
    xdotool mousemove "$x" "$y" click 1
    sleep 0.3
    xdotool mousemove 5 995
    sleep 0.7
    after=$(pixel "$x" "$y")
    echo "e2e: $name at ($x, $y): $before before the click, $after after"
    if [ "$before" = "$after" ]; then
        echo "e2e: clicking $name did not change what the window shows"; exit 1
    fi
}

check_click "Left calf"
check_click "Right hip flexors"
echo "e2e: 2 passed, 0 failed"
