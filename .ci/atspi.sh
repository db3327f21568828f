#!/usr/bin/env bash
# What a blind runner's screen reader finds: the release binary in an X server, on a private
# session bus with the accessibility bus (at-spi2-core) switched on, walked by a real AT-SPI
# client (python3-pyatspi, as Orca uses). The checks are in atspi_check.py.
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
display=:96
app_pid=""
Xvfb "$display" -screen 0 1500x920x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

export HOME=$work/home XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
export XDG_RUNTIME_DIR=$work/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(dbus-launch --sh-syntax)"
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$work/a11y-bus.log" 2>&1 &
for _ in $(seq 50); do
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
        org.a11y.Bus.GetAddress >/dev/null 2>&1 && break
    sleep 0.2
done
# What a screen reader does when it starts: tell applications that one is listening.
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:IsEnabled \
    variant:boolean:true >/dev/null

KNOTMAP_E2E_REPORT=$work/anchors.tsv "$bin" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 300); do [ -s "$work/anchors.tsv" ] && break; sleep 0.2; done
if [ ! -s "$work/anchors.tsv" ]; then
    echo "atspi: the window never drew the map"; cat "$work/app.log"; exit 1
fi
# The window has the keyboard focus, as it would on a desktop.
for _ in $(seq 50); do
    window=$(xdotool search --onlyvisible --name 'knotmap$' | head -n1 || true)
    [ -n "$window" ] && xdotool windowfocus "$window" 2>/dev/null && break
    sleep 0.2
done
if ! timeout 120 /usr/bin/python3 "$here/atspi_check.py" "$work/anchors.tsv"; then
    echo "atspi: the window's log:"; cat "$work/app.log"; exit 1
fi
