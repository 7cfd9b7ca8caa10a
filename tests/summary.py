#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints "N passed, N failed" from meson's test logs (testlog.json, one JSON object a line).

Exit status 1 when a test failed or when a log is missing."""

import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def main(paths):
    passed = failed = skipped = 0
    failures = []
    missing = False
    for path in paths:
        try:
            with open(path, encoding="utf-8") as log:
                for line in log:
                    line = line.strip()
                    if not line:
                        continue
                    entry = json.loads(line)
                    result = entry.get("result", "")
                    if result in PASSED:
                        passed += 1
                    elif result in SKIPPED:
                        skipped += 1
                    else:
                        failed += 1
                        failures.append(f"{entry.get('name')} ({result})")
        except FileNotFoundError:
            print(f"summary: no test log at {path}", file=sys.stderr)
            missing = True
    for name in failures:
        print(f"FAILED: {name}")
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
