#!/usr/bin/env python3
"""Check the DuckDB and Spark SQL recipes against prefer, label by label (CI runs this).

For each data set, `prefer export --format labels` gives the effective labels and `prefer
report --format json` the counts; both recipes must give the same effective labels row by row
(task, rater, choice, left, ms, at, session, note, model_a, model_b) and the same per-rater
label counts, total and per-pair win counts. Any difference, even one label, fails the check.

Data sets:
  example      benchmarks/report/example/sessions on examples/demo/tasks.jsonl, as it is
               (an undo and relabel, a torn last line, an LLM judge's minimal lines)
  example-2h   the same split over two simulated hosts, read through one glob
  300k         benchmarks/report/generate_data.py's 300,000-label set (the report benchmark's),
               split over two hosts, with a torn last line and a later sitting on the other host
               that relabels two tasks and undoes a third (the generator's own ~1% undos too)

One Spark session serves every data set. Before trusting a pass, the comparison itself is
checked: it must report a recipe result that differs by one label.

    python3 scale/check_recipes.py [--prefer .build/debug/prefer] [--no-spark] [--no-large]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import hosts  # noqa: E402

ROW_KEYS = ("task", "rater", "choice", "left", "ms", "at", "session", "note", "model_a", "model_b")
PAIR_KEYS = ("model_a", "model_b", "wins_a", "wins_b", "ties", "both_bad")


def datasets(data, large):
    example = os.path.join(ROOT, "benchmarks", "report", "example", "sessions")
    demo = os.path.join(ROOT, "examples", "demo", "tasks.jsonl")
    out = [("example", [example], example, demo)]
    two = os.path.join(data, "scale-example-hosts")
    out.append(("example-2h", hosts.split(example, two), os.path.join(two, "host*", "sessions"), demo))
    if large:
        generated = os.path.join(data, "report-100k")
        if not os.path.exists(os.path.join(generated, "gold.jsonl")):
            subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "report", "generate_data.py"),
                            "--tasks", "100000", "--out", generated], check=True)
        split = os.path.join(data, "scale-300k-hosts")
        folders = hosts.split(os.path.join(generated, "sessions"), split)
        r05 = os.path.join(folders[0], "r05")
        hosts.tear_last_line(os.path.join(r05, sorted(os.listdir(r05))[0]))
        hosts.add_correction_sitting(split, "hostB", "r01")
        out.append(("300k", folders, os.path.join(split, "host*", "sessions"), os.path.join(generated, "tasks.jsonl")))
    return out


def prefer_results(prefer, folders, tasks):
    """prefer's effective labels (export) and counts (report), in the recipes' shape."""
    export = subprocess.run([prefer, "export", *folders, "--tasks", tasks, "--format", "labels"],
                            capture_output=True, check=True)
    rows = [json.loads(line) for line in export.stdout.splitlines() if line.strip()]
    report = json.loads(subprocess.run([prefer, "report", *folders, "--tasks", tasks, "--format", "json",
                                        "--bootstrap", "0"], capture_output=True, check=True).stdout)
    warnings = export.stderr.decode(errors="replace").strip().splitlines()
    return {
        "effective_labels": rows,
        "rater_labels": [{"rater": r["rater"], "labels": r["labels"]} for r in report["raters_detail"]],
        "pair_wins": [{k: w[k] for k in PAIR_KEYS} for w in report["win_rates"]],
        "labels": report["labels"],
    }, warnings


def normalized(results):
    rows = sorted(tuple(row.get(k) for k in ROW_KEYS) for row in results["effective_labels"])
    raters = sorted((r["rater"], int(r["labels"])) for r in results["rater_labels"])
    pairs = sorted(tuple(int(p[k]) if k not in ("model_a", "model_b") else p[k] for k in PAIR_KEYS)
                   for p in results["pair_wins"])
    total = results.get("labels", len(rows))
    return rows, raters, pairs, total


def differences(expected, actual, limit=5):
    """What differs between two results (prefer's and a recipe's), as lines; empty when equal."""
    e_rows, e_raters, e_pairs, e_total = normalized(expected)
    a_rows, a_raters, a_pairs, a_total = normalized(actual)
    out = []
    if e_rows != a_rows:
        missing = sorted(set(e_rows) - set(a_rows))
        extra = sorted(set(a_rows) - set(e_rows))
        out.append(f"effective labels: prefer {len(e_rows)}, recipe {len(a_rows)}; "
                   f"{len(missing)} only in prefer's, {len(extra)} only in the recipe's")
        out += [f"  only prefer: {dict(zip(ROW_KEYS, r))}" for r in missing[:limit]]
        out += [f"  only recipe: {dict(zip(ROW_KEYS, r))}" for r in extra[:limit]]
    if e_total != a_total:
        out.append(f"label count: prefer {e_total}, recipe {a_total}")
    if e_raters != a_raters:
        out.append(f"per-rater labels differ: {sorted(set(e_raters) ^ set(a_raters))[:limit]}")
    if e_pairs != a_pairs:
        out.append(f"per-pair wins differ: {sorted(set(e_pairs) ^ set(a_pairs))[:limit]}")
    return out


def one_label_off(results):
    """A copy of `results` with one label's choice changed, in the rows and in the counts."""
    rows = [dict(r) for r in results["effective_labels"]]
    victim = next(r for r in rows if r["choice"] in ("A", "B"))
    victim["choice"] = "B" if victim["choice"] == "A" else "A"
    pairs = [dict(p) for p in results["pair_wins"]]
    first, second = sorted((victim["model_a"], victim["model_b"]))
    pair = next(p for p in pairs if (p["model_a"], p["model_b"]) == (first, second))
    winner = victim["model_a"] if victim["choice"] == "A" else victim["model_b"]
    gains, loses = ("wins_a", "wins_b") if winner == first else ("wins_b", "wins_a")
    pair[gains] += 1
    pair[loses] -= 1
    return dict(results, effective_labels=rows, pair_wins=pairs)


