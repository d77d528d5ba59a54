#!/usr/bin/env python3
"""Holds `prefer report`'s issue-17 figures to an independent computation (scipy, statsmodels,
numpy) on generated data: per-pair claims (decisive win rate, Wilson interval, labels, raters,
nominal alpha on the pair's items, position and length binomial tests), pooled vote-pair
agreement with and without ties (MT-Bench), length bias overall and per rater, and the
length-controlled Bradley–Terry ratings (statsmodels' binomial GLM), and the `--by category`
breakdown (items, labels, agreement, alpha and win counts per group, and the weakest-vs-
strongest alpha difference with its bootstrap interval and p-value).

The difference's interval is checked on the same resamples as prefer's: docs/STATISTICS.md
fixes them (xoshiro256** streams seeded through SplitMix64, Lemire's bounded draw), so the
draw is re-implemented here from that description and the weighted alpha, the percentile
interval (numpy's linear quantile) and the p-value are computed independently of prefer.

    python3 scripts/statistics/check_report.py --prefer .build/debug/prefer [--seed 5]

Exit 0 when every figure agrees to 1e-9, 1 with the differences listed otherwise. Takes about
a second (one report of ~2,000 labels).
"""
import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

import numpy as np
from scipy.stats import binomtest
from statsmodels.stats.proportion import proportion_confint

BAND = 50
SPREAD_RESAMPLES = 200
CHOICES = ["A", "B", "tie", "both_bad"]


