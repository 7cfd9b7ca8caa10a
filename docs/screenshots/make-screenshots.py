#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Takes the screenshots of the README and docs/: the demo workshop open on each page, in
English and French. Run from the top of the source tree, after building:

    tests/e2e/run-e2e.sh docs/screenshots/make-screenshots.py build

It drives the real window as the end-to-end tests do (AT-SPI), so the pictures show what a
user sees."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "e2e"))
import pyatspi  # noqa: E402
from ecart_atspi import App, wait_for  # noqa: E402

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
OUT = os.path.dirname(os.path.abspath(__file__))
# The rows of the sidebar, in order (its headings are not rows).
PAGES = ["overview", "portfolio", "journey", "measurements", "desired", "communicate", "proposed",
         "dashboard"]
WIDTH, HEIGHT = 1280, 800


def shoot(app, path):
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.process.pid)],
                         capture_output=True, text=True).stdout.split()
    # The main window: the largest of the application's windows.
    best = None
    for xid in ids:
        out = subprocess.run(["xdotool", "getwindowgeometry", xid], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "Geometry:" in line:
                w, h = (int(v) for v in line.split()[1].split("x"))
                if best is None or w * h > best[0]:
                    best = (w * h, xid)
    subprocess.run(["import", "-window", best[1], path], check=True)


def run(language):
    home = tempfile.mkdtemp(prefix="ecart-shots-")
    demo = os.path.join(home, "demo.ecart")
    subprocess.run([os.path.join(BUILD, "app", "cli", "ecart-cli"), "demo", demo, "--lang", language],
                   check=True, stdout=subprocess.DEVNULL)
    env = {"HOME": home, "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home,
           "GSETTINGS_BACKEND": "memory", "LANGUAGE": language, "LC_ALL": "C.UTF-8"}
    app = App([os.path.join(BUILD, "app", "gui", "ecart-uninstalled"), demo], env=env)
    try:
        pages = app.find(pyatspi.ROLE_LIST, "Pages")
        ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.process.pid)],
                             capture_output=True, text=True).stdout.split()
        for xid in ids:
            subprocess.run(["xdotool", "windowsize", xid, str(WIDTH), str(HEIGHT)])
        time.sleep(1)
        rows = [row for row in app._children(pages) if row.getRole() == pyatspi.ROLE_LIST_ITEM]
        for row, page in zip(rows, PAGES):
            app.click(row)
            time.sleep(3 if page == "dashboard" else 1.5)
            shoot(app, os.path.join(OUT, f"{page}-{language}.png"))

        # A slide of the presentation (F5): the gap bars of the first segment.
        before = set(subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.process.pid)],
                                    capture_output=True, text=True).stdout.split())
        app.key("F5")
        time.sleep(2)
        for _ in range(4):
            app.key("Right")
        time.sleep(2)
        after = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.process.pid)],
                               capture_output=True, text=True).stdout.split()
        new = [xid for xid in after if xid not in before]
        if new:
            subprocess.run(["import", "-window", new[-1], os.path.join(OUT, f"slide-{language}.png")],
                           check=True)
        app.key("Escape")
    finally:
        app.quit()
        shutil.rmtree(home, ignore_errors=True)


for language in ("en", "fr"):
    run(language)
