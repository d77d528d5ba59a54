#!/usr/bin/env python3
"""Write a deterministic data set for `prefer report` benchmarks: tasks, sessions and gold.

Same arguments, same bytes. The task file comes from benchmarks/generate_tasks.py (about
3.4 KB a line, ~1.5 KB responses). Every task is labeled by exactly --per-task distinct
raters (so Fleiss' kappa is defined), raters work in sittings of about 500 labels, one
session file per sitting, written exactly as `prefer label` writes them (SPEC section 4):
session_start, label, undo, skip, session_end, with `left` from LeftSide (first byte of
SHA-256(rater NUL task) even means A on the left) and `task_sha256` of the task's line.

Raters differ on purpose so that the report has something to flag: most agree with a
latent verdict drawn from model strengths 65-90% of the time, one prefers whatever is on
the left, one answers in under a second, one answers at random. About 1% of labels are
undone and relabeled, 0.5% of tasks are skipped first, and 1% of tasks are gold items.

    python3 benchmarks/report/generate_data.py --tasks 100000 --out benchmarks/data/report-100k
"""

import argparse
import hashlib
import math
import os
import random
import subprocess
import sys

try:
    import orjson

    def loads(line):
        return orjson.loads(line)
except ImportError:  # the generator works without orjson, only slower
    import json

    def loads(line):
        return json.loads(line)

STRENGTHS = {
    "gpt-4": 1.2, "claude-v1": 0.9, "gpt-3.5-turbo": 0.6, "qwen2-72b-instruct": 0.5,
    "mistral-7b-instruct-v0.2": 0.1, "vicuna-13b-v1.3": 0.0, "llama-13b": -0.6, "alpaca-13b": -0.8,
}
SCALE = '["A","B","tie","both_bad"]'
SITTING = 500


def ensure_tasks(path, tasks, seed):
    if os.path.exists(path):
        return
    here = os.path.dirname(os.path.abspath(__file__))
    generator = os.path.join(here, "..", "generate_tasks.py")
    subprocess.run([sys.executable, generator, "--tasks", str(tasks), "--seed", str(seed), "-o", path],
                   check=True)


def read_tasks(path):
    """(id, model_a, model_b, sha256 of the trimmed line) per task, in file order."""
    out = []
    with open(path, "rb") as f:
        for raw in f:
            line = raw.strip(b" \t\r\n")
            if not line:
                continue
            task = loads(line)
            out.append((task["id"], task.get("model_a"), task.get("model_b"),
                        hashlib.sha256(line).hexdigest()))
    return out


def rater_profiles(count, rng):
    profiles = []
    for k in range(count):
        name = f"r{k + 1:02d}"
        profile = {"name": name, "accuracy": rng.uniform(0.65, 0.9), "left_bias": 0.0,
                   "ms_median": rng.uniform(6000, 25000)}
        if k == 3:
            profile["left_bias"] = 0.6      # picks the left response 60% of the time when unsure
            profile["accuracy"] = 0.5
        if k == 7:
            profile["ms_median"] = 700.0    # clicks through
            profile["accuracy"] = 0.35
        if k == 11:
            profile["accuracy"] = 0.0       # answers at random
        profiles.append(profile)
    return profiles


def latent_verdict(model_a, model_b, rng):
    roll = rng.random()
    if roll < 0.05:
        return "both_bad"
    if roll < 0.15:
        return "tie"
    sa = STRENGTHS.get(model_a, 0.0)
    sb = STRENGTHS.get(model_b, 0.0)
    return "A" if rng.random() < 1.0 / (1.0 + math.exp(sb - sa)) else "B"


def left_side(rater, task):
    digest = hashlib.sha256(rater.encode() + b"\0" + task.encode()).digest()
    return "A" if digest[0] % 2 == 0 else "B"


def choose(profile, truth, left, rng):
    if rng.random() < profile["accuracy"]:
        return truth
    if profile["left_bias"] and rng.random() < profile["left_bias"]:
        return left
    return rng.choice(("A", "B", "A", "B", "tie", "both_bad"))


def stamp(ms):
    """RFC 3339 UTC with milliseconds for milliseconds since 2026-01-01T00:00:00Z (no leap years)."""
    seconds, millis = divmod(ms, 1000)
    days, rest = divmod(seconds, 86400)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    year = 2026
    while days >= 365:
        days -= 365
        year += 1
    month = 0
    while days >= lengths[month]:
        days -= lengths[month]
        month += 1
    return f"{year:04d}-{month + 1:02d}-{days + 1:02d}T{hour:02d}:{minute:02d}:{second:02d}.{millis:03d}Z"


