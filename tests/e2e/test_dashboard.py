#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: a trainer on the demo workshop (issue 7), with real clicks and keys through
the accessibility tree (TESTING.md §2).

Open the demo workshop, go to the dashboard, switch segment and wave, open a drill-down,
start and leave the presentation, export a chart and the report, and check the files
(`pdfinfo`, the PNG's size). A screenshot is kept at each step in ECART_TEST_ARTIFACTS.

Run through tests/e2e/run-e2e.sh (a private Xvfb and D-Bus session)."""

import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import unittest

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ecart_atspi import App, wait_for  # noqa: E402

ECART = os.environ.get("ECART_GUI", "build/app/gui/ecart-uninstalled")
CLI = os.environ.get("ECART_CLI", "build/app/cli/ecart-cli")


def png_size(path):
    with open(path, "rb") as png:
        head = png.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


class Dashboard(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="ecart-e2e-")
        self.out = os.path.join(self.home, "out")
        os.makedirs(self.out)
        self.demo = os.path.join(self.home, "demo.ecart")
        subprocess.run([CLI, "demo", self.demo, "--lang", "en"], check=True,
                       stdout=subprocess.DEVNULL)
        self.env = {
            "HOME": self.home,
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "GSETTINGS_BACKEND": "memory",
            "GTK_USE_PORTAL": "0",
            "LANGUAGE": "en",
            "LC_ALL": "C.UTF-8",
        }
        self.app = None

    def tearDown(self):
        if self.app is not None:
            outcome = getattr(self, "_outcome", None)
            result = getattr(outcome, "result", None)
            if result is not None and (result.failures or result.errors):
                self.app.screenshot("dashboard-failure")
            self.app.quit()

    def chart_views(self, name=None):
        return [v for v in self.app.find_all(pyatspi.ROLE_IMAGE, name)
                if v.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height > 100]

    def description_of(self, title):
        view = wait_for(lambda: (self.chart_views(title) or [None])[0], 20, f"the chart {title!r}")
        return view, view.description

    def choose_next(self, dropdown_name):
        """Opens a drop-down by its accessible name and picks the item after the current one
        with the keyboard (GTK 4.8 gives the popover's rows positions relative to the
        popover, whose X window xdotool cannot tell from the others)."""
        app = self.app
        app.click(app.find(pyatspi.ROLE_COMBO_BOX, dropdown_name))
        time.sleep(0.5)
        app.key("Down")
        time.sleep(0.2)
        app.key("Return")
        time.sleep(0.5)

    def save_in_chooser(self, path):
        """Types a whole path into the file chooser that just opened (its name field has the
        focus, the name offered selected) and saves."""
        app = self.app
        wait_for(lambda: len([w for w in app._children(app.node)
                              if w.getState().contains(pyatspi.STATE_VISIBLE)]) > 1,
                 20, "the file chooser")
        time.sleep(1)
        app.key("ctrl+a")
        app.type_text(path)
        time.sleep(0.3)
        app.key("Return")

    def test_trainer_session(self):
        app = self.app = App([ECART, self.demo], env=self.env)
        app.find(pyatspi.ROLE_LIST_ITEM, "Honeymoon couples", timeout=20)

        # The dashboard, from the sidebar.
        app.click(app.find(pyatspi.ROLE_LIST_ITEM, "Step 4: Measure and Steer"))
        title = "Delivery gap by attribute: lived − desired"
        _, first = self.description_of(title)
        self.assertIn("Honeymoon couples", first)
        app.screenshot("dashboard")

        # Another segment: the charts follow.
        app.click(app.find(pyatspi.ROLE_LIST_ITEM, "Families"))
        wait_for(lambda: "Families" in (self.description_of(title)[1] or ""), 20,
                 "the gap bars of Families")
        _, families = self.description_of(title)
        self.assertNotEqual(first, families)

        # One wave: fewer respondents behind each figure.
        self.choose_next("Wave")
        wait_for(lambda: self.description_of(title)[1] != families, 20, "the charts of one wave")
        _, one_wave = self.description_of(title)
        self.assertIn("Families · Wave: ", one_wave)
        wave = one_wave.split("Wave: ", 1)[1].split(" · ", 1)[0]
        self.assertIn(wave, ("Spring 2025 survey", "Autumn 2025 survey", "Spring 2026 survey"))
        app.screenshot("dashboard-one-wave")

        # A drill-down: a click on the first bar (the largest gap of the most important
        # attribute; the bars end at the zero line, three quarters of the way across).
        time.sleep(1)
        view, _ = self.description_of(title)
        app.click(view, (0.68, 0.285))
        dialog = app.find(None, "What Respondents Said", timeout=20)
        self.assertIsNotNone(dialog)
        app.screenshot("drill-down")
        app.key("Escape")
        wait_for(lambda: not app.find_all(None, "What Respondents Said"), 10, "the drill-down to close")

        # The presentation: F5, two slides on, Esc.
        main_window = app.window()
        app.key("F5")
        slides = wait_for(lambda: next((w for w in app._children(app.node)
                                        if w != main_window
                                        and w.getState().contains(pyatspi.STATE_VISIBLE)), None),
                          20, "the presentation window")

        def slide_number():
            return next((a.name for a in app.find_all(pyatspi.ROLE_LABEL, None, slides)
                         if re.fullmatch(r"\d+ / \d+", a.name or "")), None)

        wait_for(lambda: slide_number() == "1 / 18", 20, "the first of the 18 slides")
        app.key("Right")
        app.key("Right")
        wait_for(lambda: slide_number() == "3 / 18", 10, "the third slide")
        app.screenshot("presentation")
        app.key("Escape")
        wait_for(lambda: slides not in [w for w in app._children(app.node)
                                        if w.getState().contains(pyatspi.STATE_VISIBLE)],
                 10, "the presentation to end")

        # Export the gap bars as a PNG.
        png = os.path.join(self.out, "gap-bars.png")
        export = wait_for(lambda: (app.find_all(pyatspi.ROLE_PUSH_BUTTON, "Export…") or [None])[0],
                          10, "the Export button of a chart")
        app.click(export)
        self.save_in_chooser(png)
        wait_for(lambda: os.path.exists(png), 20, "the exported PNG")
        size = png_size(png)
        self.assertIsNotNone(size)
        self.assertGreater(size[0], 400)
        self.assertGreater(size[1], 200)

        # Export the report (Ctrl+Shift+E), and check it with pdfinfo.
        pdf = os.path.join(self.out, "report.pdf")
        app.click(app.find(pyatspi.ROLE_LIST_ITEM, "Step 4: Measure and Steer"))
        app.key("ctrl+shift+e")
        self.save_in_chooser(pdf)
        wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0, 60, "the report")
        time.sleep(0.5)
        self.assertGreater(pdf_pages(pdf), 10)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        self.assertIn("Families", text)
        app.screenshot("report-exported")


if __name__ == "__main__":
    unittest.main(verbosity=2)
