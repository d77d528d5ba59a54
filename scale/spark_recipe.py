#!/usr/bin/env python3
"""Run scale/effective_labels.spark.sql in Spark over prefer's session files and print the results.

    pip install pyspark        # and Java 17 (Debian: openjdk-17-jre-headless)
    python3 scale/spark_recipe.py --sessions '/data/host*/sessions' --tasks /data/tasks.jsonl
    spark-submit --master spark://head:7077 scale/spark_recipe.py \
        --sessions 'hdfs:///labels/host*/sessions' --tasks hdfs:///labels/tasks.jsonl \
        --out hdfs:///labels/out

Without --master (spark-submit's) it runs in local mode on every core. --sessions is a
sessions folder or a glob of them (one per host); --tasks the task file. With --out the three
result tables are written there as JSON folders (what a cluster job does); otherwise the
per-pair win counts and the per-rater label counts are printed.
"""

import argparse
import json
import os
import re
import sys

SQL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "effective_labels.spark.sql")
TABLES = ("effective_labels", "pair_wins", "rater_labels")


def session(app="prefer-effective-labels", driver_memory=None):
    """A SparkSession: local mode on every core unless spark-submit chose a master."""
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.appName(app)
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", os.environ.get("SPARK_SHUFFLE_PARTITIONS", "8")))
    if driver_memory:
        builder = builder.config("spark.driver.memory", driver_memory)
    if not _submitted():
        builder = builder.master(os.environ.get("SPARK_MASTER", "local[*]"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _submitted():
    """Whether spark-submit started this script (then it has set the master)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def pattern_regex(pattern):
    """The sessions glob as a regular expression over the paths Spark reports for its files.

    Spark names files by URI (`file:/data/hostA/sessions/…`, `hdfs://nn:8020/labels/…`), so
    scheme and authority are optional; `*` and `?` stay inside one path part. Written without
    backslashes or quotes, since the SQL text holds it inside a string literal.
    """
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*:)?(//[^/]*)?(.*)$", pattern)
    path = match.group(3)
    if not match.group(1) and not path.startswith("/"):
        path = os.path.abspath(path)
    path = path.rstrip("/")
    out = ["([a-zA-Z][a-zA-Z0-9+.-]*:)?(//[^/]*)?"]  # the SQL anchors it with '^'
    for ch in path:
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch.isalnum() or ch in "/_-":
            out.append(ch)
        elif ch in "\\'^]":
            raise ValueError(f"sessions pattern: {ch!r} is not supported in {pattern!r}")
        else:
            out.append(f"[{ch}]")
    return "".join(out)


def statements(text):
    """The SQL file's statements: each ends with ';' at the end of a line."""
    out, current = [], []
    for line in text.splitlines():
        if line.lstrip().startswith("--"):
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(current).rstrip().rstrip(";"))
            current = []
    if "".join(current).strip():
        out.append("\n".join(current))
    return out


def qualified(pattern):
    """A local path without a scheme made absolute, so that executors and the regex agree."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", pattern):
        return pattern
    return os.path.abspath(pattern)


def run(spark, sessions, tasks):
    """Runs the recipe; leaves the result views defined and returns their names."""
    spark.conf.set("sessions", qualified(sessions).rstrip("/"))
    spark.conf.set("sessions_regex", pattern_regex(sessions))
    spark.conf.set("tasks", qualified(tasks))
    with open(SQL, encoding="utf-8") as f:
        for statement in statements(f.read()):
            result = spark.sql(statement)
            if statement.lstrip().upper().startswith("SELECT"):
                result.collect()  # the checks: raise_error fires only when a row exists
    return TABLES


def collect(spark):
    """{table: [row dict, …]} for the three result views."""
    results = {}
    for table in TABLES:
        frame = spark.table(table)
        if table == "effective_labels":
            frame = frame.drop("path", "line")
        results[table] = [row.asDict() for row in frame.collect()]
    return results


def jvm_peak_kib():
    """The peak resident set (VmHWM) of the JVM this process started, in KiB; 0 if unknown.

    In local mode the whole job runs in that JVM, a child of this Python process that it
    never waits for, so /usr/bin/time (which counts waited-for children) does not see it.
    """
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
            if parent != os.getpid():
                continue
            with open(f"/proc/{entry}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", required=True, help="sessions folder or glob of folders")
    parser.add_argument("--tasks", required=True, help="task file")
    parser.add_argument("--out", help="write the three tables here as JSON folders")
    parser.add_argument("--driver-memory", help="spark.driver.memory (local mode: the whole job)")
    parser.add_argument("--jvm-peak", action="store_true",
                        help="print the local JVM's peak resident set on stderr (for benchmarks)")
    args = parser.parse_args()
    spark = session(driver_memory=args.driver_memory)
    try:
        run(spark, args.sessions, args.tasks)
    except Exception as error:  # Spark wraps raise_error and file errors in its own classes
        sys.exit(f"spark_recipe: {str(error).splitlines()[0]}")
    if args.out:
        for table in TABLES:
            spark.table(table).write.mode("overwrite").json(f"{args.out.rstrip('/')}/{table}")
        if args.jvm_peak:
            print(f"spark_recipe: JVM peak RSS: {jvm_peak_kib()} kB", file=sys.stderr)
        spark.stop()
        return
    results = collect(spark)
    for table in ("pair_wins", "rater_labels"):
        rows = sorted(results[table], key=lambda r: tuple(str(v) for v in r.values()))
        print(f"{table} ({len(rows)} rows)")
        if rows:
            print("\t".join(rows[0]))
            for row in rows:
                print("\t".join("" if v is None else str(v) for v in row.values()))
    spark.stop()


if __name__ == "__main__":
    main()
