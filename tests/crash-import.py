#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""RELIABILITY.md R1: `kill -9` at random moments of a large import. After each kill the
workspace must pass PRAGMA integrity_check and hold either the measurements it had before
or those plus the whole file: never a part of it.

    crash-import.py --cli build/app/cli/ecart-cli --mapping tests/data/import/long.ini \
        --measurements 1000000 --kills 50

`make test-crash` runs the long version; the test suite runs a short one."""

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def long_csv(path, measurements):
    attributes = ["Warm welcome", "Room comfort", "Reliable wifi", "Value for money", "Easy booking"]
    segments = ["Families", "Honeymoon couples", "Business travellers"]
    per_respondent = 10
    with open(path, "w") as f:
        f.write("respondent,segment,attribute,touchpoint,dimension,score,date\n")
        for m in range(measurements):
            r, i = divmod(m, per_respondent)
            f.write("R%07d,%s,%s,,%s,%d,2025-03-%02d\n" % (
                r, segments[r % 3], attributes[i % 5], "lived" if i % 2 else "expected",
                (r * 7 + i * 3) % 11, 1 + r % 28))


def count(path):
    db = sqlite3.connect(path)
    try:
        ok = db.execute("PRAGMA integrity_check").fetchall()
        n = db.execute("SELECT count(*) FROM measurement").fetchone()[0]
        aggregated = db.execute("SELECT ifnull (sum (n), 0) FROM measurement_aggregate").fetchone()[0]
        return ok, n, aggregated
    finally:
        db.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--mapping", required=True)
    parser.add_argument("--measurements", type=int, default=200000)
    parser.add_argument("--kills", type=int, default=4)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en")
    tmp = tempfile.mkdtemp(prefix="ecart-crash-")
    try:
        ws = os.path.join(tmp, "crash.ecart")
        csv_path = os.path.join(tmp, "big.csv")
        subprocess.run([args.cli, "new", ws, "--template", "hotel", "--lang", "en"], env=env,
                       check=True, capture_output=True)
        long_csv(csv_path, args.measurements)

        # How long a whole import takes, on a copy.
        timing = os.path.join(tmp, "timing.ecart")
        shutil.copyfile(ws, timing)
        start = time.monotonic()
        subprocess.run([args.cli, "import", timing, csv_path, "--mapping", args.mapping,
                        "--wave", "Timing"], env=env, check=True, capture_output=True)
        duration = time.monotonic() - start
        os.unlink(timing)
        print("seed %d: a whole import of %d measurements takes %.2f s" % (seed, args.measurements,
                                                                          duration))

        old = 0
        before_commit = after_commit = 0
        for k in range(args.kills):
            process = subprocess.Popen([args.cli, "import", ws, csv_path, "--mapping", args.mapping,
                                        "--wave", "Wave %d" % k, "--force"],
                                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Up to well past the time a whole import took: the commit and the checkpoint
            # that follows it are moments to kill at too (an import that is already over when
            # killed must show the new count).
            time.sleep(rng.uniform(0.02, 1.4) * duration)
            process.send_signal(signal.SIGKILL)
            process.wait()
            ok, n, aggregated = count(ws)
            if ok != [("ok",)]:
                print("kill %d: integrity_check says %s" % (k + 1, ok))
                return 1
            if n not in (old, old + args.measurements):
                print("kill %d: %d measurements, neither the %d before nor the %d after"
                      % (k + 1, n, old, old + args.measurements))
                return 1
            if aggregated != n:
                print("kill %d: the aggregates count %d measurements, the table %d" % (k + 1, aggregated, n))
                return 1
            if n == old:
                before_commit += 1
            else:
                after_commit += 1
            old = n
        print("%d kills: %d before the commit (old count), %d after (new count); integrity ok"
              % (args.kills, before_commit, after_commit))
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
