#!/usr/bin/env python3
"""The report a lead would otherwise script: orjson, pandas, krippendorff, statsmodels, scikit-learn.

It computes what `prefer report --bootstrap 0` computes, the way the libraries' documentation
suggests: effective labels (undo, latest wins) with pandas; nominal Krippendorff's alpha with
`krippendorff.alpha`; Fleiss' kappa with statsmodels `aggregate_raters` + `fleiss_kappa`;
percent agreement and Gwet's AC1 with NumPy on the same count table; Cohen's kappa per rater
pair with scikit-learn `cohen_kappa_score`; per-rater left rate with `binomtest`; win rates with
statsmodels' Wilson interval. It streams the task file (keeping only id and model names) so
that its memory is not inflated by responses it does not need.

Prints one JSON object with the values (stdout) and the time spent (stderr).

    python3 benchmarks/report/python_pipeline.py benchmarks/data/report-100k
"""

import glob
import os
import sys
import time

import krippendorff
import numpy as np
import orjson
import pandas as pd
from scipy.stats import binomtest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa
from statsmodels.stats.proportion import proportion_confint

CATEGORIES = ["A", "B", "tie", "both_bad"]


def read_sessions(folder):
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.jsonl"), recursive=True)):
        with open(path, "rb") as f:
            for number, line in enumerate(f, 1):
                if not line.strip() or not line.endswith(b"\n"):
                    continue  # blank, or a torn last line
                event = orjson.loads(line)
                kind = event["type"]
                if kind in ("label", "undo"):
                    rows.append((event.get("at", ""), os.path.basename(path), path, number, kind,
                                 event["rater"], event["task"], event.get("choice"),
                                 event.get("left"), event.get("ms")))
    frame = pd.DataFrame(rows, columns=["at", "base", "file", "line", "type", "rater", "task",
                                        "choice", "left", "ms"])
    # Latest event per (rater, task) wins; an undo in last place means no label.
    frame = frame.sort_values(["at", "base", "file", "line"], kind="stable")
    last = frame.drop_duplicates(["rater", "task"], keep="last")
    return last[last["type"] == "label"].reset_index(drop=True)


def read_models(path, wanted):
    models = {}
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            task = orjson.loads(line)
            if task["id"] in wanted:
                models[task["id"]] = (task.get("model_a"), task.get("model_b"))
    return models


def main():
    folder = sys.argv[1]
    start = time.perf_counter()
    labels = read_sessions(os.path.join(folder, "sessions"))
    models = read_models(os.path.join(folder, "tasks.jsonl"), set(labels["task"]))
    labels["code"] = labels["choice"].map({c: k for k, c in enumerate(CATEGORIES)})

    # Reliability data: raters x items, NaN where a rater did not label an item.
    wide = labels.pivot(index="rater", columns="task", values="code")
    alpha = krippendorff.alpha(reliability_data=wide.to_numpy(dtype=float),
                               level_of_measurement="nominal", value_domain=list(range(4)))

    counts = pd.crosstab(labels["task"], labels["code"]).reindex(columns=range(4), fill_value=0)
    table = counts.to_numpy()
    n = table.sum(axis=1)
    pairable = table[n >= 2]
    m = pairable.sum(axis=1)
    per_item = (pairable * (pairable - 1)).sum(axis=1) / (m * (m - 1))
    percent = float(per_item.mean())
    fleiss = float(fleiss_kappa(pairable, method="fleiss")) if len(set(m)) == 1 else None
    pi = (table / n[:, None]).mean(axis=0)
    pe = float((pi * (1 - pi)).sum() / (len(CATEGORIES) - 1))
    ac1 = (percent - pe) / (1 - pe)

    # Rater pairs: every pair of labels on the same item.
    pairs = labels[["task", "rater", "choice"]].merge(labels[["task", "rater", "choice"]], on="task")
    pairs = pairs[pairs["rater_x"] < pairs["rater_y"]]
    pair_rows = []
    for (first, second), group in pairs.groupby(["rater_x", "rater_y"]):
        kappa = cohen_kappa_score(group["choice_x"], group["choice_y"], labels=CATEGORIES)
        pair_rows.append((first, second, len(group), float((group["choice_x"] == group["choice_y"]).mean()),
                          float(kappa)))

    # Per rater: position bias among decisive labels, tie rate, median time.
    rater_rows = []
    for rater, group in labels.groupby("rater"):
        decisive = group[group["choice"].isin(["A", "B"])]
        left = int((decisive["choice"] == decisive["left"]).sum())
        p = binomtest(left, len(decisive), 0.5).pvalue if len(decisive) else None
        rater_rows.append((rater, len(group), left / max(len(decisive), 1), p,
                           float((group["choice"] == "tie").mean()), float(group["ms"].median())))

    # Win rates per unordered model pair, every label counting.
    labels["model_a"] = labels["task"].map(lambda t: models.get(t, (None, None))[0])
    labels["model_b"] = labels["task"].map(lambda t: models.get(t, (None, None))[1])
    flip = labels["model_a"] > labels["model_b"]
    first = labels["model_a"].where(~flip, labels["model_b"])
    second = labels["model_b"].where(~flip, labels["model_a"])
    swapped = labels["choice"].map({"A": "B", "B": "A"}).fillna(labels["choice"])
    outcome = labels["choice"].where(~flip, swapped)
    wins = pd.crosstab([first, second], outcome).reindex(columns=CATEGORIES, fill_value=0)
    win_rows = []
    for (m1, m2), row in wins.iterrows():
        decided = row["A"] + row["B"]
        low, high = proportion_confint(row["A"], decided, alpha=0.05, method="wilson")
        win_rows.append((m1, m2, int(row["A"]), int(row["B"]), int(row["tie"]), int(row["both_bad"]),
                         row["A"] / decided, [low, high]))
    seconds = time.perf_counter() - start

    out = {"items": int(len(table)), "raters": int(wide.shape[0]), "labels": int(len(labels)),
           "percent_agreement": percent, "fleiss_kappa": fleiss, "gwet_ac1": ac1,
           "krippendorff_alpha_nominal": float(alpha), "pairs": len(pair_rows),
           "raters_detail": len(rater_rows), "win_rates": len(win_rows)}
    sys.stdout.write(orjson.dumps(out).decode() + "\n")
    print(f"python pipeline: {seconds:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
