#!/usr/bin/env python3
"""Holds `prefer report`'s treatment of likert5 `both_bad` labels to an independent computation
(the `krippendorff` package, statsmodels, numpy), on generated likert5 data with both_bad labels.

The rule (docs/REPORT.md, "likert5 both_bad"): the declared categories are the five likert
values; both_bad labels are set aside from every agreement figure, so the figures here are
computed by third-party code on the labels with every both_bad label dropped:

- Krippendorff's alpha, nominal, ordinal and interval: `krippendorff.alpha`;
- percent agreement (mean over items with two or more labels) and Gwet's AC1 (irrCAC's
  `gwet.ac1.raw` formula), numpy;
- Fleiss' kappa: statsmodels' `fleiss_kappa` on a second data set whose pairable items all keep
  four labels once both_bad is dropped (on the first it must be null: counts differ);
- Cohen's kappa and its linear and quadratic weighted forms per rater pair: statsmodels'
  `cohens_kappa` on the 5x5 table;
- agreement with the others' strict plurality per rater;
- the percentile-bootstrap intervals of percent agreement, nominal alpha and AC1 on prefer's
  resamples of all items (xoshiro256** streams as docs/STATISTICS.md fixes them, re-implemented
  in check_report.py), each statistic recomputed on the resample without both_bad.

and what still counts both_bad is checked by counting: labels, items, both_bad rates per rater,
the both_bad column of the win table, and `agreement.set_aside_labels`.

    python3 scripts/statistics/check_likert_both_bad.py --prefer .build/debug/prefer [--seed 3]

Exit 0 when every figure agrees to 1e-9, 1 with the differences listed otherwise. About two
seconds.
"""
import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter

import krippendorff
import numpy as np
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_report import resample_weights  # noqa: E402  (prefer's bootstrap streams)

VALUES = ["A>>B", "A>B", "tie", "B>A", "B>>A"]
NUMBER = {"A>>B": 2, "A>B": 1, "tie": 0, "B>A": -1, "B>>A": -2}
RESAMPLES = 200


def write(folder, tasks, labels, raters):
    with open(os.path.join(folder, "tasks.jsonl"), "w") as f:
        for task in tasks:
            f.write(json.dumps(task) + "\n")
    os.makedirs(os.path.join(folder, "sessions"), exist_ok=True)
    for r in raters:
        with open(os.path.join(folder, "sessions", f"{r}.jsonl"), "w") as f:
            f.write(json.dumps({"v": 1, "type": "session_start", "session": f"s-{r}", "rater": r,
                                "at": "2026-12-03T10:00:00.000Z", "scale": VALUES}) + "\n")
            for label in labels:
                if label["rater"] == r:
                    f.write(json.dumps({"v": 1, "type": "label", "session": f"s-{r}", **label}) + "\n")


def scattered(seed):
    """2–5 raters per task, about one label in six both_bad."""
    rng = random.Random(seed)
    models = ["m-a", "m-b", "m-c"]
    raters = [f"r{k}" for k in range(5)]
    tasks, labels = [], []
    for t in range(150):
        a, b = rng.sample(models, 2)
        tid = f"t{t:03d}"
        tasks.append({"id": tid, "prompt": "p", "response_a": "x", "response_b": "y", "model_a": a, "model_b": b})
        lean = rng.choice([0, 1, 1, 2, 3, 4])
        for r in rng.sample(raters, rng.randint(2, 5)):
            if rng.random() < 0.17:
                choice = "both_bad"
            else:
                choice = VALUES[max(0, min(4, lean + rng.choice([-1, 0, 0, 0, 1])))]
            labels.append({"rater": r, "task": tid, "choice": choice, "left": rng.choice("AB"),
                           "ms": rng.randint(500, 9000)})
    return tasks, labels, raters


def even(seed):
    """Four raters on every task; a task with both_bad has three or four of them, so every
    task left with two or more labels has exactly four (Fleiss' kappa is defined)."""
    rng = random.Random(seed + 1000)
    raters = [f"q{k}" for k in range(4)]
    tasks, labels = [], []
    for t in range(80):
        tid = f"e{t:03d}"
        tasks.append({"id": tid, "prompt": "p", "response_a": "x", "response_b": "y", "model_a": "m-a", "model_b": "m-b"})
        lean = rng.randint(0, 4)
        bad = rng.choice([0, 0, 0, 0, 3, 4])
        for k, r in enumerate(raters):
            choice = "both_bad" if k < bad else VALUES[max(0, min(4, lean + rng.choice([-1, 0, 0, 1])))]
            labels.append({"rater": r, "task": tid, "choice": choice, "left": "A", "ms": 1000})
    return tasks, labels, raters