def generate(folder, seed):
    rng = random.Random(seed)
    models = ["m-alpha", "m-beta", "m-gamma", "m-delta"]
    skill = {"m-alpha": 1.0, "m-beta": 0.4, "m-gamma": 0.0, "m-delta": -0.6}
    raters = [f"r{k}" for k in range(6)]
    tasks, lengths = [], {}
    for t in range(240):
        a, b = rng.sample(models, 2)
        la, lb = rng.randint(20, 900), rng.randint(20, 900)
        if t % 7 == 0:
            lb = la + rng.randint(-BAND, BAND)  # within the equal band
            lb = max(lb, 1)
        tid = f"t{t}"
        lengths[tid] = (la, lb)
        # Non-ASCII text so that characters, not bytes, are counted.
        ra = ("é" * (la // 2)) + ("x" * (la - la // 2))
        rb = "y" * lb
        tasks.append({"id": tid, "prompt": "p", "response_a": ra, "response_b": rb, "model_a": a, "model_b": b,
                      "category": rng.choice(["writing", "math", "coding"])})
    with open(os.path.join(folder, "tasks.jsonl"), "w", encoding="utf-8") as f:
        for task in tasks:
            f.write(json.dumps(task, ensure_ascii=False) + "\n")
    labels = []
    for task in tasks:
        for r in rng.sample(raters, rng.randint(1, 5)):
            edge = skill[task["model_a"]] - skill[task["model_b"]]
            la, lb = lengths[task["id"]]
            edge += 0.6 * (1 if la > lb else -1) if r in ("r0", "r1") else 0
            u = rng.random()
            pa = 1 / (1 + np.exp(-edge))
            if u < 0.12:
                choice = "tie"
            elif u < 0.17:
                choice = "both_bad"
            else:
                choice = "A" if rng.random() < pa else "B"
            left = "A" if (rng.random() < (0.8 if r == "r5" else 0.5)) == (choice != "B") else "B"
            labels.append({"type": "label", "rater": r, "task": task["id"], "choice": choice, "left": left})
    os.makedirs(os.path.join(folder, "sessions"), exist_ok=True)
    for r in raters:
        with open(os.path.join(folder, "sessions", f"{r}.jsonl"), "w") as f:
            for label in labels:
                if label["rater"] == r:
                    f.write(json.dumps(label) + "\n")
    return tasks, labels, lengths


def alpha_nominal(units):
    """Krippendorff's alpha, nominal, from the coincidence matrix (units: lists of values)."""
    cats = CHOICES
    index = {c: k for k, c in enumerate(cats)}
    o = np.zeros((len(cats), len(cats)))
    for values in units:
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, k in counts.items():
            for d, l in counts.items():
                o[index[c], index[d]] += (k * (l - (1 if c == d else 0))) / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    observed = o.sum() - np.trace(o)
    expected = (n * n - (n_c ** 2).sum()) / (n - 1)
    return 1 - observed / expected


MASK = (1 << 64) - 1


def splitmix_mix(x):
    z = x & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class Xoshiro:
    """xoshiro256** seeded with four SplitMix64 outputs (Blackman & Vigna's reference)."""

    def __init__(self, seed):
        state, self.s = seed, []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            self.s.append(splitmix_mix(state))

    def next(self):
        s0, s1, s2, s3 = self.s
        rot = lambda x, k: ((x << k) | (x >> (64 - k))) & MASK
        result = (rot((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rot(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def below(self, bound):
        """Lemire's multiply-and-reject."""
        product = self.next() * bound
        if product & MASK < bound:
            threshold = ((1 << 64) - bound) % bound
            while product & MASK < threshold:
                product = self.next() * bound
        return product >> 64


def resample_weights(n, seed, index):
    """How often each of n items is drawn in bootstrap resample `index` (prefer's streams)."""
    rng = Xoshiro(splitmix_mix((seed + (index + 1) * 0x9E3779B97F4A7C15) & MASK))
    weights = [0] * n
    for _ in range(n):
        weights[rng.below(n)] += 1
    return weights


def alpha_difference(group_units, resamples, seed):
    """Weakest and strongest group by nominal alpha (ties: the first in name order as the
    weakest, the last as the strongest), alpha(strongest) - alpha(weakest), and its bootstrap
    interval and p-value: each group's items (in id order) resampled on its own streams."""
    names = sorted(group_units)
    alphas = {g: alpha_nominal(list(group_units[g].values())) for g in names}
    weak = min(names, key=lambda g: (alphas[g], names.index(g)))
    strong = max(names, key=lambda g: (alphas[g], -names.index(g)))
    draws = []
    for b in range(resamples):
        parts = []
        for g, index in ((weak, (1 << 48) + b), (strong, (1 << 48) + (1 << 40) + b)):
            units = [group_units[g][t] for t in sorted(group_units[g])]
            weights = resample_weights(len(units), seed, index)
            parts.append(alpha_nominal([u for u, w in zip(units, weights) for _ in range(w)]))
        draws.append(parts[1] - parts[0])
    draws = np.array(draws)
    p = min(1.0, 2 * min((draws <= 0).mean(), (draws >= 0).mean()))
    return {"weakest": weak, "strongest": strong, "alpha_difference": alphas[strong] - alphas[weak],
            "ci95": [float(np.quantile(draws, 0.025)), float(np.quantile(draws, 0.975))], "p": p}


def longer_side(lengths, task):
    la, lb = lengths[task]
    if la - lb > BAND:
        return "A"
    if lb - la > BAND:
        return "B"
    return None


def expected(tasks, labels, lengths):
    by_task = {t["id"]: t for t in tasks}
    out = {"claims": {}, "raters": {}}
    pairs = defaultdict(list)
    for label in labels:
        t = by_task[label["task"]]
        pairs[tuple(sorted((t["model_a"], t["model_b"])))].append(label)
    for (m1, m2), ls in pairs.items():
        wins = Counter()
        for label in ls:
            t = by_task[label["task"]]
            if label["choice"] in ("A", "B"):
                wins[t["model_a"] if label["choice"] == "A" else t["model_b"]] += 1
        decisive = wins[m1] + wins[m2]
        leader = m1 if wins[m1] >= wins[m2] else m2
        lo, hi = proportion_confint(wins[leader], decisive, alpha=0.05, method="wilson")
        units = defaultdict(list)
        for label in ls:
            units[label["task"]].append(label["choice"])
        sided = [label for label in ls if label["choice"] in ("A", "B")]
        left = sum(1 for label in sided if label["left"] == label["choice"])
        compared = [label for label in sided if longer_side(lengths, label["task"])]
        longer = sum(1 for label in compared if longer_side(lengths, label["task"]) == label["choice"])
        out["claims"][(m1, m2)] = {
            "leader": leader, "win_rate": wins[leader] / decisive, "ci95": [lo, hi], "labels": len(ls),
            "decisive": decisive, "items": len(units), "raters": len({label["rater"] for label in ls}),
            "alpha_nominal": alpha_nominal(units.values()),
            "position_p": binomtest(left, len(sided), 0.5).pvalue,
            "length_p": binomtest(longer, len(compared), 0.5).pvalue if compared else None,
        }
    # Pooled vote pairs (MT-Bench): every pair of votes on a task, pooled; S2 drops tie votes.
    agree = total = agree2 = total2 = 0
    per_task = defaultdict(list)
    for label in labels:
        per_task[label["task"]].append(label["choice"])
    for votes in per_task.values():
        for x, y in itertools.combinations(votes, 2):
            total += 1
            agree += x == y
            if x in ("A", "B") and y in ("A", "B"):
                total2 += 1
                agree2 += x == y
    out["pooled"] = {"agreeing_pairs": agree, "pairs": total, "agreement": agree / total,
                     "agreeing_pairs_without_ties": agree2, "pairs_without_ties": total2,
                     "agreement_without_ties": agree2 / total2}
    # Length bias, overall and per rater.
    def bias(ls):
        decisive = [label for label in ls if label["choice"] in ("A", "B")]
        compared = [label for label in decisive if longer_side(lengths, label["task"])]
        longer = sum(1 for label in compared if longer_side(lengths, label["task"]) == label["choice"])
        return {"longer_chosen": longer, "compared": len(compared), "within_band": len(decisive) - len(compared),
                "share": longer / len(compared), "p": binomtest(longer, len(compared), 0.5).pvalue}
    # Length-controlled Bradley–Terry (style control): statsmodels' binomial GLM on items,
    # ties half a win each way, columns +1/−1 per model (the first model by name dropped) and
    # the standardized normalized length difference of the first model's response.
    rows = defaultdict(lambda: [0.0, 0.0, 0.0])
    for label in labels:
        t = by_task[label["task"]]
        if label["choice"] not in ("A", "B", "tie"):
            continue
        first, second = sorted((t["model_a"], t["model_b"]))
        r = rows[label["task"]]
        if label["choice"] == "tie":
            r[2] += 1
        elif (label["choice"] == "A") == (t["model_a"] == first):
            r[0] += 1
        else:
            r[1] += 1
    models = sorted({t["model_a"] for t in tasks} | {t["model_b"] for t in tasks})
    design, successes, trials, diffs = [], [], [], []
    for tid, (wf, ws, ties) in sorted(rows.items()):
        t = by_task[tid]
        first, second = sorted((t["model_a"], t["model_b"]))
        la, lb = lengths[tid]
        lf, ls = (la, lb) if t["model_a"] == first else (lb, la)
        diffs.append((lf - ls) / (lf + ls))
        x = [0.0] * (len(models) - 1)
        if models.index(first) > 0:
            x[models.index(first) - 1] = 1.0
        if models.index(second) > 0:
            x[models.index(second) - 1] = -1.0
        design.append(x)
        successes.append(wf + ties / 2)
        trials.append(wf + ws + ties)
    d, n = np.array(diffs), np.array(trials)
    mean = (n * d).sum() / n.sum()
    sd = np.sqrt((n * d * d).sum() / n.sum() - mean * mean)
    X = np.column_stack([np.array(design), (d - mean) / sd])
    import statsmodels.api as sm
    fit = sm.GLM(np.array(successes) / n, X, family=sm.families.Binomial(), var_weights=n).fit(tol=1e-13)
    beta = np.concatenate([[0.0], fit.params[:-1]])
    beta -= beta.mean()
    out["length_controlled"] = {"labels": int(n.sum()), "length_coefficient": fit.params[-1],
                                "ratings": {m: 1000 + 400 / np.log(10) * b for m, b in zip(models, beta)}}
    # --by category: per group, items, labels, percent agreement (mean over items with two or
    # more labels), nominal alpha and the win counts per model pair.
    out["groups"] = {}
    for category in sorted({t["category"] for t in tasks}):
        ls = [label for label in labels if by_task[label["task"]]["category"] == category]
        units = defaultdict(list)
        for label in ls:
            units[label["task"]].append(label["choice"])
        shares = [sum(c * (c - 1) for c in Counter(v).values()) / (len(v) * (len(v) - 1)) for v in units.values() if len(v) >= 2]
        wins = {}
        for label in ls:
            t = by_task[label["task"]]
            first, second = sorted((t["model_a"], t["model_b"]))
            w = wins.setdefault((first, second), [0, 0, 0])
            if label["choice"] == "tie":
                w[2] += 1
            elif label["choice"] in ("A", "B"):
                w[0 if (label["choice"] == "A") == (t["model_a"] == first) else 1] += 1
        out["groups"][category] = {"items": len(units), "labels": len(ls), "percent_agreement": float(np.mean(shares)),
                                   "alpha": alpha_nominal(units.values()), "wins": wins}
    out["group_units"] = {}
    for category in out["groups"]:
        units = defaultdict(list)
        for label in labels:
            if by_task[label["task"]]["category"] == category:
                units[label["task"]].append(label["choice"])
        out["group_units"][category] = units
    out["length_overall"] = bias(labels)
    for r in sorted({label["rater"] for label in labels}):
        out["raters"][r] = bias([label for label in labels if label["rater"] == r])
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prefer", required=True)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    problems = []

    def close(what, ours, theirs, tol=1e-9):
        if theirs is None or ours is None:
            if ours != theirs:
                problems.append(f"{what}: prefer {ours!r}, Python {theirs!r}")
            return
        if isinstance(theirs, (list, tuple)):
            for k, (a, b) in enumerate(zip(ours, theirs)):
                close(f"{what}[{k}]", a, b, tol)
            return
        if isinstance(theirs, str) or isinstance(theirs, int) and not isinstance(theirs, bool) and isinstance(ours, int):
            if ours != theirs:
                problems.append(f"{what}: prefer {ours!r}, Python {theirs!r}")
            return
        if abs(float(ours) - float(theirs)) > tol:
            problems.append(f"{what}: prefer {ours!r}, Python {theirs!r}, |difference| {abs(ours - theirs):.2e}")

    with tempfile.TemporaryDirectory() as folder:
        tasks, labels, lengths = generate(folder, args.seed)
        def report(*extra):
            run = subprocess.run([args.prefer, "report", os.path.join(folder, "sessions"), "--tasks",
                                  os.path.join(folder, "tasks.jsonl"), "--format", "json", "--by", "category", *extra],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"prefer report failed ({run.returncode}): {run.stderr}")
            return json.loads(run.stdout)
        ours = report("--bootstrap", "0")
        resampled = report("--bootstrap", str(SPREAD_RESAMPLES), "--seed", str(args.seed))
    theirs = expected(tasks, labels, lengths)
    claims = {(c["model_a"], c["model_b"]): c for c in ours["claims"]}
    if set(claims) != set(theirs["claims"]):
        problems.append(f"pairs: prefer {sorted(claims)}, Python {sorted(theirs['claims'])}")
    for key, want in theirs["claims"].items():
        got = claims.get(key)
        if not got:
            continue
        for field, value in want.items():
            close(f"claim {key} {field}", got[field], value)
    for field, value in theirs["pooled"].items():
        close(f"pooled {field}", ours["pooled_pair_agreement"][field], value)
    for field, value in theirs["length_overall"].items():
        close(f"length bias {field}", ours["length_bias"]["overall"][field], value)
    lc, want = ours["length_controlled_ratings"], theirs["length_controlled"]
    close("length-controlled labels", lc["labels"], want["labels"])
    close("length coefficient", lc["length_coefficient"], want["length_coefficient"], 1e-9)
    for r in lc["ratings"]:
        close(f"length-controlled rating {r['model']}", r["rating"], want["ratings"][r["model"]], 1e-9)
    groups = {g["value"]: g for g in ours["breakdown"]["groups"]}
    if set(groups) != set(theirs["groups"]):
        problems.append(f"groups: prefer {sorted(groups)}, Python {sorted(theirs['groups'])}")
    for value, want in theirs["groups"].items():
        got = groups.get(value)
        if not got:
            continue
        close(f"group {value} items", got["items"], want["items"])
        close(f"group {value} labels", got["labels"], want["labels"])
        close(f"group {value} percent agreement", got["agreement"]["percent_agreement"], want["percent_agreement"])
        close(f"group {value} alpha", got["agreement"]["krippendorff_alpha"]["nominal"], want["alpha"])
        got_wins = {(w["model_a"], w["model_b"]): [w["wins_a"], w["wins_b"], w["ties"]] for w in got["win_rates"]}
        if got_wins != want["wins"]:
            problems.append(f"group {value} wins: prefer {got_wins}, Python {want['wins']}")
    spread = alpha_difference(theirs["group_units"], SPREAD_RESAMPLES, args.seed)
    got = resampled["breakdown"]["agreement_difference"]
    for field in ("weakest", "strongest", "alpha_difference", "ci95", "p"):
        close(f"agreement difference {field}", got[field], spread[field])
    close("agreement difference (no bootstrap)", ours["breakdown"]["agreement_difference"]["alpha_difference"],
          spread["alpha_difference"])
    raters = {r["rater"]: r for r in ours["length_bias"]["raters"]}
    for rater, want in theirs["raters"].items():
        for field, value in want.items():
            close(f"length bias {rater} {field}", raters[rater][field], value)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"ok: {len(theirs['claims'])} claims, pooled agreement, length bias of {len(theirs['raters'])} raters "
          f"agree with scipy/statsmodels to 1e-9 (length-controlled ratings, {len(theirs['groups'])} groups and their alpha difference "
          f"{spread['weakest']} vs {spread['strongest']} with its bootstrap interval included)")


if __name__ == "__main__":
    main()
