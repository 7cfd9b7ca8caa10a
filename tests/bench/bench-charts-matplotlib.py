#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The gap-bars chart of bench-charts.py drawn with matplotlib, for comparison: the delivery
gap of one segment per attribute from `ecart-cli gaps --format csv`, sorted by importance ×
|gap|, with the same marks (bars coloured by sign and significance, intervals, values, zero
line, title, subtitle, legend, note), written as a 1600 × 900 PNG.

Usage: bench-charts-matplotlib.py GAPS.csv SEGMENT OUT.png"""

import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402


def main():
    path, segment, out = sys.argv[1:4]
    rows = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["segment"] != segment or r["delivery_gap"] == "":
                continue
            rows.append(r)
    rows.sort(key=lambda r: -int(r["importance"]) * abs(float(r["delivery_gap"])))

    names = [r["attribute"] for r in rows]
    gaps = [float(r["delivery_gap"]) for r in rows]
    low = [float(r["delivery_gap_ci_low"] or r["delivery_gap"]) for r in rows]
    high = [float(r["delivery_gap_ci_high"] or r["delivery_gap"]) for r in rows]
    significant = [r["delivery_gap_significant"] == "1" for r in rows]
    colors = [("#A6611A" if g < 0 else "#018571") if s else ("#A6611A66" if g < 0 else "#01857166")
              for g, s in zip(gaps, significant)]

    fig, ax = plt.subplots(figsize=(16, 9), dpi=100)
    y = range(len(rows))
    ax.barh(y, gaps, color=colors, height=0.62)
    ax.errorbar(gaps, y, xerr=[[g - l for g, l in zip(gaps, low)], [h - g for g, h in zip(gaps, high)]],
                fmt="none", ecolor="#1F1F1FBF", capsize=4, linewidth=1.5)
    for i, (g, lo, hi, s) in enumerate(zip(gaps, low, high, significant)):
        text = ("%+.1f" % g).replace("-", "−") + ("*" if s else "")
        ax.text(lo - 0.02 if g < 0 else hi + 0.02, i, text, va="center", ha="right" if g < 0 else "left",
                fontsize=9, fontweight="bold")
    ax.axvline(0, color="#00000073", linewidth=1.5)
    ax.set_yticks(list(y))
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#00000017")
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("Delivery gap")
    fig.suptitle("Delivery gap by attribute: lived − desired", x=0.015, ha="left", fontweight="bold", fontsize=16)
    ax.set_title("%s · 95 %% confidence" % segment, loc="left", fontsize=11, color="#5E5C64")
    ax.legend(handles=[Patch(color="#A6611A", label="Lived below desired"),
                       Patch(color="#018571", label="Lived above desired"),
                       Patch(color="#A6611A66", label="Not significant")],
              loc="lower right", frameon=False)
    fig.text(0.015, 0.01, "Gaps in points on 0–10, sorted by importance × size of the gap. Whiskers: 95 % "
             "confidence intervals. * significant at the 95 % level.", fontsize=9, color="#5E5C64")
    fig.tight_layout(rect=(0, 0.03, 1, 0.95))
    fig.savefig(out)


if __name__ == "__main__":
    main()
