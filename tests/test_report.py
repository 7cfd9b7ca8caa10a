#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`ecart-cli report`: the PDF report of the demo workshop, read back with poppler's pdfinfo
and pdftotext.

- the pages: as many as the parts of the segments add up to, each segment starting a page,
  A4 or Letter;
- the titles, in English and in French;
- the numbers: the NPS of every segment (from `nps --format csv`) and the importance-weighted
  delivery index (computed here from `gaps --format csv`) are on the summary page, written
  as the language writes them ("−3.6", "−3,6");
- the contents: every entry's page number is the page its section is on; the PDF has an
  outline and internal links;
- markup in names, an empty workspace, bad usage, unwritable files.

The French catalogue is built from po/fr.po (and the po/fr-*.po fragments while they exist)
into a temporary folder, so the test sees the translations of the sources it runs against.
$ECART_CLI, $ECART_MAKE_FIXTURE and $ECART_SOURCE_PO are set by meson."""

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

CLI = os.environ.get("ECART_CLI", "")
MAKE_FIXTURE = os.environ.get("ECART_MAKE_FIXTURE", "")
SOURCE_PO = os.environ.get("ECART_SOURCE_PO", "")
DATE = "2026-04-15"

TITLES = {
    "en": ["Contents", "Summary", "Gap indices and recommendation", "Largest gaps per segment",
           "Desired experience", "Four-dimension profile", "Gap bars", "Journey curve",
           "Importance–performance matrix", "Recommendation", "Heatmap", "Trends",
           "What customers say", "Open initiatives", "Measurement waves",
           "Customer experience report", "15 April 2026"],
    "fr": ["Sommaire", "Synthèse", "Indices d’écart et recommandation",
           "Plus grands écarts par segment", "Expérience voulue", "Profil des quatre dimensions",
           "Barres d’écarts", "Courbe du parcours", "Matrice importance–performance",
           "Recommandation", "Carte de chaleur", "Tendances", "Ce que disent les clients",
           "Initiatives en cours", "Vagues de mesure", "Rapport d’expérience client",
           "15 avril 2026"],
}
SEGMENTS = {
    "en": ["Honeymoon couples", "Families", "Business travellers"],
    "fr": ["Couples en voyage de noces", "Familles", "Voyageurs d’affaires"],
}


def env(**changes):
    e = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        e.pop(name, None)
    e.update({"LANGUAGE": "en", "LC_ALL": "C.UTF-8"})
    e.update(changes)
    return e


def run(*args, **changes):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env(**changes),
                          timeout=300)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_info(path):
    return subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout


def page_text(path, page, layout=False):
    args = ["pdftotext", "-f", str(page), "-l", str(page)] + (["-layout"] if layout else [])
    return subprocess.run(args + [path, "-"], capture_output=True, text=True, check=True).stdout


def flat(text):
    """Text with its line breaks and runs of spaces as single spaces: a phrase may wrap."""
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " "))


def localise(value, language, signed=True):
    """A number as the report writes it: one decimal, a true minus sign, the language's
    decimal separator."""
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    if text in ("+0.0", "-0.0"):
        text = "0.0"
    text = text.replace("-", "\u2212")
    return text.replace(".", ",") if language == "fr" else text


def contents(path):
    """The entries of the contents (page 2): [(title, page)]."""
    entries = []
    for line in page_text(path, 2, layout=True).splitlines():
        m = re.match(r"^\s*(\d+\.(?:\d+)?\.? .+?)\s{2,}(\d+)\s*$", line)
        if m:
            entries.append((m.group(1).strip(), int(m.group(2))))
    return entries


def parts(path):
    """First and last page of every part: {title: (first, last)}."""
    entries = [(title, page) for title, page in contents(path) if re.match(r"^\d+\. ", title)]
    n = pdf_pages(path)
    return {title: (page, entries[i + 1][1] - 1 if i + 1 < len(entries) else n)
            for i, (title, page) in enumerate(entries)}


class ReportTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ecart-test-report-")
        cls.locale = os.path.join(cls.tmp, "locale")
        messages = os.path.join(cls.locale, "fr", "LC_MESSAGES")
        os.makedirs(messages)
        # fr.po, then the fragments waiting to be merged into it (po/fr-*.po).
        sources = [os.path.join(SOURCE_PO, "fr.po")] + sorted(
            os.path.join(SOURCE_PO, name) for name in os.listdir(SOURCE_PO)
            if name.startswith("fr-") and name.endswith(".po"))
        merged = os.path.join(cls.tmp, "fr.po")
        subprocess.run(["msgcat", "--use-first", *sources, "-o", merged], check=True)
        subprocess.run(["msgfmt", "-o", os.path.join(messages, "ecart.mo"), merged], check=True)

        cls.demo = {}
        for language in ("en", "fr"):
            cls.demo[language] = os.path.join(cls.tmp, f"demo-{language}.ecart")
            result = run("demo", cls.demo[language], "--lang", language)
            assert result.returncode == 0, result.stderr
        cls.reports = {}
        cls.seconds = {}
        for language in ("en", "fr"):
            out = os.path.join(cls.tmp, f"report-{language}.pdf")
            start = time.monotonic()
            result = cls.report(cls.demo[language], out, "--lang", language)
            cls.seconds[language] = time.monotonic() - start
            assert result.returncode == 0, result.stderr
            cls.reports[language] = out

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def report(cls, workspace, out, *args, **changes):
        changes.setdefault("ECART_LOCALEDIR", cls.locale)
        return run("report", workspace, "-o", out, "--date", DATE, *args, **changes)

    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=self.tmp)

    def path(self, name):
        return os.path.join(self.dir, name)

    def assertStatus(self, result, status):
        self.assertEqual(result.returncode, status,
                         f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}")


class Pages(ReportTestCase):
    def test_a4_and_metadata(self):
        info = pdf_info(self.reports["en"])
        self.assertRegex(info, r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)")
        self.assertRegex(info, r"Title:\s+Lagoon Blue Hotels – Customer experience report")
        self.assertRegex(pdf_info(self.reports["fr"]),
                         r"Title:\s+Hôtels Lagon Bleu – Rapport d’expérience client")

    def test_letter(self):
        out = self.path("letter.pdf")
        self.assertStatus(self.report(self.demo["en"], out, "--paper", "letter"), 0)
        self.assertRegex(pdf_info(out), r"Page size:\s+612 x 792 pts \(letter\)")

    def test_page_count_follows_the_segments(self):
        """Cover, contents and summary, then every segment's part, each from a new page: the
        report of all segments has the pages of the reports of each one, less their shared
        front pages."""
        full = parts(self.reports["en"])
        n_pages = pdf_pages(self.reports["en"])
        self.assertEqual(list(full), ["1. Summary"] + [f"{i + 2}. {name}" for i, name in
                                                     enumerate(SEGMENTS["en"])])
        self.assertEqual(full["1. Summary"], (3, 3))
        self.assertEqual(n_pages, 3 + sum(last - first + 1 for title, (first, last) in full.items()
                                          if title != "1. Summary"))
        for i, name in enumerate(SEGMENTS["en"]):
            with self.subTest(segment=name):
                out = self.path(f"segment-{i}.pdf")
                self.assertStatus(self.report(self.demo["en"], out, "--segment", name), 0)
                alone = parts(out)
                self.assertEqual(list(alone), ["1. Summary", f"2. {name}"])
                first, last = full[f"{i + 2}. {name}"]
                self.assertEqual(pdf_pages(out), 3 + last - first + 1)

    def test_contents_point_to_their_sections(self):
        for language in ("en", "fr"):
            path = self.reports[language]
            entries = contents(path)
            # Summary (3 entries) and 10 entries per segment.
            self.assertEqual(len(entries), 3 + 11 * len(SEGMENTS[language]), entries)
            texts = {p: flat(page_text(path, p)) for p in range(1, pdf_pages(path) + 1)}
            for title, page in entries:
                with self.subTest(language=language, title=title):
                    self.assertIn(title, texts[page])
                    # Sections are on that page only (parts also head their pages).
                    if re.match(r"^\d+\.\d+ ", title):
                        elsewhere = [p for p, text in texts.items() if p not in (2, page) and title + " " in text + " "]
                        self.assertEqual(elsewhere, [])
                    elif page - 1 != 2:
                        # A part starts its page: the page before belongs to another one.
                        self.assertNotIn(title, texts[page - 1])

    def test_outline_and_links(self):
        with open(self.reports["en"], "rb") as f:
            data = f.read()
        self.assertIn(b"/Outlines", data)
        self.assertGreaterEqual(data.count(b"/Subtype /Link"), len(contents(self.reports["en"])))


class Titles(ReportTestCase):
    def test_titles(self):
        for language in ("en", "fr"):
            text = " ".join(flat(page_text(self.reports[language], p))
                            for p in range(1, pdf_pages(self.reports[language]) + 1))
            for title in TITLES[language] + SEGMENTS[language]:
                with self.subTest(language=language, title=title):
                    self.assertIn(title, text)
        # No English title left in the French report.
        french = flat(" ".join(page_text(self.reports["fr"], p) for p in (1, 2, 3)))
        for title in ("Contents", "Summary", "Desired experience", "Measurement waves"):
            self.assertNotIn(title, french)

    def test_french_interface_english_report(self):
        out = self.path("en.pdf")
        self.assertStatus(self.report(self.demo["en"], out, "--lang", "en", LANGUAGE="fr",
                                      LC_ALL="fr_FR.UTF-8"), 0)
        text = flat(page_text(out, 2) + page_text(out, 3))
        self.assertIn("Contents", text)
        self.assertIn("Summary", text)
        self.assertNotIn("Sommaire", text)
        self.assertIn(localise(-15.5, "en"), text)

    def test_default_is_the_interface_language(self):
        out = self.path("default.pdf")
        self.assertStatus(self.report(self.demo["fr"], out, LANGUAGE="fr"), 0)
        self.assertIn("Sommaire", page_text(out, 2))


class Numbers(ReportTestCase):
    def csv_rows(self, *args):
        result = subprocess.run([CLI, *args, "--format", "csv"], capture_output=True, env=env(),
                                check=True)
        return list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"), newline="")))

    def test_summary_numbers(self):
        for language in ("en", "fr"):
            summary = flat(page_text(self.reports[language], 3))
            nps = {row["segment"]: float(row["nps"]) for row in
                   self.csv_rows("nps", self.demo[language]) if row["segment"] and not row["wave"]}
            self.assertEqual(set(nps), set(SEGMENTS[language]))
            gaps = self.csv_rows("gaps", self.demo[language])
            for segment in SEGMENTS[language]:
                with self.subTest(language=language, segment=segment):
                    self.assertIn(localise(nps[segment], language), summary)
                    rows = [r for r in gaps if r["segment"] == segment and r["delivery_gap"]]
                    index = (sum(int(r["importance"]) * float(r["delivery_gap"]) for r in rows) /
                             sum(int(r["importance"]) for r in rows))
                    self.assertIn(localise(index, language), summary)
                    if language == "fr":
                        # The C locale's dot never writes a French number.
                        self.assertNotIn(localise(nps[segment], "en"), summary)
            if language == "fr":
                # (Section numbers, "1.1 Indices", are not numbers.)
                self.assertIsNone(re.search(r"\d\.\d+(?! [^\W\d])", summary), summary)
            else:
                # "1,080" groups thousands; "1,0" would be a French decimal.
                self.assertIsNone(re.search(r"\d,\d(?!\d\d)", summary), summary)

    def test_top_gap_in_words(self):
        summary = flat(page_text(self.reports["en"], 3))
        self.assertRegex(summary, r"Personal attention: delivery gap −\d\.\d \(significant\)")
        summary = flat(page_text(self.reports["fr"], 3))
        self.assertRegex(summary, r"Attentions personnalisées : écart de promesse −\d,\d \(significatif\)")

    def test_timing(self):
        # Measured by the command itself; the test only guards against a slow regression
        # (the suite may also run under sanitizers).
        result = self.report(self.demo["en"], self.path("timed.pdf"))
        seconds = float(re.search(r"in (\d+\.\d+) s", result.stdout).group(1))
        print(f"demo report: {seconds:.2f} s in the command, "
              f"{self.seconds['en']:.2f} s with start-up", flush=True)
        self.assertLess(seconds, 10.0)


class Robustness(ReportTestCase):
    def test_markup_in_names(self):
        description = os.path.join(self.dir, "fixture.txt")
        with open(description, "w", encoding="utf-8") as f:
            f.write("segment\tS\nattribute\tA\nexperience\tS\tA\t8\t4\t6\n"
                    "wave\tW\nrespondent\tr1\tS\t2025-01-01\n"
                    "measure\tr1\tA\t-\tlived\t5\t0\t10\nrecommend\tr1\t9\n")
        workspace = self.path("markup.ecart")
        subprocess.run([MAKE_FIXTURE, workspace, description], check=True, env=env())
        import sqlite3
        db = sqlite3.connect(workspace)
        with db:
            db.execute("UPDATE segment SET name = '<b>Bold & co</b> <span>'")
            db.execute("UPDATE attribute SET name = 'A & B <i>'")
            db.execute("INSERT OR REPLACE INTO workspace (key, value) VALUES ('name', 'Tom & Jerry <3')")
        db.close()
        out = self.path("markup.pdf")
        result = self.report(workspace, out)
        self.assertStatus(result, 0)
        self.assertEqual(result.stderr, "")
        text = flat(" ".join(page_text(out, p) for p in range(1, pdf_pages(out) + 1)))
        for name in ("<b>Bold & co</b> <span>", "A & B <i>", "Tom & Jerry <3"):
            self.assertIn(name, text)

        # A damaged file: bytes that are not UTF-8 in a description.
        db = sqlite3.connect(workspace)
        with db:
            db.execute("UPDATE segment SET description = CAST(X'4361C3A9E9FF2026' AS TEXT)")
        db.close()
        self.assertStatus(self.report(workspace, out), 0)
        self.assertIn("Caé\ufffd\ufffd &", flat(page_text(out, 1)))

    def test_empty_workspace(self):
        workspace = self.path("blank.ecart")
        self.assertStatus(run("new", workspace), 0)
        out = self.path("blank.pdf")
        self.assertStatus(self.report(workspace, out), 0)
        self.assertEqual(pdf_pages(out), 3)
        self.assertIn("There are no segments yet", flat(page_text(out, 1)))

    def test_replaces_atomically(self):
        out = self.path("report.pdf")
        with open(out, "w") as f:
            f.write("old")
        self.assertStatus(self.report(self.demo["en"], out), 0)
        with open(out, "rb") as f:
            self.assertTrue(f.read(5) == b"%PDF-")
        self.assertEqual([f for f in os.listdir(self.dir) if f.startswith(".report.pdf.")], [])

    def test_bad_usage(self):
        out = self.path("x.pdf")
        for args in (["report", self.demo["en"]],
                     ["report", self.demo["en"], "-o", out, "--paper", "a5"],
                     ["report", self.demo["en"], "-o", out, "--lang", "xx"],
                     ["report", self.demo["en"], "-o", out, "--date", "15/04/2026"],
                     ["report", self.demo["en"], "-o", out, "--confidence", "0.5"],
                     ["report", "-o", out]):
            with self.subTest(args=args):
                self.assertStatus(run(*args, ECART_LOCALEDIR=self.locale), 1)
        self.assertFalse(os.path.exists(out))

    def test_bad_data_or_file(self):
        missing = os.path.join(self.dir, "no-such-folder", "x.pdf")
        result = self.report(self.demo["en"], missing)
        self.assertStatus(result, 2)
        self.assertIn(missing, result.stderr)
        self.assertStatus(self.report(self.path("missing.ecart"), self.path("y.pdf")), 2)
        self.assertStatus(self.report(self.demo["en"], self.path("z.pdf"), "--segment", "Nobody"), 2)
        self.assertStatus(self.report(self.demo["en"], self.path("z.pdf"), "--wave", "Nothing"), 2)
        self.assertFalse(os.path.exists(self.path("z.pdf")))


if __name__ == "__main__":
    for name, value in (("ECART_CLI", CLI), ("ECART_MAKE_FIXTURE", MAKE_FIXTURE)):
        if not value or not os.access(value, os.X_OK):
            raise SystemExit(f"{name} must name the program")
    if not SOURCE_PO or not os.path.isdir(SOURCE_PO):
        raise SystemExit("ECART_SOURCE_PO must name the po folder")
    unittest.main(verbosity=2)