def file_stamp(ms):
    text = stamp(ms)
    return text[0:4] + text[5:7] + text[8:10] + "T" + text[11:13] + text[14:16] + text[17:19] + "Z"


def write_rater(folder, profile, assignments, tasks, rng):
    """Writes one rater's sittings; `assignments` are (task index, latent verdict) pairs."""
    name = profile["name"]
    os.makedirs(os.path.join(folder, name), mode=0o750, exist_ok=True)
    clock = rng.randrange(0, 3_000_000_000)
    for first in range(0, len(assignments), SITTING):
        chunk = assignments[first:first + SITTING]
        session = file_stamp(clock) + "-" + f"{rng.getrandbits(32):08x}"
        prefix = f'"session":"{session}","rater":"{name}","at":"'
        lines = [
            f'{{"v":1,"type":"session_start",{prefix}{stamp(clock)}","tasks":"tasks.jsonl",'
            f'"tasks_sha256":"{"0" * 64}","guideline":"guidelines/default.md",'
            f'"guideline_sha256":"{"1" * 64}","scale":{SCALE},"tool":"prefer 0.1.0",'
            f'"login":"{name}","term":{{"cols":120,"rows":40}}}}\n'
        ]
        labels = 0
        for index, truth in chunk:
            task_id, _, _, sha = tasks[index]
            left = left_side(name, task_id)
            ms = max(150, int(rng.lognormvariate(math.log(profile["ms_median"]), 0.5)))
            if rng.random() < 0.005:
                clock += 2000
                lines.append(f'{{"v":1,"type":"skip",{prefix}{stamp(clock)}","task":"{task_id}"}}\n')
            clock += ms
            choice = choose(profile, truth, left, rng)
            label = (f'{{"v":1,"type":"label",{prefix}{stamp(clock)}","task":"{task_id}",'
                     f'"task_sha256":"{sha}","choice":"{choice}","left":"{left}","ms":{ms}}}\n')
            lines.append(label)
            labels += 1
            if rng.random() < 0.01:
                clock += 1500
                lines.append(f'{{"v":1,"type":"undo",{prefix}{stamp(clock)}","task":"{task_id}"}}\n')
                clock += ms
                choice = choose(profile, truth, left, rng)
                lines.append(f'{{"v":1,"type":"label",{prefix}{stamp(clock)}","task":"{task_id}",'
                             f'"task_sha256":"{sha}","choice":"{choice}","left":"{left}","ms":{ms}}}\n')
                labels += 1
        clock += 1000
        lines.append(f'{{"v":1,"type":"session_end",{prefix}{stamp(clock)}","labels":{labels},'
                     f'"reason":"quit"}}\n')
        path = os.path.join(folder, name, session + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(lines))
        clock += rng.randrange(600_000, 40_000_000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100000, help="tasks in the task file (default 100000)")
    parser.add_argument("--raters", type=int, default=50, help="raters (default 50)")
    parser.add_argument("--per-task", type=int, default=3, help="distinct raters per task (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", required=True, help="folder for tasks.jsonl, gold.jsonl and sessions/")
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    tasks_path = os.path.join(args.out, "tasks.jsonl")
    ensure_tasks(tasks_path, args.tasks, args.seed)
    tasks = read_tasks(tasks_path)

    rng = random.Random(args.seed * 7919 + 17)
    profiles = rater_profiles(args.raters, rng)
    work = [[] for _ in profiles]
    gold_lines = []
    for index, (task_id, model_a, model_b, _) in enumerate(tasks):
        truth = latent_verdict(model_a, model_b, rng)
        for r in rng.sample(range(len(profiles)), args.per_task):
            work[r].append((index, truth))
        if index % 100 == 37 and truth in ("A", "B"):
            gold_lines.append(f'{{"task":"{task_id}","choice":"{truth}"}}\n')

    sessions = os.path.join(args.out, "sessions")
    for profile, assignments in zip(profiles, work):
        rng.shuffle(assignments)
        write_rater(sessions, profile, assignments, tasks, rng)
    with open(os.path.join(args.out, "gold.jsonl"), "w", encoding="utf-8") as f:
        f.write("".join(gold_lines))
    print(f"{len(tasks)} tasks, {sum(len(w) for w in work)} labels, {len(profiles)} raters, "
          f"{len(gold_lines)} gold items in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