def run_report(prefer, folder, *extra):
    run = subprocess.run([prefer, "report", os.path.join(folder, "sessions"), "--tasks",
                          os.path.join(folder, "tasks.jsonl"), "--format", "json", *extra],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"prefer report failed ({run.returncode}): {run.stderr}")
    return json.loads(run.stdout)


def percent_agreement(units, weights=None):
    num = den = 0.0
    for k, values in enumerate(units):
        w = 1 if weights is None else weights[k]
        n = len(values)
        if n < 2 or w == 0:
            continue
        num += w * sum(c * (c - 1) for c in Counter(values).values()) / (n * (n - 1))
        den += w
    return num / den


def gwet_ac1(units, weights=None):
    """irrCAC gwet.ac1.raw: pa over items with >= 2 ratings, pi_k over items with >= 1."""
    q = len(VALUES)
    pa = percent_agreement(units, weights)
    share, n = np.zeros(q), 0.0
    for k, values in enumerate(units):
        w = 1 if weights is None else weights[k]
        if not values or w == 0:
            continue
        n += w
        for c, count in Counter(values).items():
            share[VALUES.index(c)] += w * count / len(values)
    pi = share / n
    pe = float((pi * (1 - pi)).sum()) / (q - 1)
    return (pa - pe) / (1 - pe)


