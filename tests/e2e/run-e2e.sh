#!/bin/sh
# Runs an end-to-end test (TESTING.md §2): a private Xvfb, a D-Bus session with the
# accessibility bus, the real application started by the Python test, driven through
# AT-SPI with real clicks and typing. Usage: run-e2e.sh TEST.py [ARGS…]
set -u
for tool in Xvfb dbus-run-session xdotool import; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (run make deps)" >&2; exit 1; }
done

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
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset 2>"${ECART_XVFB_LOG:-/dev/null}" &
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
unset WAYLAND_DISPLAY GTK_A11Y
export GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=0
dbus-run-session -- /usr/bin/python3 "$@"
