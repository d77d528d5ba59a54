#!/usr/bin/env python3
"""When to switch from prefer to DuckDB or Spark: the same job on 300k and 3M labels, timed.

The job: effective labels, per-pair win counts and per-rater label counts from the session
folders of two simulated hosts (benchmarks/report/generate_data.py's sets, split by
scale/hosts.py). Each tool does it its own way:

  prefer report   `prefer report HOSTS… --tasks T --bootstrap 0 --format json` (counts, and the
                  whole report besides: agreement, per-rater diagnostics, ratings)
  prefer export   `prefer export HOSTS… --tasks T --format labels -o /dev/null` (effective labels,
                  each row with its prompt and responses: 1 GB at 300k, 10 GB at 3M, so not to disk)
  DuckDB          `python3 scale/duckdb_recipe.py --out DIR` (all threads, its default memory limit)
  Spark local     `python3 scale/spark_recipe.py --out DIR` (local[*], --driver-memory, JVM start
                  included; peak = the Python launcher's plus the JVM's own VmHWM)

Each command runs under /usr/bin/time -v (wall time, maximum resident set size; DuckDB runs
inside its Python launcher, Spark's JVM is added from its own /proc peak);
rounds are interleaved (every tool once, then again) so that drift on a shared machine hits
all of them alike; best and median are shown. Data goes to benchmarks/data/ (git-ignored):
the 3M set needs about 4.5 GB and ~5 minutes to generate.

    swift build -c release --product prefer
    python3 benchmarks/scale/run.py [--rounds 3] [--rounds-3m 2] [--sizes 300k,3m] [--spark-memory 8g]
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "benchmarks", "data")
sys.path.insert(0, os.path.join(ROOT, "scale"))

import hosts  # noqa: E402

SIZES = {"300k": ("report-100k", 100_000), "3m": ("report-1m", 1_000_000)}


def ensure(size):
    folder, tasks = SIZES[size]
    source = os.path.join(DATA, folder)
    if not os.path.exists(os.path.join(source, "gold.jsonl")):
        subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "report", "generate_data.py"),
                        "--tasks", str(tasks), "--out", source], check=True)
    split = os.path.join(DATA, f"scale-bench-{size}-hosts")
    folders = hosts.split(os.path.join(source, "sessions"), split)
    return folders, os.path.join(split, "host*", "sessions"), os.path.join(source, "tasks.jsonl")


def timed(argv):
    """(wall seconds, peak RSS MiB) of one run under /usr/bin/time -v; exits on failure.

    For the Spark recipe the peak is the launcher's plus its JVM's (which the recipe reports
    itself with --jvm-peak: time -v cannot see a child that is never waited for)."""
    with tempfile.NamedTemporaryFile("w+") as report, tempfile.TemporaryFile() as err:
        status = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, *argv],
                                stdout=subprocess.DEVNULL, stderr=err).returncode
        text = open(report.name).read()
        err.seek(0)
        said = err.read().decode(errors="replace")
        if status != 0:
            sys.exit(f"{' '.join(argv)} failed ({status}):\n{said[-3000:]}")
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in clock.split(":"):
        seconds = seconds * 60 + float(part)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    jvm = re.search(r"JVM peak RSS: (\d+) kB", said)
    if jvm:
        peak += int(jvm.group(1))
    return seconds, peak / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefer", default=os.path.join(ROOT, ".build", "release", "prefer"))
    parser.add_argument("--rounds", type=int, default=3, help="rounds on the 300k set (default 3)")
    parser.add_argument("--rounds-3m", type=int, default=2, help="rounds on the 3M set (default 2)")
    parser.add_argument("--sizes", default="300k,3m")
    parser.add_argument("--spark-memory", default="8g", help="spark.driver.memory (default 8g)")
    args = parser.parse_args()
    if not os.access(args.prefer, os.X_OK):
        sys.exit(f"{args.prefer}: not built; run swift build -c release --product prefer")

    out = tempfile.mkdtemp(prefix="prefer-scale-bench-")
    lines = ["| labels | tool | best | median | peak RSS (median) |", "| --- | --- | ---: | ---: | ---: |"]
    try:
        for size in args.sizes.split(","):
            folders, pattern, tasks = ensure(size)
            commands = [
                ("prefer report --bootstrap 0", [args.prefer, "report", *folders, "--tasks", tasks,
                                                 "--bootstrap", "0", "--format", "json"]),
                ("prefer export --format labels", [args.prefer, "export", *folders, "--tasks", tasks,
                                                   "--format", "labels", "-o", "/dev/null"]),
                ("DuckDB recipe", [sys.executable, os.path.join(ROOT, "scale", "duckdb_recipe.py"),
                                   "--sessions", pattern, "--tasks", tasks, "--out", os.path.join(out, "duckdb")]),
                ("Spark SQL recipe, local[*]", [sys.executable, os.path.join(ROOT, "scale", "spark_recipe.py"),
                                                "--sessions", pattern, "--tasks", tasks, "--out",
                                                os.path.join(out, "spark"), "--driver-memory", args.spark_memory,
                                                "--jvm-peak"]),
            ]
            # Warm the page cache so the first command does not pay for the disk.
            subprocess.run(f"cat {tasks} {pattern}/*/*.jsonl > /dev/null", shell=True, check=True)
            results = {name: [] for name, _ in commands}
            for round_number in range(args.rounds if size == "300k" else args.rounds_3m):
                for name, argv in commands:
                    results[name].append(timed(argv))
                    wall, peak = results[name][-1]
                    print(f"{size} round {round_number + 1}: {name}: {wall:.2f} s, {peak:.0f} MiB", file=sys.stderr, flush=True)
            for name, _ in commands:
                walls = [w for w, _ in results[name]]
                peaks = [p for _, p in results[name]]
                lines.append(f"| {size.upper()} | {name} | {min(walls):.2f} s | {statistics.median(walls):.2f} s | "
                             f"{statistics.median(peaks):,.0f} MiB |")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
