#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make bench-gaps: how the gap engine's time grows with the number of measurements.

For workspaces of 100 k, 1 M and 10 M measurements (written once by bench-generate through
EcartWaveWriter, kept in BUILD/bench/), prints in the same run:

- cli:    `ecart-cli gaps WS --format csv` over all segments, wall time (median of 5);
- sqlite: the sqlite3 shell's plain GROUP BY over the same measurements (median of 3):
          SELECT r.segment_id, m.attribute_id, m.dimension, count(*), avg(m.score)
          FROM measurement m JOIN respondent r ON r.id = m.respondent_id GROUP BY 1, 2, 3
- ratio:  cli / sqlite (target at 10 M: ≤ 0.05);
- check:  `PRAGMA quick_check`, which opening a workspace runs (RELIABILITY.md R7), alone;
- engine: ecart_gap_table_new() alone on the open workspace (best of 5).

Usage: bench-gaps.py BUILD_DIR [SIZE…]   (sizes default to 100000 1000000 10000000)."""

import os
import statistics
import subprocess
import sys
import time

GROUP_BY = ("SELECT r.segment_id, m.attribute_id, m.dimension, count(*), avg(m.score) "
            "FROM measurement m JOIN respondent r ON r.id = m.respondent_id GROUP BY 1, 2, 3")


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    build = sys.argv[1]
    sizes = [int(s) for s in sys.argv[2:]] or [100_000, 1_000_000, 10_000_000]
    cli = os.path.join(build, "app", "cli", "ecart-cli")
    generate = os.path.join(build, "tests", "bench-generate")
    folder = os.path.join(build, "bench")
    os.makedirs(folder, exist_ok=True)

    print(f"{'measurements':>12}  {'cli':>8}  {'sqlite':>8}  {'ratio':>6}  "
          f"{'check':>8}  {'engine':>8}  {'engine/sqlite':>13}")
    ratio = None
    for size in sizes:
        path = os.path.join(folder, f"gaps-{size}.ecart")
        done = path + ".done"  # written once the workspace is complete
        if not os.path.exists(done):
            for leftover in (path, path + "-wal", path + "-shm", path + "-journal"):
                if os.path.exists(leftover):
                    os.remove(leftover)
            start = time.perf_counter()
            subprocess.run([generate, path, str(size)], check=True)
            open(done, "w").close()
            print(f"  (wrote {path} in {time.perf_counter() - start:.1f} s)", file=sys.stderr)

        count = subprocess.run(["sqlite3", "-readonly", path, "SELECT count(*) FROM measurement"],
                               check=True, capture_output=True, text=True).stdout.strip()
        # Once each first, so that every timing below sees the file in the page cache.
        timed([cli, "gaps", path, "--format", "csv"], 1)
        timed(["sqlite3", "-readonly", path, GROUP_BY], 1)

        t_cli = timed([cli, "gaps", path, "--format", "csv"], 5)
        t_sql = timed(["sqlite3", "-readonly", path, GROUP_BY], 3)
        t_check = timed(["sqlite3", "-readonly", path, "PRAGMA quick_check"], 3)
        t_engine = float(subprocess.run([generate, "--engine", path], check=True,
                                        capture_output=True, text=True).stdout)
        ratio = t_cli / t_sql
        print(f"{int(count):>12,}  {t_cli:>7.3f}s  {t_sql:>7.3f}s  {ratio:>6.3f}  "
              f"{t_check:>7.3f}s  {t_engine * 1000:>6.2f}ms  {t_engine / t_sql:>13.6f}")

    if ratio is not None:
        print(f"ratio at the largest size: {ratio:.3f} (target ≤ 0.05)")


if __name__ == "__main__":
    main()
