#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of ecart-cli, run as a user or a script would: exit statuses (0 ok, 1 bad usage,
2 bad data or file), messages that name the file and the reason, files left untouched, and
no display nor GTK needed. The binary is $ECART_CLI."""

import hashlib
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import tempfile
import unittest

CLI = os.environ.get("ECART_CLI", "")
COMMANDS = ["demo", "new", "info", "check"]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def sidecars(path):
    return [path + s for s in ("-wal", "-shm", "-journal") if os.path.exists(path + s)]


def query(path, sql):
    """All rows of @sql in the file at @path, read with Python's own SQLite."""
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def env(**changes):
    """The test environment, in English and without a display unless told otherwise."""
    e = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        e.pop(name, None)
    e.update({"LANGUAGE": "en", "LC_ALL": "C.UTF-8"})
    for name, value in changes.items():
        if value is None:
            e.pop(name, None)
        else:
            e[name] = value
    return e


def run(*args, **changes):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env(**changes),
                          timeout=120)


class CliTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ecart-test-cli-")
        cls.demo = os.path.join(cls.tmp, "demo.ecart")
        result = run("demo", cls.demo, "--lang", "en")
        assert result.returncode == 0, result.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=self.tmp)

    def path(self, name):
        return os.path.join(self.dir, name)

    def copy_demo(self, name="copy.ecart"):
        path = self.path(name)
        shutil.copyfile(self.demo, path)
        return path

    def assertStatus(self, result, status):
        self.assertEqual(result.returncode, status, f"exit {result.returncode}\n"
                         f"stdout: {result.stdout}\nstderr: {result.stderr}")


