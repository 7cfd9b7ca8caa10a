#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of `ecart-cli chart`: exit statuses (0 ok, 1 bad usage, 2 bad data or file), the
files it writes (PNG, SVG, PDF, written whole), and its text alternative, whose numbers must
be those of `ecart-cli gaps --format csv` for the same filters. The binary is $ECART_CLI."""

import csv
import io
import os
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ.get("ECART_CLI", "")
KINDS = ["profile", "gap-bars", "radar", "journey", "matrix", "nps", "heatmap", "trends"]
MISSING = "–"


def env(**changes):
    e = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        e.pop(name, None)
    e.update({"LANGUAGE": "en", "LC_ALL": "C.UTF-8"})
    e.update(changes)
    return e


def run(*args, **changes):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env(**changes), timeout=120)


def tsv(result):
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:]]


def one_decimal(text):
    """The chart's "7.3", "−1.2" or "+0.4" as a float; None for "–"."""
    if text == MISSING:
        return None
    return float(text.replace("−", "-").replace("+", ""))


def fmt(value, signed=False):
    if value == "":
        return MISSING
    v = float(value)
    if signed:
        if abs(v) < 0.05:
            return "0.0"
        return ("−%.1f" % -v) if v < 0 else ("+%.1f" % v)
    return "%.1f" % v


class ChartCliTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="ecart-chart-cli-")
        cls.demo = os.path.join(cls.dir, "demo.ecart")
        cls.demo_fr = os.path.join(cls.dir, "demo-fr.ecart")
        cls.blank = os.path.join(cls.dir, "blank.ecart")
        for args in (["demo", cls.demo], ["demo", cls.demo_fr, "--lang", "fr"], ["new", cls.blank]):
            result = run(*args)
            assert result.returncode == 0, result.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def gaps(self, *args):
        result = run("gaps", self.demo, "--format", "csv", *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return list(csv.DictReader(io.StringIO(result.stdout)))

    # -- files ------------------------------------------------------------------------

    def test_every_kind_and_format(self):
        magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}
        for kind in KINDS:
            for extension, start in magic.items():
                out = self.path("%s.%s" % (kind, extension))
                result = run("chart", self.demo, kind, "-o", out, "--width", "800", "--height", "500")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn(out, result.stdout)
                with open(out, "rb") as f:
                    self.assertTrue(f.read(8).startswith(start), (kind, extension))
        # No temporary file left in the folder.
        self.assertFalse([n for n in os.listdir(self.dir) if ".png." in n or ".svg." in n or ".pdf." in n])

    def test_default_size_styles_and_scale(self):
        out = self.path("dark.png")
        result = run("chart", self.demo, "nps", "--style", "dark", "--scale", "1.5", "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, "rb") as f:
            header = f.read(24)
        self.assertEqual(int.from_bytes(header[16:20], "big"), 1600)
        self.assertEqual(int.from_bytes(header[20:24], "big"), 900)

    def test_pdf_is_readable(self):
        if shutil.which("pdfinfo") is None:
            self.skipTest("pdfinfo is not installed")
        out = self.path("matrix.pdf")
        self.assertEqual(run("chart", self.demo, "matrix", "-o", out).returncode, 0)
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
        self.assertIn("1600 x 900 pts", info)
        self.assertIn("Importance–performance matrix", info)

    def test_replaces_an_existing_file_whole(self):
        out = self.path("again.png")
        with open(out, "w") as f:
            f.write("old")
        self.assertEqual(run("chart", self.demo, "radar", "-o", out).returncode, 0)
        with open(out, "rb") as f:
            self.assertEqual(f.read(4), b"\x89PNG")

    # -- exit statuses -----------------------------------------------------------------

    def test_bad_usage(self):
        out = self.path("never.png")
        cases = [
            ["chart", self.demo],
            ["chart", self.demo, "pie", "-o", out],
            ["chart", self.demo, "gap-bars", "--gap", "huge", "-o", out],
            ["chart", self.demo, "profile", "--style", "sepia", "-o", out],
            ["chart", self.demo, "profile", "--scale", "zero", "-o", out],
            ["chart", self.demo, "profile", "--scale", "100", "-o", out],
            ["chart", self.demo, "profile", "--width", "0", "-o", out],
            ["chart", self.demo, "profile", "-o", self.path("chart.jpg")],
            ["chart", self.demo, "profile", "--format", "xml"],
            ["chart", self.demo, "profile", "--confidence", "0.5"],
            ["chart", self.demo, "profile", "--min-n", "0"],
        ]
        for args in cases:
            result = run(*args)
            self.assertEqual(result.returncode, 1, (args, result.stderr))
            self.assertTrue(result.stderr.startswith("ecart-cli: "), result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_bad_data(self):
        out = self.path("never-either.png")
        missing_folder = self.path("no/such/folder/chart.png")
        cases = [
            (["chart", self.demo, "profile", "--segment", "Astronauts", "-o", out], "Astronauts"),
            (["chart", self.demo, "trends", "--wave", "Winter 1999", "-o", out], "Winter 1999"),
            (["chart", self.path("nothing.ecart"), "profile", "-o", out], "nothing.ecart"),
            (["chart", self.demo, "profile", "-o", missing_folder], "chart.png"),
        ]
        for args, named in cases:
            result = run(*args)
            self.assertEqual(result.returncode, 2, (args, result.stderr))
            self.assertIn(named, result.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertFalse(os.path.exists(missing_folder))

    def test_nothing_to_draw(self):
        out = self.path("blank.png")
        result = run("chart", self.blank, "profile", "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("segment", result.stderr)
        self.assertTrue(os.path.exists(out))
        result = run("chart", self.blank, "gap-bars")
        self.assertEqual(result.returncode, 0)
        self.assertIn("segment", result.stdout)

    # -- the text alternative against the gap table -----------------------------------

    def test_profile_matches_gaps(self):
        rows = tsv(run("chart", self.demo, "profile", "--segment", "Families", "--format", "tsv"))
        gaps = {r["attribute"]: r for r in self.gaps("--segment", "Families")}
        self.assertEqual(len(rows), len(gaps))
        for row in rows:
            g = gaps[row["Attribute"]]
            self.assertEqual(row["Importance"], g["importance"])
            self.assertEqual(row["Desired"], fmt(g["desired"]))
            self.assertEqual(row["Proposed"], fmt(g["proposed"]))
            self.assertEqual(row["Expected"], fmt(g["expected_mean"]))
            self.assertEqual(row["Lived"], fmt(g["lived_mean"]))
            self.assertEqual(row["Lived n"].replace(",", ""), g["lived_n"])
            self.assertEqual(row["Lived interval"], "%s to %s" % (fmt(g["lived_ci_low"]), fmt(g["lived_ci_high"])))

    def test_gap_bars_match_gaps(self):
        for gap in ("delivery", "perception", "execution", "expectation", "implementation"):
            rows = tsv(run("chart", self.demo, "gap-bars", "--segment", "Business travellers", "--gap", gap,
                           "--format", "tsv", "--confidence", "0.9"))
            gaps = {r["attribute"]: r for r in self.gaps("--segment", "Business travellers", "--confidence", "0.9")}
            computable = [a for a, g in gaps.items() if g[gap + "_gap"] != ""]
            self.assertEqual(sorted(r["Attribute"] for r in rows), sorted(computable))
            previous = float("inf")
            for row in rows:
                g = gaps[row["Attribute"]]
                self.assertEqual(row[list(row)[2]], fmt(g[gap + "_gap"], signed=True))
                if gap != "implementation":
                    self.assertEqual(row["Significant"] == "yes", g[gap + "_gap_significant"] == "1")
                    self.assertEqual(row["Interval"], "%s to %s" % (fmt(g[gap + "_gap_ci_low"], True),
                                                                   fmt(g[gap + "_gap_ci_high"], True)))
                # Sorted by importance × |gap|, largest first.
                priority = int(g["importance"]) * abs(float(g[gap + "_gap"]))
                self.assertLessEqual(priority, previous + 1e-9)
                previous = priority

    def test_heatmap_matches_gaps_by_touchpoint(self):
        rows = tsv(run("chart", self.demo, "heatmap", "--segment", "Families", "--format", "tsv"))
        result = run("gaps", self.demo, "--segment", "Families", "--by-touchpoint", "--format", "csv")
        gaps = {(r["attribute"], r["touchpoint"]): r for r in csv.DictReader(io.StringIO(result.stdout))}
        self.assertEqual(len(rows), len([k for k in gaps if k[1]]))
        for row in rows:
            g = gaps[(row["Attribute"], row["Touchpoint"])]
            self.assertEqual(row["Perception gap"], fmt(g["perception_gap"], signed=True))
            self.assertEqual(row["Lived n"].replace(",", ""), g["lived_n"])

    def test_matrix_matches_quadrants(self):
        rows = tsv(run("chart", self.demo, "matrix", "--format", "tsv"))
        gaps = {(r["segment"], r["attribute"]): r for r in self.gaps()}
        labels = {"concentrate-here": "Concentrate here", "keep-up-the-good-work": "Keep up the good work",
                  "low-priority": "Low priority", "possible-overkill": "Possible overkill"}
        self.assertGreater(len(rows), 30)
        for row in rows:
            g = gaps[(row["Segment"], row["Attribute"])]
            self.assertEqual(row["Quadrant"], labels[g["quadrant"]])
            self.assertEqual(row["Lived"], fmt(g["lived_mean"]))

    def test_nps_matches(self):
        rows = tsv(run("chart", self.demo, "nps", "--format", "tsv"))
        result = run("nps", self.demo, "--by", "segment,wave", "--format", "csv")
        nps = {(r["segment"], r["wave"] or "All waves"): r for r in csv.DictReader(io.StringIO(result.stdout))}
        checked = 0
        for row in rows:
            key = (row["Segment"], row["Wave"])
            if key not in nps:
                continue
            self.assertEqual(row["NPS"], fmt(nps[key]["nps"], signed=True))
            self.assertEqual(row["n"].replace(",", ""), nps[key]["n"])
            checked += 1
        self.assertGreaterEqual(checked, 9)

    def test_trends_one_wave(self):
        rows = tsv(run("chart", self.demo, "trends", "--segment", "Families", "--wave", "Spring 2026 survey",
                       "--format", "tsv"))
        self.assertTrue(rows)
        self.assertEqual({r["Wave"] for r in rows}, {"Spring 2026 survey"})

    def test_text_output(self):
        result = run("chart", self.demo, "journey", "--segment", "Families")
        self.assertEqual(result.returncode, 0)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "Lived and expected experience along the journey")
        self.assertIn("Families", lines[1])
        self.assertTrue(any(line.startswith("Delivery & first use") for line in lines))

    def test_french(self):
        out = self.path("fr.png")
        result = run("chart", self.demo_fr, "heatmap", "--segment", "Familles", "-o", out, LANGUAGE="fr")
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = tsv(run("chart", self.demo_fr, "profile", "--segment", "Familles", "--format", "tsv"))
        self.assertIn("Écoute et résolution des problèmes", [r["Attribute"] for r in rows])


if __name__ == "__main__":
    unittest.main(verbosity=2)
