#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of `ecart-cli import`, `waves` and `delete-wave`, run as a user would: the five
shapes of survey exports of tests/data/import, their counts and means checked value by
value against numbers computed here with Python's own csv module; exit statuses; the same
database under two locales (R13); a full disk (R5); a few kill -9 during an import (R1,
the long version is `make test-crash`)."""

import csv
import hashlib
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get("ECART_CLI", "")
DATA = os.path.join(os.environ.get("ECART_TEST_DATA", os.path.join(os.path.dirname(__file__), "data")),
                    "import")
HERE = os.path.dirname(os.path.abspath(__file__))

DIMENSIONS = {"expected": 2, "attendue": 2, "lived": 3, "vécue": 3, "vecue": 3}


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


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def query(path, sql, *params):
    db = sqlite3.connect(path)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def dump(path):
    """What imports wrote, in an order that does not depend on ids or dates of today."""
    return [
        query(path, "SELECT r.external_id, s.name, r.answered_at, a.name, t.name, m.dimension, "
                    "m.score, m.scale_min, m.scale_max FROM measurement m "
                    "JOIN respondent r ON r.id = m.respondent_id JOIN segment s ON s.id = r.segment_id "
                    "JOIN attribute a ON a.id = m.attribute_id LEFT JOIN touchpoint t "
                    "ON t.id = m.touchpoint_id ORDER BY 1, 2, 3, 4, 5, 6"),
        query(path, "SELECT r.external_id, c.score FROM recommendation c JOIN respondent r "
                    "ON r.id = c.respondent_id ORDER BY 1, 2"),
        query(path, "SELECT body FROM verbatim ORDER BY 1"),
        query(path, "SELECT s.name, a.name, t.name, g.dimension, g.n, round (g.sum, 9), "
                    "round (g.sum_sq, 9) FROM measurement_aggregate g JOIN segment s "
                    "ON s.id = g.segment_id JOIN attribute a ON a.id = g.attribute_id LEFT JOIN "
                    "touchpoint t ON t.id = g.touchpoint_id ORDER BY 1, 2, 3, 4"),
        query(path, "SELECT name, started_on, ended_on FROM wave ORDER BY 1"),
    ]


# Each fixture, described here independently of its mapping file: how to read it with
# Python's csv module and which column measures what.
FIXTURES = {
    "qualtrics": dict(encoding="utf-8-sig", delimiter=",", header_rows=3, scale=(1, 5),
                      decimal=".", segment="Q1", nps="Q4",
                      segments={"With my partner (honeymoon)": "Honeymoon couples",
                                "With my family": "Families", "For work": "Business travellers"},
                      columns={"Q2_1": (3, "Warm welcome", "Reception"),
                               "Q2_2": (3, "Fast check-in and check-out", "Reception"),
                               "Q2_3": (3, "Reliable wifi", "Room or villa"),
                               "Q2_4": (3, "Room comfort", "Room or villa"),
                               "Q3_1": (2, "Warm welcome", "Reception"),
                               "Q3_2": (2, "Fast check-in and check-out", "Reception"),
                               "Q3_3": (2, "Reliable wifi", "Room or villa")}),
    "limesurvey": dict(encoding="utf-8", delimiter=",", header_rows=1, scale=(1, 7), decimal=".",
                       segment="G01Q01", nps="G04Q04",
                       segments={"A1": "Honeymoon couples", "A2": "Families",
                                 "A3": "Business travellers"},
                       columns={"G02Q02[SQ001]": (3, "Spa and lagoon activities", "Spa and leisure area"),
                                "G02Q02[SQ002]": (3, "Value for money", None),
                                "G02Q02[SQ003]": (3, "Listening and problem solving", "Concierge chat"),
                                "G03Q03[SQ001]": (2, "Spa and lagoon activities", "Spa and leisure area"),
                                "G03Q03[SQ002]": (2, "Value for money", None)}),
    "google-forms": dict(encoding="utf-8", delimiter=",", header_rows=1, scale=(1, 10), decimal=".",
                         segment="Who did you travel with?",
                         nps="How likely are you to recommend us to a friend?",
                         segments={"My partner, on our honeymoon": "Honeymoon couples",
                                   "My children": "Families",
                                   "Colleagues (business trip)": "Business travellers"},
                         columns={"How easy was it to book your stay? (1 = very hard, 10 = very easy)":
                                  (3, "Easy booking", "Online booking"),
                                  "How warm was the welcome when you arrived?":
                                  (3, "Warm welcome", "Reception"),
                                  "How personal was the attention of the staff?":
                                  (3, "Personal attention", None)}),
    "excel-fr": dict(encoding="cp1252", delimiter=";", header_rows=1, scale=(0, 10), decimal=",",
                     segment="Profil", nps="Recommandation (0-10)",
                     segments={"Lune de miel": "Honeymoon couples", "Famille": "Families",
                               "Affaires": "Business travellers"},
                     columns={"Accueil chaleureux (vécu)": (3, "Warm welcome", None),
                              "Authenticité locale (vécu)": (3, "Local authenticity", None),
                              "Éco-responsabilité (attendu)": (2, "Eco-responsibility", None),
                              "Éco-responsabilité (vécu)": (3, "Eco-responsibility", None)}),
}


def expected_cells(name):
    """(segment, attribute, touchpoint, dimension) → list of scores on 0–10, and the NPS answers."""
    cells = {}
    nps = []
    if name == "long":
        with open(os.path.join(DATA, "long.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                value = 10 * float(row["score"]) / 10
                key = (row["segment"], row["attribute"], row["touchpoint"] or None,
                       DIMENSIONS[row["dimension"].lower()])
                cells.setdefault(key, []).append(value)
        return cells, nps

    spec = FIXTURES[name]
    with open(os.path.join(DATA, name + ".csv"), encoding=spec["encoding"], newline="") as f:
        rows = list(csv.reader(f, delimiter=spec["delimiter"]))
    header = rows[0]
    low, high = spec["scale"]
    for row in rows[spec["header_rows"]:]:
        if not any(cell.strip() for cell in row):
            continue
        values = dict(zip(header, row))
        segment = spec["segments"][values[spec["segment"]]]
        for column, (dimension, attribute, touchpoint) in spec["columns"].items():
            text = values[column].strip()
            if not text:
                continue
            score = float(text.replace(spec["decimal"], "."))
            cells.setdefault((segment, attribute, touchpoint, dimension), []).append(
                10 * (score - low) / (high - low))
        if values[spec["nps"]].strip():
            nps.append((segment, int(values[spec["nps"]])))
    return cells, nps


class ImportTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ecart-test-import-cli-")
        cls.template = os.path.join(cls.tmp, "template.ecart")
        result = run("new", cls.template, "--template", "hotel", "--lang", "en")
        assert result.returncode == 0, result.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=self.tmp)

    def workspace(self, name="ws.ecart"):
        path = os.path.join(self.dir, name)
        shutil.copyfile(self.template, path)
        return path

    def data(self, name):
        return os.path.join(DATA, name)

    def import_fixture(self, ws, name, *options, status=0, **changes):
        result = run("import", ws, self.data(name + ".csv"), "--mapping", self.data(name + ".ini"),
                     *options, **changes)
        self.assertEqual(result.returncode, status, result.stdout + result.stderr)
        return result


class Fixtures(ImportTestCase):
    def test_shapes(self):
        for name in ("qualtrics", "limesurvey", "google-forms", "excel-fr", "long"):
            with self.subTest(fixture=name):
                ws = self.workspace(name + ".ecart")
                result = self.import_fixture(ws, name)
                cells, nps = expected_cells(name)
                measurements = sum(len(v) for v in cells.values())
                self.assertIn("%d measurements" % measurements, result.stdout)
                self.assertIn("0 rejected rows", result.stdout)

                # The aggregates, cell by cell, against the numbers computed here.
                got = {}
                for segment, attribute, touchpoint, dimension, n, total, total_sq in query(
                        ws, "SELECT s.name, a.name, t.name, g.dimension, g.n, g.sum, g.sum_sq "
                            "FROM measurement_aggregate g JOIN segment s ON s.id = g.segment_id "
                            "JOIN attribute a ON a.id = g.attribute_id "
                            "LEFT JOIN touchpoint t ON t.id = g.touchpoint_id"):
                    got[(segment, attribute, touchpoint, dimension)] = (n, total, total_sq)
                self.assertEqual(sorted(got), sorted(cells))
                for key, values in cells.items():
                    n, total, total_sq = got[key]
                    self.assertEqual(n, len(values), key)
                    self.assertAlmostEqual(total / n, sum(values) / len(values), places=9, msg=key)
                    self.assertAlmostEqual(total_sq, sum(v * v for v in values), places=6, msg=key)

                # The rows themselves, grouped by SQLite, agree too.
                for segment, attribute, touchpoint, dimension, n, mean in query(
                        ws, "SELECT s.name, a.name, t.name, m.dimension, count(*), "
                            "avg (10.0 * (m.score - m.scale_min) / (m.scale_max - m.scale_min)) "
                            "FROM measurement m JOIN respondent r ON r.id = m.respondent_id "
                            "JOIN segment s ON s.id = r.segment_id JOIN attribute a "
                            "ON a.id = m.attribute_id LEFT JOIN touchpoint t ON t.id = m.touchpoint_id "
                            "GROUP BY 1, 2, 3, 4"):
                    values = cells[(segment, attribute, touchpoint, dimension)]
                    self.assertEqual(n, len(values))
                    self.assertAlmostEqual(mean, sum(values) / len(values), places=9)

                # Recommendations, per segment and score.
                expected_nps = {}
                for segment, score in nps:
                    expected_nps[(segment, score)] = expected_nps.get((segment, score), 0) + 1
                got_nps = dict(((s, score), n) for s, score, n in query(
                    ws, "SELECT s.name, g.score, g.n FROM recommendation_aggregate g "
                        "JOIN segment s ON s.id = g.segment_id"))
                self.assertEqual(got_nps, expected_nps)

                check = run("check", ws)
                self.assertEqual(check.returncode, 0, check.stderr)

    def test_waves_and_delete(self):
        ws = self.workspace()
        self.import_fixture(ws, "qualtrics")
        self.import_fixture(ws, "limesurvey", "--wave", "LimeSurvey, April")
        result = run("waves", ws)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Spring 2025 survey\n  Kind: Survey\n  Dates: 2025-03-03 – 2025-03-22\n"
                      "  Respondents: 36\n  Measurements: 235\n  Source file: qualtrics.csv\n",
                      result.stdout)
        self.assertIn("LimeSurvey, April\n", result.stdout)

        before = query(ws, "SELECT count(*) FROM measurement")[0][0]
        result = run("delete-wave", ws, "limesurvey, APRIL")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Deleted the wave “LimeSurvey, April” (respondents: 30, measurements: 130)",
                      result.stdout)
        self.assertEqual(query(ws, "SELECT count(*) FROM measurement")[0][0], before - 130)
        self.assertEqual(query(ws, "SELECT count(*) FROM verbatim_fts WHERE verbatim_fts MATCH "
                                   "'concierge'")[0][0], 0)
        self.assertNotIn("LimeSurvey", run("waves", ws).stdout)

        result = run("delete-wave", ws, "Nope")
        self.assertEqual(result.returncode, 2)
        self.assertIn("no wave named “Nope”", result.stderr)
        self.assertEqual(run("waves", self.workspace("empty.ecart")).stdout, "No waves.\n")


class Policy(ImportTestCase):
    def test_usage(self):
        ws = self.workspace()
        for args in (["import", ws, self.data("long.csv")],
                     ["import", ws],
                     ["import", ws, self.data("long.csv"), "--mapping", "a.ini", "--saved-mapping", "b"],
                     ["delete-wave", ws],
                     ["waves"]):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("import", run("--help").stdout)

    def test_dry_run_writes_nothing(self):
        ws = self.workspace()
        before = sha256(ws)
        result = self.import_fixture(ws, "excel-fr", "--dry-run")
        self.assertIn("nothing was written", result.stdout)
        self.assertIn("Read as windows-1252, delimiter semicolon (;), decimal comma.", result.stdout)
        self.assertEqual(sha256(ws), before)

    def test_dry_run_respondents_out_of_order(self):
        """A long file whose respondents are not in key order keeps them in a temporary
        table: a dry run, on a file opened read-only, still checks it, and writes nothing."""
        ws = self.workspace()
        with open(self.data("long.csv"), encoding="utf-8") as source:
            lines = source.read().splitlines()
        shuffled = os.path.join(self.dir, "shuffled.csv")
        with open(shuffled, "w", encoding="utf-8") as out:
            out.write("\n".join([lines[0]] + sorted(lines[1:], reverse=True)) + "\n")
        before = sha256(ws)
        checked = run("import", ws, shuffled, "--mapping", self.data("long.ini"), "--dry-run")
        self.assertEqual(checked.returncode, 0, checked.stdout + checked.stderr)
        self.assertIn("nothing was written", checked.stdout)
        self.assertEqual(sha256(ws), before)
        imported = run("import", ws, shuffled, "--mapping", self.data("long.ini"))
        self.assertEqual(imported.returncode, 0, imported.stdout + imported.stderr)
        # The dry run announced what the import did.
        for line in checked.stdout.splitlines():
            if line.strip().endswith(("respondents", "measurements")):
                self.assertIn(line.strip(), imported.stdout)

    def test_strict_and_rejected(self):
        ws = self.workspace()
        before = sha256(ws)
        result = self.import_fixture(ws, "bad-rows", "--strict", status=2)
        self.assertIn("line 4, column 4 “welcome”: “abc”: not a number", result.stdout)
        self.assertIn("line 9: the row has 5 fields, the header has 6", result.stdout)
        self.assertIn("7 rows were rejected", result.stderr)
        self.assertEqual(sha256(ws), before)

        result = self.import_fixture(ws, "bad-rows")
        self.assertIn("7 rejected rows", result.stdout)
        self.assertIn("line 7, column 2 “segment”: “Astronauts”: unknown segment value", result.stdout)
        self.assertEqual(query(ws, "SELECT respondents, measurements, rejected FROM import_log"),
                         [(2, 4, 7)])

    def test_unterminated_quote(self):
        ws = self.workspace()
        before = sha256(ws)
        result = run("import", ws, self.data("unterminated-quote.csv"), "--mapping",
                     self.data("bad-rows.ini"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("unterminated-quote.csv", result.stderr)
        self.assertIn("line 11, column 24: the quote that opens this field is never closed",
                      result.stderr)
        self.assertEqual(sha256(ws), before)

    def test_already_imported(self):
        ws = self.workspace()
        self.import_fixture(ws, "long", "--wave", "First")
        result = self.import_fixture(ws, "long", "--wave", "Second", status=2)
        self.assertIn("imported before", result.stderr)
        self.assertIn("--force", result.stderr)
        self.import_fixture(ws, "long", "--wave", "Second", "--force")
        self.assertEqual(query(ws, "SELECT count(*) FROM wave")[0][0], 2)

    def test_nothing_to_import(self):
        ws = self.workspace()
        path = os.path.join(self.dir, "empty.csv")
        with open(path, "w") as f:
            f.write("respondent,segment,attribute,touchpoint,dimension,score,date\n")
        result = run("import", ws, path, "--mapping", self.data("long.ini"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("no answer to import", result.stderr)

    def test_unknown_names(self):
        ws = self.workspace()
        path = os.path.join(self.dir, "new-names.csv")
        with open(path, "w") as f:
            f.write("respondent,segment,attribute,touchpoint,dimension,score,date\n"
                    "a,Backpackers,Sunset view,Rooftop bar,lived,8,2025-01-01\n"
                    "b,Families,Warm welcome,,expected,7,2025-01-02\n")
        before = sha256(ws)
        result = run("import", ws, path, "--mapping", self.data("long.ini"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("Unknown segments:\n  Backpackers\n", result.stderr)
        self.assertIn("Attributes it does not have: “Sunset view”.", result.stderr)
        self.assertIn("--create-missing", result.stderr)
        self.assertEqual(sha256(ws), before)

        result = run("import", ws, path, "--mapping", self.data("long.ini"), "--create-missing")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Segments created: 1", result.stdout)
        self.assertEqual(query(ws, "SELECT count(*) FROM touchpoint WHERE name = 'Rooftop bar'")[0][0], 1)

    def test_saved_mapping(self):
        ws = self.workspace()
        self.import_fixture(ws, "google-forms", "--save-mapping", "Google Forms")
        self.assertEqual(query(ws, "SELECT name FROM import_mapping"), [("Google Forms",)])
        other = os.path.join(self.dir, "google-forms-2.csv")
        with open(self.data("google-forms.csv")) as f:
            text = f.read()
        with open(other, "w") as f:
            f.write(text.replace("2025/05/", "2025/06/"))
        result = run("import", ws, other, "--saved-mapping", "Google Forms", "--wave", "June")
        self.assertEqual(result.returncode, 0, result.stderr)
        result = run("import", ws, other, "--saved-mapping", "Nope")
        self.assertEqual(result.returncode, 2)
        self.assertIn("No mapping named “Nope”", result.stderr)

    def test_bad_mapping(self):
        ws = self.workspace()
        path = os.path.join(self.dir, "bad.ini")
        for text, mentions in (("[mapping]\nlayout=wide\ncolour=blue\n", "colour"),
                               ("[mapping]\nsegment=@Families\nscale=1..5\n[columns]\nNot there=lived:Warm welcome\n",
                                "Not there")):
            with open(path, "w") as f:
                f.write(text)
            result = run("import", ws, self.data("long.csv"), "--mapping", path)
            self.assertEqual(result.returncode, 2)
            self.assertIn(mentions, result.stderr)


class Locales(ImportTestCase):
    """R13: the same files, the same database, under LC_ALL=C and LC_ALL=fr_FR.UTF-8."""

    def test_same_database(self):
        locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
        if "fr_fr.utf8" not in locales and "fr_fr.utf-8" not in locales:
            self.fail("The fr_FR.UTF-8 locale is missing: run “make deps” to generate it")
        dumps = []
        for locale in ("C", "fr_FR.UTF-8"):
            ws = self.workspace("ws-%s.ecart" % locale)
            for name in ("excel-fr", "google-forms", "long", "qualtrics"):
                self.import_fixture(ws, name, "--wave", name, LC_ALL=locale, LANG=locale)
            dumps.append(dump(ws))
        self.assertEqual(dumps[0], dumps[1])


def long_csv(path, respondents, per_respondent=10):
    attributes = ["Warm welcome", "Room comfort", "Reliable wifi", "Value for money", "Easy booking"]
    segments = ["Families", "Honeymoon couples", "Business travellers"]
    with open(path, "w") as f:
        f.write("respondent,segment,attribute,touchpoint,dimension,score,date\n")
        for r in range(respondents):
            for i in range(per_respondent):
                f.write("R%07d,%s,%s,,%s,%d,2025-03-%02d\n" % (
                    r, segments[r % 3], attributes[i % 5], "lived" if i % 2 else "expected",
                    (r * 7 + i * 3) % 11, 1 + r % 28))


class DiskFull(ImportTestCase):
    """R5: a disk that fills up during an import gives a clear error and leaves the file as
    it was. The file size limit (prlimit --fsize) plays the full disk; SIGXFSZ is ignored,
    so writes fail with EFBIG as on a full disk instead of killing the process."""

    def test_file_size_limit(self):
        ws = self.workspace()
        self.import_fixture(ws, "qualtrics")
        # A checkpoint now, so that the file holds everything and -wal is empty.
        query(ws, "PRAGMA wal_checkpoint(TRUNCATE)")
        before_sha = sha256(ws)
        before = query(ws, "SELECT count(*) FROM measurement")[0][0]
        size = os.path.getsize(ws)
        path = os.path.join(self.dir, "big.csv")
        long_csv(path, 20000)

        def ignore_sigxfsz():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

        for limit in (size + 64 * 1024, size + 1024 * 1024):
            with self.subTest(limit=limit):
                result = subprocess.run(["prlimit", "--fsize=%d" % limit, CLI, "import", ws, path,
                                         "--mapping", self.data("long.ini"), "--wave", "Big"],
                                        capture_output=True, text=True, env=env(), timeout=300,
                                        preexec_fn=ignore_sigxfsz)
                self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
                self.assertRegex(result.stderr, "big.csv|ws.ecart")
                self.assertIn("the disk is full", result.stderr)
                self.assertEqual(query(ws, "PRAGMA integrity_check"), [("ok",)])
                self.assertEqual(query(ws, "SELECT count(*) FROM measurement")[0][0], before)
                self.assertEqual(query(ws, "SELECT count(*) FROM wave WHERE name = 'Big'")[0][0], 0)
        # Opening it again (and closing it) restores the very same bytes.
        query(ws, "PRAGMA wal_checkpoint(TRUNCATE)")
        self.assertEqual(sha256(ws), before_sha)


class Crash(ImportTestCase):
    """R1, short version: kill -9 at random moments of an import of ~200,000 measurements;
    each time the file is intact and holds the old count or the new one."""

    def test_kill_during_import(self):
        script = os.path.join(HERE, "crash-import.py")
        result = subprocess.run([sys.executable, script, "--measurements", "200000", "--kills", "4",
                                 "--cli", CLI, "--mapping", self.data("long.ini")],
                                capture_output=True, text=True, env=env(), timeout=600)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("4 kills", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