class Usage(CliTestCase):
    def test_help(self):
        result = run("--help")
        self.assertStatus(result, 0)
        for command in COMMANDS:
            self.assertRegex(result.stdout, rf"(?m)^\s+{command}\b")

    def test_no_command(self):
        result = run()
        self.assertStatus(result, 1)
        self.assertIn("demo", result.stderr)

    def test_unknown_command(self):
        result = run("frobnicate", "x.ecart")
        self.assertStatus(result, 1)
        self.assertIn("frobnicate", result.stderr)

    def test_command_help(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                result = run(command, "--help")
                self.assertStatus(result, 0)
                self.assertIn(command, result.stdout)

    def test_unknown_option(self):
        result = run("info", "--frobnicate", self.demo)
        self.assertStatus(result, 1)

    def test_version(self):
        result = run("--version")
        self.assertStatus(result, 0)
        self.assertRegex(result.stdout, r"^ecart-cli \d+\.\d+")


class Demo(CliTestCase):
    def test_french(self):
        out = self.path("démo lagon.ecart")
        result = run("demo", out, "--lang", "fr")
        self.assertStatus(result, 0)
        self.assertTrue(os.path.isfile(out))
        self.assertIn(out, result.stdout)
        self.assertIn("Hôtels Lagon Bleu", result.stdout)
        self.assertEqual(sidecars(out), [])
        self.assertEqual(query(out, "PRAGMA application_id"), [(0x45435254,)])
        self.assertEqual(query(out, "SELECT value FROM workspace WHERE key = 'language'"),
                         [("fr",)])

    def test_bad_language(self):
        out = self.path("de.ecart")
        result = run("demo", out, "--lang", "de")
        self.assertStatus(result, 1)
        self.assertIn("de", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_missing_argument(self):
        self.assertStatus(run("demo"), 1)
        self.assertStatus(run("demo", "--lang", "fr"), 1)

    def test_extra_argument(self):
        a, b = self.path("a.ecart"), self.path("b.ecart")
        self.assertStatus(run("demo", a, b), 1)
        self.assertFalse(os.path.exists(a) or os.path.exists(b))

    def test_exists(self):
        out = self.path("taken.ecart")
        with open(out, "w") as f:
            f.write("my notes\n")
        before = sha256(out)
        result = run("demo", out)
        self.assertStatus(result, 2)
        self.assertIn("taken.ecart", result.stderr)
        self.assertEqual(sha256(out), before)
        self.assertEqual(sorted(os.listdir(self.dir)), ["taken.ecart"])

    def test_missing_folder(self):
        result = run("demo", self.path("nowhere/demo.ecart"))
        self.assertStatus(result, 2)
        self.assertIn("demo.ecart", result.stderr)


class New(CliTestCase):
    def test_templates(self):
        for template in ("blank", "boulangerie", "hotel"):
            with self.subTest(template=template):
                out = self.path(template + ".ecart")
                result = run("new", out, "--template", template, "--lang", "en")
                self.assertStatus(result, 0)
                self.assertIn(out, result.stdout)
                self.assertEqual(query(out, "SELECT count(*) FROM stage"), [(7,)])
                segments = query(out, "SELECT count(*) FROM segment")[0][0]
                self.assertEqual(segments == 0, template == "blank")
                self.assertEqual(query(out, "SELECT count(*) FROM measurement"), [(0,)])
                self.assertStatus(run("check", out), 0)

    def test_default_template(self):
        out = self.path("default.ecart")
        self.assertStatus(run("new", out), 0)
        self.assertEqual(query(out, "SELECT count(*) FROM segment"), [(0,)])

    def test_unknown_template(self):
        out = self.path("nope.ecart")
        result = run("new", out, "--template", "nope")
        self.assertStatus(result, 1)
        self.assertIn("nope", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_exists(self):
        before = sha256(self.demo)
        result = run("new", self.demo)
        self.assertStatus(result, 2)
        self.assertIn("demo.ecart", result.stderr)
        self.assertEqual(sha256(self.demo), before)


class Info(CliTestCase):
    def test_demo(self):
        path = self.copy_demo()
        before = sha256(path)
        result = run("info", path)
        self.assertStatus(result, 0)
        out = result.stdout
        name = query(path, "SELECT value FROM workspace WHERE key = 'name'")[0][0]
        segments = [r[0] for r in query(path, "SELECT name FROM segment ORDER BY position")]
        measurements = query(path, "SELECT count(*) FROM measurement")[0][0]
        respondents = query(path, "SELECT count(*) FROM respondent")[0][0]
        waves = [r[0] for r in query(path, "SELECT name FROM wave ORDER BY started_on")]
        self.assertIn(name, out)
        self.assertEqual(len(segments), 3)
        for segment in segments:
            self.assertIn(segment, out)
        for wave in waves:
            self.assertIn(wave, out)
        self.assertIn("Waves", out)

        def count(label):
            match = re.search(rf"(?m)^{label}:\s+([\d,. \u202f\u00a0]+)$", out)
            self.assertIsNotNone(match, f"no “{label}:” line in:\n{out}")
            return int(re.sub(r"\D", "", match.group(1)))

        self.assertGreater(measurements, 10000)
        self.assertEqual(count("Measurements"), measurements)
        self.assertEqual(count("Respondents"), respondents)
        self.assertEqual(count("Waves"), 3)
        self.assertEqual(count("Segments"), 3)
        self.assertEqual(sha256(path), before)

    def test_missing_file(self):
        result = run("info", self.path("missing.ecart"))
        self.assertStatus(result, 2)
        self.assertIn("missing.ecart", result.stderr)
        self.assertFalse(os.path.exists(self.path("missing.ecart")))

    def test_arguments(self):
        self.assertStatus(run("info"), 1)
        self.assertStatus(run("info", self.demo, self.demo), 1)


class Check(CliTestCase):
    def test_demo(self):
        path = self.copy_demo()
        before = sha256(path)
        result = run("check", path)
        self.assertStatus(result, 0)
        self.assertIn("ok", result.stdout)
        self.assertEqual(sha256(path), before)

    def damaged(self):
        """Damaged files, by name: (contents maker, what the message must say)."""
        def empty(path):
            open(path, "wb").close()

        def text(path):
            with open(path, "w") as f:
                f.write("Segments: families, couples\nAttributes: welcome\n")

        def truncated(path):
            shutil.copyfile(self.demo, path)
            with open(path, "r+b") as f:
                f.truncate(os.path.getsize(self.demo) // 2)

        def foreign(path):
            db = sqlite3.connect(path)
            db.executescript("PRAGMA application_id = 42;"
                             "CREATE TABLE photo (id INTEGER PRIMARY KEY, file TEXT);"
                             "INSERT INTO photo (file) VALUES ('lagoon.jpg');")
            db.close()

        def newer(path):
            shutil.copyfile(self.demo, path)
            with open(path, "r+b") as f:
                f.seek(60)
                f.write(struct.pack(">I", 99))

        def zeroed(path):
            shutil.copyfile(self.demo, path)
            with open(path, "r+b") as f:
                f.write(bytes(100))

        return {
            "empty.ecart": (empty, "empty"),
            "notes.ecart": (text, "not an SQLite database"),
            "truncated.ecart": (truncated, "damaged"),
            "photos.ecart": (foreign, "another application"),
            "newer.ecart": (newer, "newer version"),
            "zeroed.ecart": (zeroed, "not an SQLite database"),
        }

    def test_damaged(self):
        for name, (make, reason) in self.damaged().items():
            for command in ("check", "info"):
                with self.subTest(file=name, command=command):
                    path = self.path(name)
                    if os.path.exists(path):
                        os.remove(path)
                    make(path)
                    before = sha256(path)
                    result = run(command, path)
                    self.assertStatus(result, 2)
                    self.assertIn(name, result.stderr)
                    self.assertIn(reason, result.stderr)
                    self.assertEqual(result.stdout, "")
                    self.assertNotIn("CRITICAL", result.stderr)
                    self.assertEqual(sha256(path), before)

    def test_broken_reference(self):
        path = self.copy_demo()
        db = sqlite3.connect(path)
        db.execute("INSERT INTO measurement (respondent_id, attribute_id, dimension, score, "
                   "scale_min, scale_max) VALUES (999999, 1, 3, 5, 0, 10)")
        db.commit()
        db.close()
        result = run("check", path)
        self.assertStatus(result, 2)
        self.assertIn("copy.ecart", result.stderr)
        self.assertIn("measurement", result.stderr)

    def test_directory(self):
        result = run("check", self.dir)
        self.assertStatus(result, 2)
        self.assertIn(os.path.basename(self.dir), result.stderr)

    # Regression (fixed bug): `info` and `check` open the workspace read-only, and SQLite then leaves the
    # -wal and -shm files it created next to the file when it closes (also after refusing a
    # damaged file): a command that only reads should leave the folder as it found it.
    def test_leaves_no_wal_files(self):
        path = self.copy_demo()
        truncated = self.path("truncated.ecart")
        self.damaged()["truncated.ecart"][0](truncated)
        for command, file in (("info", path), ("check", path), ("check", truncated)):
            with self.subTest(command=command, file=os.path.basename(file)):
                run(command, file)
                self.assertEqual(sidecars(file), [], "left next to the workspace")
                for extra in sidecars(file):
                    os.remove(extra)


class Environment(CliTestCase):
    def test_no_display(self):
        result = run("info", self.demo, DISPLAY=None, WAYLAND_DISPLAY=None, XDG_RUNTIME_DIR=None)
        self.assertStatus(result, 0)
        self.assertNotIn("cannot open display", result.stderr)

    def test_no_gtk(self):
        ldd = subprocess.run(["ldd", CLI], capture_output=True, text=True)
        self.assertEqual(ldd.returncode, 0, ldd.stderr)
        self.assertNotRegex(ldd.stdout, r"libgtk|libadwaita|libgdk")

    def test_french_interface(self):
        # The French catalogue is being written: whatever it says, the statuses are the same.
        result = run("--help", LANGUAGE="fr", LC_ALL="C.UTF-8", LANG="fr_FR.UTF-8")
        self.assertStatus(result, 0)
        for command in COMMANDS:
            self.assertIn(command, result.stdout)
        self.assertStatus(run("info", self.demo, LANGUAGE="fr"), 0)
        self.assertStatus(run("check", self.path("missing.ecart"), LANGUAGE="fr"), 2)
        self.assertStatus(run("demo", LANGUAGE="fr"), 1)


if __name__ == "__main__":
    if not CLI or not os.access(CLI, os.X_OK):
        raise SystemExit("ECART_CLI must name the ecart-cli binary")
    unittest.main(verbosity=2)
