#!/usr/bin/env python3
"""Times `prefer report` against the Python pipeline a lead would write, side by side, in one run.

1. 300,000 labels from 50 raters over 100,000 tasks (~340 MB task file): `prefer report
   --bootstrap 0` versus benchmarks/report/python_pipeline.py (orjson, pandas, krippendorff,
   statsmodels, scikit-learn), wall time and peak memory of each process, and their alpha,
   Fleiss' kappa and percent agreement compared to 1e-9.
2. The default run (1000 bootstrap resamples) on the same data.
3. 3,000,000 labels over 1,000,000 tasks (~3.4 GB task file): `prefer report --bootstrap 0`.

Each command runs --rounds times (default 3); best and median are reported. Data is generated
into benchmarks/data/ (git-ignored) on first use; the 1M set needs ~4.3 GB of disk.

    swift build -c release
    python3 benchmarks/report/run.py [--skip-large] [--rounds 3]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "benchmarks", "data")


def ensure(folder, tasks):
    if not os.path.exists(os.path.join(folder, "gold.jsonl")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_data.py"), "--tasks", str(tasks),
                        "--out", folder], check=True)


def measure(argv, rounds):
    """Runs argv `rounds` times; returns (walls, peaks in MiB, stdout of the last run)."""
    walls, peaks, output = [], [], b""
    for _ in range(rounds):
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            child = subprocess.Popen(argv, stdout=out, stderr=err)
            _, status, usage = os.wait4(child.pid, 0)
            walls.append(time.perf_counter() - start)
            child.returncode = os.waitstatus_to_exitcode(status)
            peaks.append(usage.ru_maxrss / 1024)
            out.seek(0)
            err.seek(0)
            output = out.read()
            if child.returncode != 0:
                sys.exit(f"{' '.join(argv)} failed ({child.returncode}): {err.read().decode(errors='replace')}")
    return walls, peaks, output


def row(name, walls, peaks):
    return (f"| {name} | {min(walls):.3f} s | {statistics.median(walls):.3f} s | "
            f"{min(peaks):.0f} MiB | {statistics.median(peaks):.0f} MiB |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefer", default=os.path.join(ROOT, ".build", "release", "prefer"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-large", action="store_true", help="skip the 3,000,000-label set")
    args = parser.parse_args()

    small = os.path.join(DATA, "report-100k")
    ensure(small, 100_000)
    def prefer_argv(folder, *extra):
        return [args.prefer, "report", os.path.join(folder, "sessions"), "--tasks", os.path.join(folder, "tasks.jsonl"),
                "--gold", os.path.join(folder, "gold.jsonl"), "--format", "json", *extra]

    lines = ["| run | best | median | peak RSS (best) | peak RSS (median) |", "| --- | ---: | ---: | ---: | ---: |"]
    walls, peaks, out = measure(prefer_argv(small, "--bootstrap", "0"), args.rounds)
    lines.append(row("prefer report --bootstrap 0, 300k labels", walls, peaks))
    ours = json.loads(out)
    prefer_best, prefer_peak = min(walls), statistics.median(peaks)

    try:
        import krippendorff, orjson, pandas, sklearn, statsmodels  # noqa: F401
        have_python = True
    except ImportError as missing:
        have_python = False
        lines.append(f"| Python pipeline | skipped: {missing} | | | |")
    if have_python:
        walls, peaks, out = measure([sys.executable, os.path.join(HERE, "python_pipeline.py"), small], args.rounds)
        lines.append(row("Python pipeline (orjson, pandas, krippendorff, statsmodels, scikit-learn), 300k", walls, peaks))
        theirs = json.loads(out)
        python_best, python_peak = min(walls), statistics.median(peaks)

    walls, peaks, _ = measure(prefer_argv(small), args.rounds)
    lines.append(row("prefer report (1000 bootstrap resamples), 300k labels", walls, peaks))

    if not args.skip_large:
        large = os.path.join(DATA, "report-1m")
        ensure(large, 1_000_000)
        walls, peaks, _ = measure(prefer_argv(large, "--bootstrap", "0"), args.rounds)
        lines.append(row("prefer report --bootstrap 0, 3M labels, 3.4 GB task file", walls, peaks))

    print("\n".join(lines))
    if have_python:
        print(f"\nspeed-up (best): {python_best / prefer_best:.1f}x; "
              f"memory (median peak): {prefer_peak / python_peak:.3f} of Python's")
        a = ours["agreement"]
        pairs = [("krippendorff_alpha_nominal", a["krippendorff_alpha"]["nominal"]),
                 ("fleiss_kappa", a["fleiss_kappa"]), ("percent_agreement", a["percent_agreement"])]
        for key, value in pairs:
            difference = abs(value - theirs[key])
            print(f"{key}: prefer {value!r}, Python {theirs[key]!r}, |difference| {difference:.2e} "
                  f"{'ok' if difference <= 1e-9 else 'MISMATCH'}")


if __name__ == "__main__":
    main()
