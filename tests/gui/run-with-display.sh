#!/bin/sh
# Runs a GUI test under its own Xvfb and D-Bus session (TESTING.md §1): parallel tests
# never share a display. A missing Xvfb is a failure, not a skip.
set -u
command -v Xvfb >/dev/null || { echo "Xvfb is missing (Debian package xvfb)" >&2; exit 1; }
command -v dbus-run-session >/dev/null || { echo "dbus-run-session is missing (package dbus)" >&2; exit 1; }
# Real key presses (ecart_test_press_keys) go through the X server.
command -v xdotool >/dev/null || { echo "xdotool is missing (Debian package xdotool)" >&2; exit 1; }

# A display of our own, at a random number away from the low ones other programs pick
# (-displayfd starts at :0): it is used once xdpyinfo can talk to it, else another is tried.
# -noreset: by default Xvfb resets when its last client (that xdpyinfo) leaves, and a
# client connecting during the reset fails with "cannot open display".
xvfb=
display=
trap '[ -n "$xvfb" ] && kill $xvfb 2>/dev/null' EXIT INT TERM
for attempt in 1 2 3 4 5 6 7 8; do
  n=$(( ($$ * 7 + attempt * 131 + $(date +%N | sed 's/^0*//;s/^$/0/') ) % 800 + 100 ))
  [ -e "/tmp/.X$n-lock" ] && continue
  Xvfb ":$n" -screen 0 2200x1200x24 -nolisten tcp -noreset 2>/dev/null &
  xvfb=$!
  i=0
  while [ $i -lt 100 ]; do
    if ! kill -0 $xvfb 2>/dev/null; then break; fi
    if DISPLAY=":$n" xdpyinfo >/dev/null 2>&1; then display=":$n"; break; fi
    sleep 0.05
    i=$((i + 1))
  done
  [ -n "$display" ] && break
  kill $xvfb 2>/dev/null
  xvfb=
done
if [ -z "$display" ]; then echo "Xvfb did not start" >&2; exit 1; fi

export DISPLAY="$display"
# The pointer waits in a corner no window reaches (windows are at most 1920×1080): under a
# window, GTK 4.8 arms tooltip timers that may fire after the test destroyed the window
# ("gdk_surface_get_device_position: assertion 'GDK_IS_SURFACE (surface)' failed").
xdotool mousemove 2199 1199
unset WAYLAND_DISPLAY
# Deterministic pictures; accessibility asserts without an AT-SPI bus.
export GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=test
dbus-run-session -- "$@"
