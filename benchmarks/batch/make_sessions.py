#!/usr/bin/env python3
"""Write a batch at scale for benchmarks/batch/run.sh: a batch file over a task file, and the
session files of RATERS raters holding LABELS labels (each with its `shown` claim line), as
`prefer label --batch` would have left them.

The worst case for routing is chosen on purpose: all but the last few tasks already have
`overlap` agreeing labels, so choosing the next task walks (nearly) a whole rater's order.

    python3 benchmarks/batch/make_sessions.py --tasks FILE --out DIR [--raters 50] [--labels 300000]
"""

import argparse
import hashlib
import json
import os
import random


def stamp(seconds):
    s, ms = divmod(seconds, 1000)
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(s)) + ".%03dZ" % ms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--raters", type=int, default=50)
    ap.add_argument("--labels", type=int, default=300000)
    ap.add_argument("--overlap", type=int, default=3)
    a = ap.parse_args()

    digest = hashlib.sha256()
    ids, shas = [], []
    with open(a.tasks, "rb") as f:
        for raw in f:
            digest.update(raw)
            line = raw.strip()
            if not line:
                continue
            ids.append(json.loads(line)["id"])
            shas.append(hashlib.sha256(line).hexdigest())
    tasks_sha = digest.hexdigest()
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "batch.toml"), "w") as f:
        f.write('name = "bench"\ntasks = "%s"\noverlap = %d\nrepeat_rate = 0.05\n' % (os.path.abspath(a.tasks), a.overlap))

    rng = random.Random(1)
    raters = ["rater%02d" % r for r in range(a.raters)]
    per_task = a.overlap
    # A few tasks stay open so that every pick walks (nearly) the whole order.
    labeled_tasks = min(len(ids) - 10, a.labels // per_task)
    files = {r: [] for r in raters}
    t0 = 1_800_000_000_000
    clock = 0
    for t in range(labeled_tasks):
        for r in rng.sample(raters, per_task):
            clock += 37
            left = "A" if rng.random() < 0.5 else "B"
            files[r].append({"v": 1, "type": "shown", "rater": r, "at": stamp(t0 + clock), "task": ids[t],
                             "task_sha256": shas[t], "left": left})
            files[r].append({"v": 1, "type": "label", "rater": r, "at": stamp(t0 + clock + 5), "task": ids[t],
                             "task_sha256": shas[t], "choice": "A", "left": left, "ms": 4000 + rng.randrange(9000)})
    for r in raters:
        folder = os.path.join(a.out, "sessions", r)
        os.makedirs(folder, exist_ok=True)
        session = "20270115T080000Z-%08x" % rng.randrange(1 << 32)
        with open(os.path.join(folder, session + ".jsonl"), "w") as f:
            start = {"v": 1, "type": "session_start", "session": session, "rater": r, "at": stamp(t0),
                     "tasks": a.tasks, "tasks_sha256": tasks_sha, "guideline": "default", "guideline_sha256": "0" * 64,
                     "scale": ["A", "B", "tie", "both_bad"], "tool": "prefer bench", "login": r,
                     "term": {"cols": 120, "rows": 40}}
            f.write(json.dumps(start, separators=(",", ":")) + "\n")
            for event in files[r]:
                event["session"] = session
                f.write(json.dumps(event, separators=(",", ":")) + "\n")
    print("%d tasks, %d raters, %d labels, %d tasks left open" % (len(ids), a.raters, labeled_tasks * per_task,
                                                                    len(ids) - labeled_tasks))


if __name__ == "__main__":
    main()
