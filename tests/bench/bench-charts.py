#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make bench-charts: how fast the charts are drawn.

1. The command: `ecart-cli chart WS gap-bars --segment Managers -o out.png` (1600 × 900) on a
   workspace of one segment and 30 attributes (written once by make-fixture in
   BUILD/bench/charts-30.ecart: 300 respondents, expected and lived, three waves), against
   bench-charts-matplotlib.py drawing the same chart from the same data
   (`ecart-cli gaps --format csv`, written once), each a whole process, median of 7 runs, in
   the same run. The ratio is ecart-cli / matplotlib (target ≤ 0.1).
2. In the process: ecart_chart_draw() of each of the eight charts at 1920 × 1080 into an image
   surface (bench-charts, median and worst of 30 draws; target: all under 16.7 ms), on that
   workspace and on the demo.

Usage: bench-charts.py BUILD_DIR"""

import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
N_ATTRIBUTES = 30
N_RESPONDENTS = 100  # per wave
WAVES = ["Wave 1", "Wave 2", "Wave 3"]


def fixture_description():
    rng = random.Random(30)
    lines = ["segment\tManagers", "touchpoint\tDesk", "touchpoint\tPhone"]
    names = ["Attribute %02d: %s" % (i + 1, name) for i, name in
             enumerate(["Warm welcome", "Listening and problem solving", "Value for money",
                        "Personal attention all along the stay", "Reliable wifi",
                        "Eco-responsibility that guests can see"] * 5)]
    for name in names:
        lines.append("attribute\t%s" % name)
    for name in names:
        lines.append("experience\tManagers\t%s\t%.1f\t%d\t%.1f" % (name, rng.uniform(6.5, 9.5), rng.randint(1, 5),
                                                                   rng.uniform(5.5, 9.0)))
    for w, wave in enumerate(WAVES):
        lines.append("wave\t%s" % wave)
        for r in range(N_RESPONDENTS):
            key = "w%dr%d" % (w, r)
            lines.append("respondent\t%s\tManagers\t2026-0%d-15" % (key, w + 1))
            lines.append("recommend\t%s\t%d" % (key, rng.randint(0, 10)))
            for i, name in enumerate(names):
                base = 5.0 + (i * 37 % 40) / 10.0
                touchpoint = "Desk" if i % 2 else "Phone"
                lines.append("measure\t%s\t%s\t%s\tlived\t%d\t1\t5" % (key, name, touchpoint,
                                                                    min(5, max(1, round(rng.gauss(base / 2, 0.9))))))
                lines.append("measure\t%s\t%s\t%s\texpected\t%d\t1\t5" % (key, name, touchpoint,
                                                                       min(5, max(1, round(rng.gauss(4, 0.7))))))
    return "\n".join(lines) + "\n"


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    build = sys.argv[1]
    cli = os.path.join(build, "app", "cli", "ecart-cli")
    fixture = os.path.join(build, "tests", "make-fixture")
    bench = os.path.join(build, "tests", "bench-charts")
    folder = os.path.join(build, "bench")
    os.makedirs(folder, exist_ok=True)

    workspace = os.path.join(folder, "charts-30.ecart")
    demo = os.path.join(folder, "charts-demo.ecart")
    if not os.path.exists(workspace + ".done"):
        for leftover in (workspace, workspace + "-wal", workspace + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
        description = os.path.join(folder, "charts-30.txt")
        with open(description, "w") as f:
            f.write(fixture_description())
        subprocess.run([fixture, workspace, description], check=True)
        open(workspace + ".done", "w").close()
    if not os.path.exists(demo):
        subprocess.run([cli, "demo", demo], check=True, stdout=subprocess.DEVNULL)

    csv_path = os.path.join(folder, "charts-30-gaps.csv")
    with open(csv_path, "w") as f:
        subprocess.run([cli, "gaps", workspace, "--format", "csv"], check=True, stdout=f)

    ours = [cli, "chart", workspace, "gap-bars", "--segment", "Managers", "-o",
            os.path.join(folder, "gap-bars-ecart.png")]
    theirs = ["/usr/bin/python3", os.path.join(HERE, "bench-charts-matplotlib.py"), csv_path, "Managers",
              os.path.join(folder, "gap-bars-matplotlib.png")]
    timed(ours, 1)
    timed(theirs, 1)
    t_ours = timed(ours, 7)
    t_theirs = timed(theirs, 7)
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    print("load average at the start: %s on %d processors" % (load, os.cpu_count()))
    print("gap-bars, 30 attributes, 1600 × 900 PNG, whole process, median of 7:")
    print("  ecart-cli chart   %8.1f ms" % (t_ours * 1000))
    print("  matplotlib        %8.1f ms" % (t_theirs * 1000))
    print("  ratio             %8.3f   (target ≤ 0.1)" % (t_ours / t_theirs))
    print("  pictures: %s, %s" % (ours[-1], theirs[-1]))
    print()

    for name, path in (("30 attributes", workspace), ("the demo", demo)):
        print("ecart_chart_draw() in the process, %s:" % name)
        sys.stdout.flush()
        subprocess.run([bench, path, "1920", "1080", "30"], check=True)
        print()


if __name__ == "__main__":
    main()