def alpha(units, level, weights=None):
    """krippendorff.alpha on a raters-by-units table (NaN: no value), a unit drawn w times
    entering w times; values are the SPEC §5 numbers, the domain their order."""
    columns = []
    for k, values in enumerate(units):
        w = 1 if weights is None else weights[k]
        if len(values) < 2:
            continue
        columns += [values] * w
    width = max(len(v) for v in columns)
    data = np.full((width, len(columns)), np.nan)
    for j, values in enumerate(columns):
        for i, v in enumerate(values):
            data[i, j] = NUMBER[v]
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level,
                                     value_domain=[-2, -1, 0, 1, 2]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prefer", required=True)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    problems = []

    def close(what, ours, theirs, tol=1e-9):
        if ours is None or theirs is None or isinstance(theirs, (str, list)):
            if ours != theirs:
                problems.append(f"{what}: prefer {ours!r}, Python {theirs!r}")
        elif abs(float(ours) - float(theirs)) > tol:
            problems.append(f"{what}: prefer {ours!r}, Python {theirs!r}")

    tasks, labels, raters = scattered(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        write(folder, tasks, labels, raters)
        ours = run_report(args.prefer, folder, "--bootstrap", str(RESAMPLES), "--seed", str(args.seed))
    kept = [l for l in labels if l["choice"] != "both_bad"]
    bad = len(labels) - len(kept)
    items = sorted({l["task"] for l in labels})  # prefer resamples every labeled item, in id order
    by_item = {t: [] for t in items}
    for l in kept:
        by_item[l["task"]].append(l["choice"])
    units = [by_item[t] for t in items]

    agreement = ours["agreement"]
    close("labels", ours["labels"], len(labels))
    close("items", ours["items"], len(items))
    close("set_aside_labels.both_bad", agreement.get("set_aside_labels", {}).get("both_bad"), bad)
    close("categories", ours["categories"]["names"], VALUES)
    close("scale", ours["categories"].get("scale"), "likert5")
    close("percent agreement", agreement["percent_agreement"], percent_agreement(units))
    close("Gwet's AC1", agreement["gwet_ac1"], gwet_ac1(units))
    for level in ("nominal", "ordinal", "interval"):
        close(f"alpha {level}", agreement["krippendorff_alpha"][level], alpha(units, level))
    close("Fleiss' kappa (label counts differ without both_bad)", agreement["fleiss_kappa"], None)

    draws = {"percent_agreement": [], "krippendorff_alpha_nominal": [], "gwet_ac1": []}
    for b in range(RESAMPLES):
        w = resample_weights(len(items), args.seed, b)
        draws["percent_agreement"].append(percent_agreement(units, w))
        draws["krippendorff_alpha_nominal"].append(alpha(units, "nominal", w))
        draws["gwet_ac1"].append(gwet_ac1(units, w))
    for key, values in draws.items():
        close(f"ci95 {key}", agreement["ci95"][key][0], float(np.quantile(values, 0.025)))
        close(f"ci95 {key} upper", agreement["ci95"][key][1], float(np.quantile(values, 0.975)))

    pairs = {tuple(p["raters"]): p for p in agreement["pairs"]}
    choice = {(l["rater"], l["task"]): l["choice"] for l in kept}
    expected_pairs = set()
    for r1, r2 in itertools.combinations(sorted(raters), 2):
        shared = [t for t in items if (r1, t) in choice and (r2, t) in choice]
        if not shared:
            continue
        expected_pairs.add((r1, r2))
        table = np.zeros((5, 5))
        for t in shared:
            table[VALUES.index(choice[(r1, t)]), VALUES.index(choice[(r2, t)])] += 1
        got = pairs.get((r1, r2), {})
        close(f"pair {r1}-{r2} items", got.get("items"), len(shared))
        close(f"pair {r1}-{r2} percent agreement", got.get("percent_agreement"), float(np.trace(table) / len(shared)))
        close(f"pair {r1}-{r2} Cohen's kappa", got.get("cohen_kappa"), float(cohens_kappa(table).kappa))
        close(f"pair {r1}-{r2} linear", got.get("cohen_kappa_linear"), float(cohens_kappa(table, wt="linear").kappa))
        close(f"pair {r1}-{r2} quadratic", got.get("cohen_kappa_quadratic"),
              float(cohens_kappa(table, wt="quadratic").kappa))
    if set(pairs) != expected_pairs:
        problems.append(f"rater pairs: prefer {sorted(pairs)}, Python {sorted(expected_pairs)}")

    details = {r["rater"]: r for r in ours["raters_detail"]}
    for r in raters:
        mine = [l for l in labels if l["rater"] == r]
        agreed = compared = 0
        for l in mine:
            if l["choice"] == "both_bad":
                continue
            others = Counter(o["choice"] for o in kept if o["task"] == l["task"] and o["rater"] != r)
            if sum(others.values()) < 2:
                continue
            top = others.most_common()
            if len(top) > 1 and top[0][1] == top[1][1]:
                continue
            compared += 1
            agreed += top[0][0] == l["choice"]
        close(f"{r} labels", details[r]["labels"], len(mine))
        close(f"{r} agreement with others", details[r]["agreement_with_others"], agreed / compared)
        close(f"{r} both_bad rate", details[r]["both_bad_rate"],
              sum(l["choice"] == "both_bad" for l in mine) / len(mine))
        close(f"{r} tie rate", details[r]["tie_rate"], sum(l["choice"] == "tie" for l in mine) / len(mine))

    models = {t["id"]: (t["model_a"], t["model_b"]) for t in tasks}
    table = Counter()
    for l in labels:
        a, b = models[l["task"]]
        first, second = sorted((a, b))
        side = "A" if l["choice"] in ("A>>B", "A>B") else "B" if l["choice"] in ("B>A", "B>>A") else l["choice"]
        if side in ("A", "B"):
            winner = a if side == "A" else b
            table[(first, second, "wins_a" if winner == first else "wins_b")] += 1
        else:
            table[(first, second, "ties" if side == "tie" else "both_bad")] += 1
    for w in ours["win_rates"]:
        for key in ("wins_a", "wins_b", "ties", "both_bad"):
            close(f"win table {w['model_a']}-{w['model_b']} {key}", w[key], table[(w["model_a"], w["model_b"], key)])

    tasks2, labels2, raters2 = even(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        write(folder, tasks2, labels2, raters2)
        ours2 = run_report(args.prefer, folder, "--bootstrap", "0")
    rows = []
    for t in tasks2:
        values = [l["choice"] for l in labels2 if l["task"] == t["id"] and l["choice"] != "both_bad"]
        if len(values) >= 2:
            rows.append([values.count(v) for v in VALUES])
    close("even: Fleiss' kappa", ours2["agreement"]["fleiss_kappa"], float(fleiss_kappa(np.array(rows), method="fleiss")))
    close("even: set_aside_labels.both_bad", ours2["agreement"].get("set_aside_labels", {}).get("both_bad"),
          sum(l["choice"] == "both_bad" for l in labels2))

    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"ok: likert5 with {bad} both_bad labels set aside of {len(labels)}: alpha (3 metrics), percent agreement, "
          f"AC1, their intervals, {len(expected_pairs)} rater pairs and Fleiss' kappa agree with krippendorff/statsmodels "
          f"to 1e-9; labels, both_bad rates and the win table count both_bad")


if __name__ == "__main__":
    main()
