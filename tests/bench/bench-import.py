#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The import benchmark (`make bench-import`; figures in docs/performance.md, "Import").

Generates a long CSV of 1,000,000 measurements and a wide one of 100,000 respondents ×
20 questions, imports each with `ecart-cli import` into a new workspace, and divides the
time by the time the sqlite3 shell takes to `.import --csv` the same file into a plain
table of a new database, measured in the same run. The import includes what the shell
does not do: decoding, checking every value, name lookups, the aggregates, the FTS index
and the import log, and it reads the file twice (check, then write). Peak memory (max RSS,
from /usr/bin/time -v) is measured at two sizes of each file: it must not grow with them."""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ATTRIBUTES = ["Room comfort", "Spa and lagoon activities", "Value for money", "Easy booking",
              "Fast check-in and check-out", "Reliable wifi", "Warm welcome", "Personal attention",
              "Listening and problem solving", "Local authenticity"]
SEGMENTS = ["Families", "Honeymoon couples", "Business travellers"]
TOUCHPOINTS = ["Reception", "Room or villa", "", "Online booking", ""]

LONG_MAPPING = """[mapping]
layout=long
respondent=respondent
segment=segment
attribute=attribute
touchpoint=touchpoint
dimension=dimension
score=score
date=date
scale=0..10
"""


def write_long(path, measurements):
    per = 10
    with open(path, "w") as f:
        f.write("respondent,segment,attribute,touchpoint,dimension,score,date\n")
        lines = []
        for m in range(measurements):
            r, i = divmod(m, per)
            lines.append("R%07d,%s,%s,%s,%s,%d,2025-03-%02d\n" % (
                r, SEGMENTS[r % 3], ATTRIBUTES[i // 2], TOUCHPOINTS[(i // 2) % 5],
                "lived" if i % 2 else "expected", (r * 7 + i * 3) % 11, 1 + r % 28))
            if len(lines) == 10000:
                f.write("".join(lines))
                lines = []
        f.write("".join(lines))


def write_wide(path, respondents):
    questions = ["Q%d_%d" % (q // 2 + 1, q % 2 + 1) for q in range(20)]
    with open(path, "w") as f:
        f.write("ResponseId,RecordedDate,Profile," + ",".join(questions) + ",Recommend,Comment\n")
        lines = []
        for r in range(respondents):
            scores = ",".join(str(1 + (r * 3 + q * 7) % 5) for q in range(20))
            comment = '"Très bien, merci"' if r % 20 == 0 else ""
            lines.append("R_%08d,2025-03-%02d 10:%02d:00,%s,%s,%d,%s\n" % (
                r, 1 + r % 28, r % 60, SEGMENTS[r % 3], scores, r % 11, comment))
            if len(lines) == 10000:
                f.write("".join(lines))
                lines = []
        f.write("".join(lines))
    mapping = ("[mapping]\nlayout=wide\nrespondent=ResponseId\ndate=RecordedDate\nsegment=Profile\n"
               "scale=1..5\nnps=Recommend\nverbatim=Comment\n[columns]\n")
    for q in range(20):
        mapping += "%s=%s:%s\n" % (questions[q], "expected" if q % 2 == 0 else "lived",
                                   ATTRIBUTES[q // 2])
    return mapping


def timed(command, env):
    """Wall time and max RSS (kB) of @command. /usr/bin/time measures the RSS: a child of
    this Python process would count Python's own memory in its maximum."""
    start = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True,
                            env=env)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit("failed: %s\n%s%s" % (" ".join(command), result.stdout, result.stderr))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return elapsed, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--sqlite3", default="sqlite3")
    parser.add_argument("--measurements", type=int, default=1000000)
    parser.add_argument("--respondents", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=3, help="best of N")
    args = parser.parse_args()

    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en")
    tmp = tempfile.mkdtemp(prefix="ecart-bench-")
    try:
        template = os.path.join(tmp, "template.ecart")
        subprocess.run([args.cli, "new", template, "--template", "hotel", "--lang", "en"], env=env,
                       check=True, capture_output=True)
        long_ini = os.path.join(tmp, "long.ini")
        with open(long_ini, "w") as f:
            f.write(LONG_MAPPING)

        def import_time(csv, ini):
            best = None
            rss = 0
            floor = None
            for run in range(args.runs):
                ws = os.path.join(tmp, "bench-%d.ecart" % run)
                shutil.copyfile(template, ws)
                elapsed, peak = timed([args.cli, "import", ws, csv, "--mapping", ini], env)
                best = elapsed if best is None else min(best, elapsed)
                rss = max(rss, peak)
                if run == 0:
                    floor = schema_floor(ws)
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(ws + suffix):
                        os.unlink(ws + suffix)
            return best, rss, floor

        def schema_floor(ws):
            """The time SQLite itself takes to insert the same measurement rows into the
            workspace's schema (its index), with the settings of an import (WAL, synchronous
            FULL, foreign keys and CHECK constraints off: the wave writer checks the values
            and ids itself), from a table already in the file: what no importer can go
            below with this schema."""
            settings = ("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;"
                        "PRAGMA synchronous = FULL;")
            sql = (settings +
                   "CREATE TABLE copy AS SELECT * FROM measurement; DELETE FROM measurement;"
                   "PRAGMA wal_checkpoint(TRUNCATE);")
            subprocess.run([args.sqlite3, ws, sql], check=True, capture_output=True, env=env)
            start = time.monotonic()
            subprocess.run([args.sqlite3, ws, settings +
                            "BEGIN; INSERT INTO measurement SELECT * FROM copy; COMMIT;"],
                           check=True, capture_output=True, env=env)
            return time.monotonic() - start

        def sqlite_time(csv):
            best = None
            for run in range(args.runs):
                db = os.path.join(tmp, "plain-%d.db" % run)
                elapsed, _ = timed([args.sqlite3, db, ".import --csv %s t" % csv], env)
                best = elapsed if best is None else min(best, elapsed)
                os.unlink(db)
            return best

        rows = []
        rss = {}
        for label, size, maker in (("long", args.measurements, "long"),
                                   ("long", args.measurements // 5, "long"),
                                   ("wide", args.respondents, "wide"),
                                   ("wide", args.respondents // 5, "wide")):
            csv = os.path.join(tmp, "%s-%d.csv" % (label, size))
            ini = long_ini
            if maker == "long":
                write_long(csv, size)
            else:
                ini = os.path.join(tmp, "wide.ini")
                with open(ini, "w") as f:
                    f.write(write_wide(csv, size))
            ours, peak, floor = import_time(csv, ini)
            theirs = sqlite_time(csv)
            rows.append((label, size, os.path.getsize(csv), ours, theirs, ours / theirs, peak, floor))
            rss[(label, size)] = peak
            os.unlink(csv)

        print("%-5s %18s %7s %12s %10s %7s %11s %11s" % ("file", "size", "MB", "ecart-cli s",
                                                          "sqlite3 s", "ratio", "max RSS MB",
                                                          "floor s"))
        for label, size, nbytes, ours, theirs, ratio, peak, floor in rows:
            unit = "measurements" if label == "long" else "respondents"
            print("%-5s %18s %7.1f %12.2f %10.2f %7.2f %11.1f %11.2f" % (
                label, "%d %s" % (size, unit), nbytes / 1e6, ours, theirs, ratio, peak / 1024, floor))
        print()
        print("ratio = ecart-cli import time / sqlite3 .import --csv time, same file, same run "
              "(best of %d); target for the long file: <= 1.0" % args.runs)
        print("floor = SQLite alone inserting the same measurement rows into the workspace's "
              "schema with the import's settings (WAL, synchronous FULL, foreign keys and "
              "checks off), from a table in the same file")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
