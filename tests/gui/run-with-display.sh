#!/bin/sh
# Runs a GUI test under its own Xvfb and D-Bus session (TESTING.md §1): parallel tests
# never share a display. A missing Xvfb is a failure, not a skip.
set -u
command -v Xvfb >/dev/null || { echo "Xvfb is missing (Debian package xvfb)" >&2; exit 1; }
command -v dbus-run-session >/dev/null || { echo "dbus-run-session is missing (package dbus)" >&2; exit 1; }

fdfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$fdfile" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -f "$fdfile"' EXIT INT TERM

i=0
while [ ! -s "$fdfile" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
if [ ! -s "$fdfile" ]; then echo "Xvfb did not start" >&2; exit 1; fi

export DISPLAY=":$(head -n 1 "$fdfile")"
unset WAYLAND_DISPLAY
# Deterministic pictures; accessibility asserts without an AT-SPI bus.
export GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=test
dbus-run-session -- "$@"
