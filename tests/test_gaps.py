#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The gap engine through `ecart-cli gaps`, `nps` and `trends`, every figure compared with
SciPy to 1e-9.

Fixture workspaces are written by $ECART_MAKE_FIXTURE (tests/make-fixture.c, through
EcartWaveWriter, the importer's path) from raw scores this file draws, so that SciPy sees
the very measurements the engine summarised: paired and unpaired designs, n = 1 and 2,
zero variance, missing dimensions, a segment with no measurement, two waves, undated
respondents. Then the demo's story, the output formats and the exit statuses.

Run with /usr/bin/python3 (it has SciPy)."""

import csv
import io
import json
import math
import os
import subprocess
import tempfile
import unicodedata
import unittest

import numpy as np
from scipy import stats

CLI = os.environ.get("ECART_CLI", "")
MAKE_FIXTURE = os.environ.get("ECART_MAKE_FIXTURE", "")
TOLERANCE = 1e-9
ZERO_SS = 1e-12  # docs/statistics.md: a sum of squares below 1e-12 of Σx² is rounding

GAPS = ["implementation", "expectation", "perception", "delivery", "execution"]
REQUIRED_COLUMNS = (
    "segment,attribute,touchpoint,importance,desired,proposed,expected_n,expected_mean,"
    "expected_sd,expected_ci_low,expected_ci_high,lived_n,lived_mean,lived_sd,lived_ci_low,"
    "lived_ci_high,implementation_gap,expectation_gap,expectation_gap_ci_low,"
    "expectation_gap_ci_high,perception_gap,perception_gap_ci_low,perception_gap_ci_high,"
    "delivery_gap,delivery_gap_ci_low,delivery_gap_ci_high,execution_gap,execution_gap_ci_low,"
    "execution_gap_ci_high").split(",")


def env(**changes):
    e = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        e.pop(name, None)
    e.update({"LANGUAGE": "en", "LC_ALL": "C.UTF-8"})
    e.update(changes)
    return e


def run(*args, check=True, **env_changes):
    # Bytes, decoded here: text mode would turn the CSV's CRLF into LF.
    result = subprocess.run([CLI, *args], capture_output=True, env=env(**env_changes))
    result.stdout = result.stdout.decode("utf-8")
    result.stderr = result.stderr.decode("utf-8")
    if check and result.returncode != 0:
        raise AssertionError(f"ecart-cli {' '.join(args)} exited {result.returncode}: "
                             f"{result.stderr}")
    return result


def read_csv(text):
    assert "\r\n" in text or text == ""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    return header, [dict(zip(header, row)) for row in body]


def number(cell):
    return None if cell == "" else float(cell)


def missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


# ------------------------------------------------------------------------------------
# Reference statistics, from the raw scores


def t_quantile(p, df):
    """scipy.stats.t.ppf, polished by Newton steps on t.sf. SciPy 1.10's t.ppf (Cephes'
    stdtrit) is off by up to 3e-9 (relative) for some degrees of freedom, e.g. df = 33.2 at
    0.95, which is more than this test tolerates; t.sf is right to 1e-15, and so is GSL's
    quantile (Quantiles.test_reference checks both against mpmath)."""
    t = stats.t.ppf(p, df)
    for _ in range(3):
        t += (stats.t.sf(t, df) - (1 - p)) / stats.t.pdf(t, df)
    return t


def t_interval(confidence, df, loc, scale):
    half = t_quantile((1 + confidence) / 2, df) * scale
    return loc - half, loc + half


class Summary:
    def __init__(self, values, confidence):
        x = np.asarray(values, dtype=float)
        self.n = len(x)
        self.values = x
        self.mean = x.mean() if self.n else None
        self.sd = self.ci_low = self.ci_high = None
        if self.n >= 2:
            ss = float(((x - x.mean()) ** 2).sum())
            self.zero = ss <= ZERO_SS * float((x * x).sum())
            self.sd = 0.0 if self.zero else x.std(ddof=1)
            if self.zero:
                self.ci_low = self.ci_high = self.mean
            else:
                self.ci_low, self.ci_high = t_interval(confidence, self.n - 1, self.mean,
                                                       self.sd / math.sqrt(self.n))


class Test:
    """A gap: value, interval, p-value, as the engine defines them."""

    def __init__(self, value=None, ci_low=None, ci_high=None, p=None, df=None, method="none",
                 n=0):
        self.value, self.ci_low, self.ci_high, self.p, self.df = value, ci_low, ci_high, p, df
        self.method, self.n = method, n
        self.insufficient = False
        self.p_adjusted = None
        self.significant = False


def point_test(value, method, n, df=None):
    return Test(value, value, value, 0.0 if value != 0 else 1.0, df, method, n)


def one_sample(summary, target, confidence):
    if summary.n == 0 or target is None:
        return Test()
    value = summary.mean - target
    if summary.n < 2:
        return Test(value, method="one-sample", n=summary.n)
    if summary.zero:
        return point_test(value, "one-sample", summary.n, summary.n - 1)
    result = stats.ttest_1samp(summary.values, target)
    return Test(value, summary.ci_low - target, summary.ci_high - target, result.pvalue,
                summary.n - 1, "one-sample", summary.n)


def welch(a, b, confidence):
    if a.n == 0 or b.n == 0:
        return Test()
    value = b.mean - a.mean
    n = min(a.n, b.n)
    if a.n < 2 or b.n < 2:
        return Test(value, method="welch", n=n)
    va, vb = a.sd ** 2 / a.n, b.sd ** 2 / b.n
    if va + vb == 0:
        return point_test(value, "welch", n)
    df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1))
    result = stats.ttest_ind(b.values, a.values, equal_var=False)
    half = t_quantile((1 + confidence) / 2, df) * math.sqrt(va + vb)
    return Test(value, value - half, value + half, result.pvalue, df, "welch", n)


def paired(lived, expected, confidence):
    d = Summary(np.asarray(lived) - np.asarray(expected), confidence)
    if d.n < 2:
        return Test(d.mean, method="paired", n=d.n)
    if d.zero:
        return point_test(d.mean, "paired", d.n, d.n - 1)
    result = stats.ttest_rel(lived, expected)
    return Test(d.mean, d.ci_low, d.ci_high, result.pvalue, d.n - 1, "paired", d.n)


def holm(p_values):
    """Holm's step-down adjustment (R's p.adjust(method="holm")); None is not tested."""
    indexed = sorted((p, i) for i, p in enumerate(p_values) if p is not None)
    m = len(indexed)
    adjusted = [None] * len(p_values)
    running = 0.0
    for j, (p, i) in enumerate(indexed):
        running = max(running, min(1.0, (m - j) * p))
        adjusted[i] = running
    return adjusted


def nps_of(scores, confidence):
    n = len(scores)
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    if n == 0:
        return None
    n_adj = n + 3
    p_p, p_d = (promoters + 0.75) / n_adj, (detractors + 0.75) / n_adj
    variance = p_p + p_d - (p_p - p_d) ** 2
    adjusted = 100 * (p_p - p_d)
    se = 100 * math.sqrt(variance / n_adj)
    z = stats.norm.ppf((1 + confidence) / 2)
    return {
        "n": n, "promoters": promoters, "detractors": detractors,
        "passives": n - promoters - detractors,
        "nps": 100 * (promoters - detractors) / n, "adjusted": adjusted, "se": se,
        "ci_low": max(-100, adjusted - z * se), "ci_high": min(100, adjusted + z * se),
    }


def nps_change(before, after, confidence):
    se = math.sqrt(before["se"] ** 2 + after["se"] ** 2)
    diff = after["adjusted"] - before["adjusted"]
    z = diff / se
    q = stats.norm.ppf((1 + confidence) / 2)
    return {"difference": after["nps"] - before["nps"], "z": z,
            "p": 2 * stats.norm.sf(abs(z)), "ci_low": diff - q * se, "ci_high": diff + q * se}


# ------------------------------------------------------------------------------------
# Fixture

WAVES = [("Wave 1", "2025-01-"), ("Wave 2", "2025-06-")]
ATTRIBUTES = ["Accueil", "Écoute client", "Wifi", "Propreté", "Prix"]
TOUCHPOINTS = ["Réception", "Web"]
SCALES = {"Accueil": (1, 5), "Écoute client": (0, 10), "Wifi": (1, 7), "Propreté": (0, 10),
          "Prix": (1, 5)}
EXPERIENCE = {
    # segment: {attribute: (desired, importance, proposed)}
    "Paired": {"Accueil": (8, 5, 7), "Écoute client": (7.5, 4, None), "Wifi": (6, 2, 6.5),
               "Propreté": (9, 3, 8), "Prix": (None, 4, None)},
    "Mixed": {"Accueil": (7, 3, 6), "Écoute client": (8, 5, 5), "Wifi": (5, 1, 5),
              "Propreté": (6, 2, 7)},
    "Tiny": {"Accueil": (5, 3, 5)},
    "Two": {"Accueil": (6, 4, 4), "Écoute client": (6, 2, 8)},
    "Flat": {"Accueil": (7.5, 3, 7.5), "Écoute client": (5, 3, 5), "Wifi": (5, 3, 4)},
    "Silent": {"Accueil": (9, 5, 3), "Wifi": (4, 1, None)},
}
SEGMENTS = list(EXPERIENCE)


class Fixture:
    """Raw scores, written as a workspace by make-fixture."""

    def __init__(self, seed=20250101):
        self.rng = np.random.RandomState(seed)
        self.respondents = {}   # key → (wave, segment, date or None)
        self.measures = []      # (key, attribute, touchpoint or None, dimension, score)
        self.recommendations = {}
        self.serial = 0
        for wave_index, (wave, month) in enumerate(WAVES):
            self.build_wave(wave_index, wave, month)

    def respondent(self, wave, segment, date=True):
        self.serial += 1
        key = f"r{self.serial}"
        month = dict(WAVES)[wave]
        day = self.rng.randint(1, 29)
        if date is True:
            date = f"{month}{day:02d}"
            if self.serial % 7 == 0:
                date += "T18:30:00Z"
        self.respondents[key] = (wave, segment, date)
        self.recommendations[key] = int(self.rng.randint(0, 11)) if self.serial % 5 else 10
        return key

    def score(self, attribute, mean):
        low, high = SCALES[attribute]
        return int(np.clip(round(self.rng.normal(mean, (high - low) / 4)), low, high))

    def measure(self, key, attribute, touchpoint, dimension, score):
        self.measures.append((key, attribute, touchpoint, dimension, score))

    def build_wave(self, w, wave, month):
        # Paired: every respondent gives expected and lived for the same attribute and
        # touchpoint (Écoute client at two touchpoints); Propreté is lived only.
        for i in range(40 if w == 0 else 30):
            key = self.respondent(wave, "Paired", date=(None if (w == 1 and i % 10 == 3) else True))
            self.measure(key, "Accueil", "Réception", "expected", self.score("Accueil", 4))
            self.measure(key, "Accueil", "Réception", "lived", self.score("Accueil", 3 + w))
            for tp in TOUCHPOINTS:
                self.measure(key, "Écoute client", tp, "expected", self.score("Écoute client", 7))
                self.measure(key, "Écoute client", tp, "lived", self.score("Écoute client", 5))
            self.measure(key, "Wifi", None, "expected", self.score("Wifi", 5))
            self.measure(key, "Wifi", None, "lived", self.score("Wifi", 4))
            self.measure(key, "Propreté", "Web", "lived", self.score("Propreté", 8))
        # Mixed: Accueil expected and lived by different people; Écoute some pairs and
        # lived-only answers; Wifi one expected twice at the same touchpoint.
        for i in range(24 if w == 0 else 18):
            key = self.respondent(wave, "Mixed")
            if i % 2:
                self.measure(key, "Accueil", "Réception", "expected", self.score("Accueil", 4))
            else:
                self.measure(key, "Accueil", "Réception", "lived", self.score("Accueil", 3))
            self.measure(key, "Écoute client", "Web", "lived", self.score("Écoute client", 6))
            if i % 3 == 0:
                self.measure(key, "Écoute client", "Web", "expected", self.score("Écoute client", 8))
            self.measure(key, "Wifi", None, "expected", self.score("Wifi", 4))
            if i == 0:
                self.measure(key, "Wifi", None, "expected", self.score("Wifi", 4))
            self.measure(key, "Wifi", None, "lived", self.score("Wifi", 5))
            self.measure(key, "Propreté", "Réception", "expected", self.score("Propreté", 5))
            self.measure(key, "Propreté", "Réception", "lived", self.score("Propreté", 7))
        if w == 0:
            # Tiny: one respondent. Two: two paired, two unpaired. Flat: no variance.
            key = self.respondent(wave, "Tiny")
            self.measure(key, "Accueil", None, "expected", 4)
            self.measure(key, "Accueil", None, "lived", 2)
            for i in range(2):
                key = self.respondent(wave, "Two")
                self.measure(key, "Accueil", "Web", "expected", 3 + i)
                self.measure(key, "Accueil", "Web", "lived", 2 + 2 * i)
                self.measure(key, "Écoute client", None, "expected", 5 + 3 * i)
                other = self.respondent(wave, "Two")
                self.measure(other, "Écoute client", None, "lived", 9 - i)
            for i in range(12):
                key = self.respondent(wave, "Flat")
                self.measure(key, "Accueil", "Web", "expected", 4)      # 7.5 = desired
                self.measure(key, "Accueil", "Web", "lived", 4)
                self.measure(key, "Écoute client", "Web", "expected", 3)
                self.measure(key, "Écoute client", "Web", "lived", 5)    # d = 2 for all
                if i < 6:
                    self.measure(key, "Wifi", None, "expected", 2)      # 10/6: not exact
                else:
                    self.measure(key, "Wifi", None, "lived", 5)

    def text(self):
        lines = []
        lines += [f"segment\t{s}" for s in SEGMENTS]
        lines += [f"attribute\t{a}" for a in ATTRIBUTES]
        lines += [f"touchpoint\t{t}" for t in TOUCHPOINTS]
        for segment, cells in EXPERIENCE.items():
            for attribute, (desired, importance, proposed) in cells.items():
                lines.append("\t".join(["experience", segment, attribute,
                                        "-" if desired is None else repr(desired),
                                        str(importance),
                                        "-" if proposed is None else repr(proposed)]))
        for wave, _ in WAVES:
            lines.append(f"wave\t{wave}")
            keys = [k for k, r in self.respondents.items() if r[0] == wave]
            for key in keys:
                _, segment, date = self.respondents[key]
                lines.append(f"respondent\t{key}\t{segment}\t{date or '-'}")
                for m in self.measures:
                    if m[0] == key:
                        low, high = SCALES[m[1]]
                        lines.append("\t".join(["measure", key, m[1], m[2] or "-", m[3],
                                                str(m[4]), str(low), str(high)]))
                lines.append(f"recommend\t{key}\t{self.recommendations[key]}")
        return "\n".join(lines) + "\n"

    # Reference figures

    def keep(self, key, waves=None, date_from=None, date_to=None):
        wave, _, date = self.respondents[key]
        if waves is not None and wave not in waves:
            return False
        if date_from is not None or date_to is not None:
            if date is None:
                return False
            day = date[:10]
            if date_from is not None and day < date_from:
                return False
            if date_to is not None and day > date_to:
                return False
        return True

    def cell(self, segment, attribute, touchpoint="all", **filters):
        """Normalised expected and lived scores, and the pairs (per respondent and
        touchpoint, their mean lived and mean expected)."""
        values = {"expected": [], "lived": []}
        per_respondent = {}
        for key, a, tp, dimension, score in self.measures:
            if a != attribute or self.respondents[key][1] != segment:
                continue
            if touchpoint != "all" and tp != touchpoint:
                continue
            if not self.keep(key, **filters):
                continue
            low, high = SCALES[a]
            x = 10.0 * (score - low) / (high - low)
            values[dimension].append(x)
            per_respondent.setdefault((key, tp), {"expected": [], "lived": []})[dimension].append(x)
        pairs = [(np.mean(v["lived"]), np.mean(v["expected"]))
                 for v in per_respondent.values() if v["expected"] and v["lived"]]
        return values["expected"], values["lived"], pairs

    def scores(self, segment=None, wave=None, **filters):
        return [s for k, s in self.recommendations.items()
                if (segment is None or self.respondents[k][1] == segment)
                and (wave is None or self.respondents[k][0] == wave) and self.keep(k, **filters)]


def reference_row(fixture, segment, attribute, touchpoint, confidence, min_n, **filters):
    desired, importance, proposed = EXPERIENCE.get(segment, {}).get(attribute, (None, 3, None))
    expected, lived, pairs = fixture.cell(segment, attribute, touchpoint, **filters)
    e, l = Summary(expected, confidence), Summary(lived, confidence)
    row = {"importance": importance, "desired": desired, "proposed": proposed,
           "expected": e, "lived": l, "pairs_n": len(pairs)}
    gaps = {}
    gaps["implementation"] = Test(proposed - desired, method="fixed") \
        if desired is not None and proposed is not None else Test()
    gaps["expectation"] = one_sample(e, desired, confidence)
    if e.n and l.n:
        if len(pairs) == e.n == l.n:
            gaps["perception"] = paired([p[0] for p in pairs], [p[1] for p in pairs], confidence)
        else:
            gaps["perception"] = welch(e, l, confidence)
    else:
        gaps["perception"] = Test()
    gaps["delivery"] = one_sample(l, desired, confidence)
    gaps["execution"] = one_sample(l, proposed, confidence)
    # Only a gap that has a value can be short of data.
    gaps["expectation"].insufficient = e.n < min_n
    gaps["perception"].insufficient = e.n < min_n or l.n < min_n
    gaps["delivery"].insufficient = gaps["execution"].insufficient = l.n < min_n
    for gap in gaps.values():
        gap.insufficient = gap.insufficient and not missing(gap.value)
    row["gaps"] = gaps
    return row


def decide(rows, confidence, use_holm):
    """Significance within the family of @rows (one segment), per gap."""
    for gap in GAPS:
        p = [None if r["gaps"][gap].insufficient or missing(r["gaps"][gap].p)
             else r["gaps"][gap].p for r in rows]
        adjusted = holm(p) if use_holm else p
        for r, q in zip(rows, adjusted):
            r["gaps"][gap].p_adjusted = q
            r["gaps"][gap].significant = q is not None and q < 1 - confidence


# ------------------------------------------------------------------------------------


class GapsTestCase(unittest.TestCase):
    fixture = None
    path = None
    tmp = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ecart-gaps-")
        cls.fixture = Fixture()
        description = os.path.join(cls.tmp.name, "fixture.txt")
        with open(description, "w", encoding="utf-8") as f:
            f.write(cls.fixture.text())
        cls.path = os.path.join(cls.tmp.name, "fixture.ecart")
        subprocess.run([MAKE_FIXTURE, cls.path, description], check=True, env=env())

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def assertClose(self, actual, expected, what):
        if missing(expected):
            self.assertTrue(missing(actual), f"{what}: expected nothing, got {actual}")
            return
        self.assertFalse(missing(actual), f"{what}: expected {expected}, got nothing")
        self.assertLessEqual(abs(actual - expected), TOLERANCE * max(1.0, abs(expected)),
                             f"{what}: {actual} != {expected}")

    def check_csv_rows(self, rows, confidence=0.95, min_n=10, use_holm=True, by_touchpoint=False,
                       **filters):
        by_segment = {}
        for r in rows:
            tp = (r["touchpoint"] or None) if by_touchpoint else "all"
            ref = reference_row(self.fixture, r["segment"], r["attribute"], tp, confidence,
                                min_n, **filters)
            by_segment.setdefault(r["segment"], []).append((r, ref))
        checked = 0
        for segment, pairs in by_segment.items():
            decide([ref for _, ref in pairs], confidence, use_holm)
            for r, ref in pairs:
                what = f"{segment} × {r['attribute']} × {r['touchpoint']}"
                self.assertEqual(int(r["importance"]), ref["importance"], what)
                self.assertClose(number(r["desired"]), ref["desired"], what + " desired")
                self.assertClose(number(r["proposed"]), ref["proposed"], what + " proposed")
                for dim in ("expected", "lived"):
                    s = ref[dim]
                    self.assertEqual(int(r[f"{dim}_n"]), s.n, f"{what} {dim}_n")
                    for field in ("mean", "sd", "ci_low", "ci_high"):
                        self.assertClose(number(r[f"{dim}_{field}"]), getattr(s, field),
                                         f"{what} {dim}_{field}")
                    self.assertEqual(r[f"{dim}_insufficient"], "1" if s.n < min_n else "0")
                self.assertEqual(int(r["pairs_n"]), ref["pairs_n"], what + " pairs")
                self.assertEqual(r["perception_gap_method"], ref["gaps"]["perception"].method,
                                 what + " method")
                for gap in GAPS:
                    t = ref["gaps"][gap]
                    self.assertClose(number(r[f"{gap}_gap"]), t.value, f"{what} {gap}")
                    if gap == "implementation":
                        continue
                    self.assertClose(number(r[f"{gap}_gap_ci_low"]), t.ci_low, f"{what} {gap} low")
                    self.assertClose(number(r[f"{gap}_gap_ci_high"]), t.ci_high, f"{what} {gap} high")
                    self.assertClose(number(r[f"{gap}_gap_p"]), t.p, f"{what} {gap} p")
                    self.assertClose(number(r[f"{gap}_gap_df"]), t.df, f"{what} {gap} df")
                    self.assertClose(number(r[f"{gap}_gap_p_adjusted"]), t.p_adjusted,
                                     f"{what} {gap} p adjusted")
                    self.assertEqual(r[f"{gap}_gap_significant"], "1" if t.significant else "0",
                                     f"{what} {gap} significant")
                    self.assertEqual(r[f"{gap}_gap_insufficient"], "1" if t.insufficient else "0",
                                     f"{what} {gap} insufficient")
                    checked += 1
        return checked

    def gaps_csv(self, *args, **env_changes):
        header, rows = read_csv(run("gaps", self.path, "--format", "csv", *args,
                                    **env_changes).stdout)
        self.assertEqual(header[:len(REQUIRED_COLUMNS)], REQUIRED_COLUMNS)
        return rows


class Figures(GapsTestCase):
    def test_default(self):
        rows = self.gaps_csv()
        self.assertEqual(len(rows), len(SEGMENTS) * len(ATTRIBUTES))
        self.assertTrue(all(r["touchpoint"] == "" for r in rows))
        self.assertEqual([r["segment"] for r in rows[::len(ATTRIBUTES)]], SEGMENTS)
        self.assertGreater(self.check_csv_rows(rows), 50)

    def test_designs(self):
        """Each edge of the fixture is what it is meant to be."""
        rows = {(r["segment"], r["attribute"]): r for r in self.gaps_csv()}
        method = lambda s, a: rows[(s, a)]["perception_gap_method"]
        self.assertEqual(method("Paired", "Accueil"), "paired")
        self.assertEqual(method("Paired", "Écoute client"), "paired")   # two touchpoints
        self.assertEqual(method("Mixed", "Accueil"), "welch")           # no pair at all
        self.assertEqual(method("Mixed", "Écoute client"), "welch")     # some pairs
        self.assertEqual(method("Mixed", "Wifi"), "welch")              # expected twice
        self.assertEqual(method("Paired", "Propreté"), "none")          # lived only
        self.assertEqual(method("Silent", "Accueil"), "none")
        # n = 1: a mean, nothing else.
        tiny = rows[("Tiny", "Accueil")]
        self.assertEqual(tiny["lived_n"], "1")
        self.assertEqual(tiny["lived_sd"], "")
        self.assertEqual(tiny["delivery_gap"], "-2.5")
        self.assertEqual(tiny["delivery_gap_ci_low"], "")
        # Zero variance: intervals of width 0; p 1 for a gap of 0, p 0 otherwise.
        flat = rows[("Flat", "Accueil")]
        self.assertEqual(flat["expected_sd"], "0")
        self.assertEqual(flat["expected_ci_low"], flat["expected_mean"])
        self.assertEqual(flat["expectation_gap"], "0")
        self.assertEqual(flat["expectation_gap_p"], "1")
        self.assertEqual(flat["expectation_gap_significant"], "0")
        self.assertEqual(rows[("Flat", "Écoute client")]["perception_gap_p"], "0")
        self.assertEqual(rows[("Flat", "Écoute client")]["perception_gap_significant"], "1")
        self.assertEqual(rows[("Flat", "Wifi")]["expected_sd"], "0")
        self.assertEqual(rows[("Flat", "Wifi")]["perception_gap_df"], "")
        # Not set: no implementation gap; importance kept.
        self.assertEqual(rows[("Paired", "Prix")]["implementation_gap"], "")
        self.assertEqual(rows[("Paired", "Prix")]["importance"], "4")
        self.assertEqual(rows[("Paired", "Écoute client")]["execution_gap"], "")
        # A segment with no measurement: workshop values only.
        silent = rows[("Silent", "Accueil")]
        self.assertEqual((silent["implementation_gap"], silent["lived_n"], silent["lived_mean"]),
                         ("-6", "0", ""))

    def test_by_touchpoint(self):
        rows = self.gaps_csv("--by-touchpoint")
        self.assertIn(("Paired", "Écoute client", "Réception"),
                      [(r["segment"], r["attribute"], r["touchpoint"]) for r in rows])
        self.assertIn(("Paired", "Wifi", ""),
                      [(r["segment"], r["attribute"], r["touchpoint"]) for r in rows])
        self.assertTrue(all(int(r["expected_n"]) + int(r["lived_n"]) > 0 for r in rows))
        self.assertGreater(self.check_csv_rows(rows, by_touchpoint=True), 30)

    def test_touchpoint_filter(self):
        rows = self.gaps_csv("--touchpoint", "web")
        for r in rows:
            ref = reference_row(self.fixture, r["segment"], r["attribute"], "Web", 0.95, 10)
            self.assertEqual(int(r["lived_n"]), ref["lived"].n)
            self.assertClose(number(r["lived_mean"]), ref["lived"].mean, r["attribute"])

    def test_parameters(self):
        rows = self.gaps_csv("--confidence", "0.9", "--min-n", "3", "--no-holm")
        self.check_csv_rows(rows, confidence=0.9, min_n=3, use_holm=False)
        rows = self.gaps_csv("--confidence", "0.99", "--min-n", "25")
        self.check_csv_rows(rows, confidence=0.99, min_n=25)

    def test_waves(self):
        rows = self.gaps_csv("--wave", "Wave 2", "--segment", "Paired", "--segment", "mixed")
        self.assertEqual({r["segment"] for r in rows}, {"Paired", "Mixed"})
        self.check_csv_rows(rows, waves=["Wave 2"])

    def test_date_range(self):
        """A range through both waves: read from the rows; undated respondents left out, the
        last day counted whole."""
        rows = self.gaps_csv("--from", "2025-01-10", "--to", "2025-06-15")
        self.check_csv_rows(rows, date_from="2025-01-10", date_to="2025-06-15")
        rows = self.gaps_csv("--from", "2025-06-01", "--by-touchpoint")
        self.check_csv_rows(rows, by_touchpoint=True, date_from="2025-06-01")
        # Covering everything but the undated: Wave 1 whole (aggregates), Wave 2 cut.
        rows = self.gaps_csv("--from", "2024-01-01", "--to", "2025-12-31")
        self.check_csv_rows(rows, date_from="2024-01-01", date_to="2025-12-31")

    def test_json_matches(self):
        data = json.loads(run("gaps", self.path, "--format", "json").stdout)
        rows = self.gaps_csv()
        self.assertEqual(data["confidence"], 0.95)
        self.assertEqual([w["name"] for w in data["waves"]], ["Wave 1", "Wave 2"])
        flat = [(s["name"], r) for s in data["segments"] for r in s["rows"]]
        self.assertEqual(len(flat), len(rows))
        for (segment, j), c in zip(flat, rows):
            self.assertEqual((segment, j["attribute"]), (c["segment"], c["attribute"]))
            self.assertIsNone(j["touchpoint"])
            for dim in ("expected", "lived"):
                for field in ("mean", "sd", "ci_low", "ci_high"):
                    self.assertEqual(j[dim][field], number(c[f"{dim}_{field}"]))
            for gap in GAPS:
                self.assertEqual(j["gaps"][gap]["value"], number(c[f"{gap}_gap"]))
                self.assertEqual(j["gaps"][gap]["p"], number(c.get(f"{gap}_gap_p", "")))
                self.assertEqual(j["gaps"][gap]["significant"],
                                 c.get(f"{gap}_gap_significant", "0") == "1")
            self.assertEqual(j["gaps"]["implementation"]["ci_low"], None)
            self.assertFalse(j["gaps"]["implementation"]["significant"])

    def test_indices_quadrants_nps(self):
        data = json.loads(run("gaps", self.path, "--format", "json").stdout)
        for segment in data["segments"]:
            name = segment["name"]
            refs = [reference_row(self.fixture, name, a, "all", 0.95, 10) for a in ATTRIBUTES]
            for gap in GAPS:
                pairs = [(r["importance"], r["gaps"][gap].value) for r in refs
                         if not missing(r["gaps"][gap].value)]
                expected = (sum(w * g for w, g in pairs) / sum(w for w, _ in pairs)) if pairs else None
                self.assertClose(segment["indices"][gap], expected, f"{name} {gap} index")
            measured = [r for r in refs if r["lived"].n]
            quadrants = {q["attribute"]: q["quadrant"] for q in segment["quadrants"]["attributes"]}
            if not measured:
                self.assertIsNone(segment["quadrants"]["importance_mean"])
                self.assertTrue(all(q == "none" for q in quadrants.values()))
            else:
                x = sum(r["importance"] for r in measured) / len(measured)
                y = sum(r["lived"].mean for r in measured) / len(measured)
                self.assertClose(segment["quadrants"]["importance_mean"], x, name)
                self.assertClose(segment["quadrants"]["lived_mean"], y, name)
                for attribute, r in zip(ATTRIBUTES, refs):
                    if not r["lived"].n:
                        self.assertEqual(quadrants[attribute], "none")
                        continue
                    high_x, high_y = r["importance"] >= x, r["lived"].mean >= y
                    self.assertEqual(quadrants[attribute],
                                     {(True, False): "concentrate-here",
                                      (True, True): "keep-up-the-good-work",
                                      (False, False): "low-priority",
                                      (False, True): "possible-overkill"}[(high_x, high_y)],
                                     f"{name} × {attribute}")
            ref = nps_of(self.fixture.scores(name), 0.95)
            if ref is None:
                self.assertEqual(segment["nps"]["n"], 0)
                self.assertIsNone(segment["nps"]["nps"])
                continue
            for key in ("nps", "ci_low", "ci_high"):
                self.assertClose(segment["nps"][key], ref[key], f"{name} NPS {key}")
            self.assertClose(segment["nps"]["adjusted_nps"], ref["adjusted"], name)


class Recommendation(GapsTestCase):
    def test_by_segment_wave(self):
        header, rows = read_csv(run("nps", self.path, "--by", "segment,wave", "--format", "csv",
                                    "--confidence", "0.9").stdout)
        self.assertEqual(header[:12], ["segment", "wave", "n", "promoters", "passives",
                                       "detractors", "promoters_pct", "passives_pct",
                                       "detractors_pct", "nps", "nps_ci_low", "nps_ci_high"])
        self.assertEqual(len(rows), len(SEGMENTS) * (len(WAVES) + 1))
        for r in rows:
            ref = nps_of(self.fixture.scores(r["segment"], r["wave"] or None), 0.9)
            what = f"{r['segment']} {r['wave']}"
            if ref is None:
                self.assertEqual((r["n"], r["nps"]), ("0", ""))
                continue
            self.assertEqual(int(r["n"]), ref["n"])
            self.assertEqual(int(r["promoters"]), ref["promoters"])
            self.assertEqual(int(r["detractors"]), ref["detractors"])
            self.assertClose(number(r["nps"]), ref["nps"], what)
            self.assertClose(number(r["nps_ci_low"]), ref["ci_low"], what)
            self.assertClose(number(r["nps_ci_high"]), ref["ci_high"], what)
            if r["wave"] == "Wave 2":
                before = nps_of(self.fixture.scores(r["segment"], "Wave 1"), 0.9)
                if before is None:
                    self.assertEqual(r["change"], "")
                    continue
                change = nps_change(before, ref, 0.9)
                self.assertClose(number(r["change"]), change["difference"], what)
                self.assertClose(number(r["change_p"]), change["p"], what)
                self.assertClose(number(r["change_ci_low"]), change["ci_low"], what)
                self.assertClose(number(r["change_ci_high"]), change["ci_high"], what)
                significant = change["p"] < 0.1 and ref["n"] >= 10 and before["n"] >= 10
                self.assertEqual(r["change_significant"], "1" if significant else "0", what)
            else:
                self.assertEqual(r["change"], "")

    def test_groupings(self):
        _, by_wave = read_csv(run("nps", self.path, "--by", "wave", "--format", "csv").stdout)
        self.assertEqual([(r["segment"], r["wave"]) for r in by_wave],
                         [("", "Wave 1"), ("", "Wave 2"), ("", "")])
        self.assertClose(number(by_wave[2]["nps"]), nps_of(self.fixture.scores(), 0.95)["nps"], "all")
        _, by_segment = read_csv(run("nps", self.path, "--format", "csv").stdout)
        self.assertEqual([r["segment"] for r in by_segment], SEGMENTS + [""])
        data = json.loads(run("nps", self.path, "--format", "json", "--by", "wave").stdout)
        self.assertEqual(len(data["groups"]), 3)
        self.assertIsNone(data["groups"][0]["change"])
        self.assertIsNotNone(data["groups"][1]["change"])


class Trends(GapsTestCase):
    def test_csv(self):
        _, rows = read_csv(run("trends", self.path, "--format", "csv").stdout)
        self.assertEqual(len(rows), len(SEGMENTS) * len(ATTRIBUTES) * 2 * len(WAVES))
        previous = {}
        for r in rows:
            expected, lived, _ = self.fixture.cell(r["segment"], r["attribute"], "all",
                                                   waves=[r["wave"]])
            s = Summary(expected if r["dimension"] == "expected" else lived, 0.95)
            what = f"{r['segment']} {r['attribute']} {r['dimension']} {r['wave']}"
            self.assertEqual(int(r["n"]), s.n, what)
            for field in ("mean", "sd", "ci_low", "ci_high"):
                self.assertClose(number(r[field]), getattr(s, field), what + " " + field)
            key = (r["segment"], r["attribute"], r["dimension"])
            if key in previous:
                t = welch(previous[key], s, 0.95)
                self.assertClose(number(r["change"]), t.value, what)
                self.assertClose(number(r["change_ci_low"]), t.ci_low, what)
                self.assertClose(number(r["change_p"]), t.p, what)
                self.assertClose(number(r["change_df"]), t.df, what)
                significant = (not missing(t.p) and t.p < 0.05 and s.n >= 10
                               and previous[key].n >= 10)
                self.assertEqual(r["change_significant"], "1" if significant else "0", what)
            else:
                self.assertEqual(r["change"], "")
            previous[key] = s

    def test_table(self):
        out = run("trends", self.path, "--segment", "Paired").stdout
        self.assertIn("Wave 1", out)
        self.assertIn("Écoute client", out)
        self.assertIn("Welch", out)


class Formats(GapsTestCase):
    def test_locale(self):
        """The same CSV and JSON bytes in French; the table uses the decimal comma."""
        for command in (["gaps", "--format", "csv"], ["gaps", "--format", "json"],
                        ["nps", "--format", "csv"], ["trends", "--format", "csv"]):
            c = run(command[0], self.path, *command[1:]).stdout
            fr = run(command[0], self.path, *command[1:], LC_ALL="fr_FR.UTF-8").stdout
            self.assertEqual(c, fr, command)
        table = run("gaps", self.path, "--segment", "Paired", LC_ALL="fr_FR.UTF-8").stdout
        self.assertRegex(table, r"\d,\d")

    def test_table(self):
        out = run("gaps", self.path).stdout
        lines = out.splitlines()
        self.assertIn("significant at the 95 % level", out)
        self.assertIn("Holm", out)
        self.assertIn("insufficient data (fewer than 10", out)
        self.assertRegex(out, r"[-+]\d+\.\d\*")   # a significant gap
        self.assertRegex(out, r"[-+]\d+\.\d\?")   # an insufficient one
        # Columns line up by display width, accents included: in each segment's block the
        # header and every row end their "Imp." column at the same place.
        for segment in SEGMENTS:
            start = lines.index(segment) + 1
            block = []
            for line in lines[start:]:
                if not line or line.startswith("Recommendation"):
                    break
                block.append(line)
            header = block[0]
            edge = display_width(header[:header.index("Imp.") + 4])
            for line in block[1:-1]:
                prefix = cut_display(line, edge)
                self.assertRegex(prefix, r"\d$", f"{segment}: {line}")
                self.assertEqual(cut_display(line, edge + 1)[-1:], " ")
        no_holm = run("gaps", self.path, "--no-holm").stdout
        self.assertIn("no correction", no_holm)

    def test_csv_text_cells(self):
        """RFC 4180 quoting, and no formula a spreadsheet would run (R15)."""
        with tempfile.TemporaryDirectory() as tmp:
            description = os.path.join(tmp, "names.txt")
            path = os.path.join(tmp, "names.ecart")
            names = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "Room, \"deluxe\""]
            with open(description, "w", encoding="utf-8") as f:
                f.write("segment\t=cmd|' /C calc'!A0\nsegment\tNormal\n")
                for name in names:
                    f.write(f"attribute\t{name}\n")
                f.write("touchpoint\t@web\n")
                f.write("wave\tW\nrespondent\ta\tNormal\t2025-01-01\n")
                f.write("measure\ta\t+1\t@web\tlived\t3\t1\t5\n")
            subprocess.run([MAKE_FIXTURE, path, description], check=True, env=env())
            text = run("gaps", path, "--format", "csv", "--by-touchpoint").stdout
            _, rows = read_csv(text)
            for r in rows:
                for column in ("segment", "attribute", "touchpoint"):
                    self.assertFalse(r[column][:1] in ("=", "+", "-", "@", "\t", "\r"), r[column])
            self.assertEqual(rows[0]["attribute"], "'+1")
            self.assertEqual(rows[0]["touchpoint"], "'@web")
            _, rows = read_csv(run("gaps", path, "--format", "csv").stdout)
            self.assertEqual(rows[0]["segment"], "'=cmd|' /C calc'!A0")
            self.assertIn("Room, \"deluxe\"", [r["attribute"] for r in rows])
            self.assertIn("\"Room, \"\"deluxe\"\"\"", run("gaps", path, "--format", "csv").stdout)
            data = json.loads(run("gaps", path, "--format", "json").stdout)
            self.assertEqual(data["segments"][0]["name"], "=cmd|' /C calc'!A0")
            self.assertEqual(data["segments"][0]["rows"][0]["attribute"],
                             "=HYPERLINK(\"http://x\")")


class Usage(GapsTestCase):
    def assertStatus(self, args, status, *words):
        result = run(*args, check=False)
        self.assertEqual(result.returncode, status, f"{args}: {result.stderr}")
        for word in words:
            self.assertIn(word, result.stderr)
        self.assertEqual(result.stdout, "")

    def test_unknown_names(self):
        self.assertStatus(["gaps", self.path, "--segment", "Nobody"], 2, "Nobody", self.path)
        self.assertStatus(["gaps", self.path, "--wave", "Wave 9"], 2, "Wave 9")
        self.assertStatus(["gaps", self.path, "--touchpoint", "Moon"], 2, "Moon")
        self.assertStatus(["trends", self.path, "--segment", "Nobody"], 2, "Nobody")
        self.assertStatus(["nps", self.path, "--wave", "Nope"], 2, "Nope")

    def test_bad_values(self):
        for args, words in ((["--confidence", "0.5"], ["0.5"]),
                            (["--confidence", "0.995"], ["0.995"]),
                            (["--confidence", "95%"], ["95%"]),
                            (["--min-n", "0"], ["at least 1"]),
                            (["--min-n", "ten"], ["ten"]),
                            (["--format", "xml"], ["xml"]),
                            (["--from", "2025-13-01"], ["2025-13-01"]),
                            (["--from", "2025-06-01", "--to", "2025-01-01"], ["2025-06-01"]),
                            (["--bogus"], ["bogus"])):
            self.assertStatus(["gaps", self.path, *args], 1, *words)
        self.assertStatus(["nps", self.path, "--by", "month"], 1, "month")
        self.assertStatus(["gaps"], 1)
        self.assertStatus(["gaps", self.path, "extra"], 1)

    def test_bad_file(self):
        self.assertStatus(["gaps", os.path.join(self.tmp.name, "missing.ecart")], 2, "missing.ecart")
        # Bad usage is found before the file is opened.
        self.assertStatus(["gaps", os.path.join(self.tmp.name, "missing.ecart"), "--format", "x"], 1)

    def test_help(self):
        for command in ("gaps", "nps", "trends"):
            result = run(command, "--help")
            self.assertIn("--format", result.stdout)
        self.assertIn("gaps", run("--help").stdout)


class Empty(unittest.TestCase):
    """Workspaces with nothing measured yet: every command answers, nothing is computed."""

    def test_no_waves(self):
        with tempfile.TemporaryDirectory() as tmp:
            hotel = os.path.join(tmp, "hotel.ecart")
            blank = os.path.join(tmp, "blank.ecart")
            run("new", hotel, "--template", "hotel", "--lang", "en")
            run("new", blank)
            _, rows = read_csv(run("gaps", hotel, "--format", "csv").stdout)
            self.assertEqual(len(rows), 3 * 13)
            attention = next(r for r in rows if r["segment"] == "Honeymoon couples"
                             and r["attribute"] == "Personal attention")
            self.assertEqual(attention["implementation_gap"], "-5")
            self.assertEqual((attention["lived_n"], attention["lived_mean"]), ("0", ""))
            data = json.loads(run("gaps", hotel, "--format", "json").stdout)
            self.assertEqual(data["waves"], [])
            self.assertIsNone(data["nps"]["nps"])
            self.assertIn("Nothing was measured", run("trends", hotel).stdout)
            self.assertEqual(read_csv(run("trends", hotel, "--format", "csv").stdout)[1], [])
            self.assertIn("no segments", run("gaps", blank).stdout)
            groups = json.loads(run("nps", blank, "--format", "json").stdout)["groups"]
            self.assertEqual([(g["segment"], g["wave"], g["nps"]["n"]) for g in groups],
                             [(None, None, 0)])


class Quantiles(GapsTestCase):
    def test_reference(self):
        """The reference quantile, and the engine's, against mpmath at 40 digits: the Welch
        intervals of the trends (fractional degrees of freedom) are the check."""
        try:
            import mpmath
        except ImportError:
            self.skipTest("mpmath is not installed")
        mpmath.mp.dps = 40

        def exact(p, df):
            start = mpmath.mpf(stats.t.ppf(p, df))
            df = mpmath.mpf(df)
            tail = lambda t: mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, df / (df + t * t),
                                            regularized=True) / 2 - (1 - mpmath.mpf(p))
            return float(mpmath.findroot(tail, start))

        for df in (3, 10.3, 33.2, 50.5, 1000.2):
            for p in (0.95, 0.975, 0.995):
                self.assertClose(t_quantile(p, df), exact(p, df), f"t({p}, {df})")

        _, rows = read_csv(run("trends", self.path, "--format", "csv", "--confidence", "0.9").stdout)
        checked = 0
        previous = {}
        for r in rows:
            key = (r["segment"], r["attribute"], r["dimension"])
            before, previous[key] = previous.get(key), r
            if r["change_df"] == "":
                continue
            se = math.sqrt(sum(number(x["sd"]) ** 2 / int(x["n"]) for x in (before, r)))
            half = number(r["change"]) - number(r["change_ci_low"])
            self.assertClose(half, exact(0.95, number(r["change_df"])) * se, "engine quantile")
            checked += 1
        self.assertGreater(checked, 10)


class Demo(unittest.TestCase):
    """The demo's story, in the numbers."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ecart-demo-")
        cls.path = os.path.join(cls.tmp.name, "demo.ecart")
        run("demo", cls.path, "--lang", "en")
        cls.gaps = json.loads(run("gaps", cls.path, "--format", "json").stdout)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def row(self, segment, attribute):
        s = next(s for s in self.gaps["segments"] if s["name"] == segment)
        return next(r for r in s["rows"] if r["attribute"] == attribute)

    def test_promise_not_built(self):
        gap = self.row("Honeymoon couples", "Personal attention")["gaps"]["implementation"]
        self.assertLessEqual(gap["value"], -4)

    def test_oversold_expectation(self):
        gap = self.row("Families", "Spa and lagoon activities")["gaps"]["expectation"]
        self.assertGreater(gap["value"], 1.5)
        self.assertTrue(gap["significant"])
        self.assertGreater(gap["ci_low"], 0)

    def test_check_in_fixed(self):
        data = json.loads(run("trends", self.path, "--segment", "Business travellers",
                              "--format", "json").stdout)
        attribute = next(a for a in data["segments"][0]["attributes"]
                         if a["name"] == "Fast check-in and check-out")
        lived = attribute["lived"]
        self.assertEqual(len(lived), 3)
        self.assertGreater(lived[2]["summary"]["mean"] - lived[0]["summary"]["mean"], 2.5)
        self.assertGreater(lived[2]["since_first"]["value"], 2.5)
        self.assertTrue(lived[2]["since_first"]["significant"])
        self.assertTrue(lived[2]["change"]["significant"])

    def test_business_recommend_more(self):
        _, rows = read_csv(run("nps", self.path, "--by", "segment,wave", "--format", "csv").stdout)
        business = [r for r in rows if r["segment"] == "Business travellers" and r["wave"]]
        self.assertEqual(len(business), 3)
        self.assertGreater(number(business[2]["change"]), 0)
        self.assertEqual(business[2]["change_significant"], "1")

    def test_french(self):
        path = os.path.join(self.tmp.name, "demo-fr.ecart")
        run("demo", path, "--lang", "fr")
        fr = json.loads(run("gaps", path, "--format", "json").stdout)
        self.assertEqual(fr["segments"][0]["rows"][0]["lived"],
                         self.gaps["segments"][0]["rows"][0]["lived"])


def display_width(text):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF"
               else 1 for c in text)


def cut_display(text, width):
    """The longest prefix of @text no wider than @width."""
    out = ""
    for c in text:
        if display_width(out + c) > width:
            break
        out += c
    return out


if __name__ == "__main__":
    if not CLI or not MAKE_FIXTURE:
        raise SystemExit("ECART_CLI and ECART_MAKE_FIXTURE must name the programs")
    unittest.main(verbosity=2)