def one_label_dropped(results):
    rows = results["effective_labels"][1:]
    raters = [dict(r) for r in results["rater_labels"]]
    dropped = results["effective_labels"][0]["rater"]
    next(r for r in raters if r["rater"] == dropped)["labels"] -= 1
    return dict(results, effective_labels=rows, rater_labels=raters,
                labels=results.get("labels", len(results["effective_labels"])) - 1)


def refusal_cases(folder, tasks):
    """Small session folders the recipes must refuse, naming FILE:LINE as prefer does."""
    with open(tasks, "rb") as f:
        task = json.loads(f.readline())["id"]
    label = '{"v":1,"type":"label","session":"s","rater":"%s","at":"2026-11-28T09:00:0%d.000Z","task":"%s","choice":"A"}\n'
    cases = {
        "rater-folder": ("ana/20261128T090000Z-00000001.jsonl", label % ("ana", 1, task) + label % ("bo", 2, task),
                         ":2: the event is in the rater folder"),
        "foreign-name": ("judge.jsonl", '{"type":"label","rater":"ana","task":"%s","choice":"B"}\n' % task,
                         ":1: \"ana\" has a rater folder"),
        "damaged-line": ("ana/20261128T090000Z-00000002.jsonl", label % ("ana", 1, task) + '{"v":1,"type":\n'
                         + label % ("ana", 3, task), ":2: not a JSON object"),
    }
    out = []
    for name, (path, text, message) in cases.items():
        root = os.path.join(folder, name, "sessions")
        shutil.rmtree(os.path.dirname(root), ignore_errors=True)
        os.makedirs(os.path.join(root, "ana"))
        with open(os.path.join(root, "ana", "20261128T080000Z-00000000.jsonl"), "w") as f:
            f.write(label % ("ana", 0, task))
        with open(os.path.join(root, path), "w") as f:
            f.write(text)
        out.append((name, root, path + message))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefer", default=os.path.join(ROOT, ".build", "debug", "prefer"))
    parser.add_argument("--data", default=os.path.join(ROOT, "benchmarks", "data"),
                        help="folder for generated data (git-ignored; default benchmarks/data)")
    parser.add_argument("--no-spark", action="store_true", help="check the DuckDB recipe only")
    parser.add_argument("--no-large", action="store_true", help="skip the 300k-label set")
    parser.add_argument("--spark-on-large", choices=("yes", "no"), default="yes",
                        help="run the Spark recipe on the 300k set too (default yes)")
    args = parser.parse_args()

    import duckdb_recipe

    started = time.perf_counter()
    failures = 0
    spark = None
    if not args.no_spark:
        import spark_recipe
        clock = time.perf_counter()
        spark = spark_recipe.session(app="prefer-recipe-check", driver_memory="2g")
        print(f"spark session: {time.perf_counter() - clock:.1f} s", flush=True)

    for name, folders, pattern, tasks in datasets(args.data, not args.no_large):
        clock = time.perf_counter()
        expected, warnings = prefer_results(args.prefer, folders, tasks)
        print(f"[{name}] prefer: {len(expected['effective_labels'])} effective labels, "
              f"{len(expected['pair_wins'])} model pairs, {len(expected['rater_labels'])} raters "
              f"({time.perf_counter() - clock:.1f} s); prefer says: {' | '.join(warnings) or 'no warnings'}", flush=True)
        if not any("torn" in w for w in warnings):
            print(f"[{name}] FAIL: the data set has no torn last line for the recipes to ignore")
            failures += 1
        engines = [("duckdb", lambda: duckdb_recipe.run(duckdb_recipe.connect(), pattern, tasks))]
        if spark is not None and (name != "300k" or args.spark_on_large == "yes"):
            engines.append(("spark", lambda: (spark_recipe.run(spark, pattern, tasks), spark_recipe.collect(spark))[1]))
        for engine, compute in engines:
            clock = time.perf_counter()
            actual = compute()
            found = differences(expected, actual)
            took = time.perf_counter() - clock
            if found:
                failures += 1
                print(f"[{name}] {engine}: FAIL ({took:.1f} s)")
                print("\n".join(f"    {line}" for line in found))
            else:
                print(f"[{name}] {engine}: same {len(actual['effective_labels'])} effective labels, "
                      f"per-rater and per-pair counts as prefer ({took:.1f} s)", flush=True)
            # The comparison must see a result that is one label off.
            for mutate in (one_label_off, one_label_dropped):
                if not differences(expected, mutate(actual)):
                    failures += 1
                    print(f"[{name}] {engine}: FAIL: the comparison missed {mutate.__name__}")

    # What prefer refuses, the recipes refuse too, naming the line. (Spark's executors log
    # each raised error with a stack trace; the check prints what it found instead.)
    if spark is not None:
        spark.sparkContext.setLogLevel("OFF")
    demo = os.path.join(ROOT, "examples", "demo", "tasks.jsonl")
    for name, root, message in refusal_cases(os.path.join(args.data, "scale-refusals"), demo):
        engines = [("duckdb", lambda: duckdb_recipe.run(duckdb_recipe.connect(), root, demo))]
        if spark is not None:
            engines.append(("spark", lambda: spark_recipe.run(spark, root, demo)))
        for engine, compute in engines:
            try:
                compute()
                said = "nothing"
            except Exception as error:  # duckdb.Error, or Spark's wrapped raise_error
                said = str(error)
            if message in said:
                print(f"[refuse {name}] {engine}: refused ({message})")
            else:
                failures += 1
                print(f"[refuse {name}] {engine}: FAIL: expected an error with {message!r}, got {said[:300]!r}")

    if spark is not None:
        spark.stop()
    print(f"recipe checks: {'FAILED' if failures else 'passed'} in {time.perf_counter() - started:.1f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
