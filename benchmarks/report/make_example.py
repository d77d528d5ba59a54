#!/usr/bin/env python3
"""Write the worked example of docs/REPORT.md: a small team's sessions on the demo tasks.

Four raters label the 28 demo tasks (examples/demo/tasks.jsonl) in one or two sittings each,
as `prefer label` writes them; "dee" clicks fast and prefers the left response; "judge" is an
LLM judge whose labels came from another tool as minimal lines. One label is undone and
relabeled, one sitting ends in a torn line (a crash mid-write). Deterministic: same bytes
every run.

    python3 benchmarks/report/make_example.py   # writes benchmarks/report/example/sessions/
"""

import hashlib
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
TASKS = os.path.join(ROOT, "examples", "demo", "tasks.jsonl")
OUT = os.path.join(HERE, "example", "sessions")
SCALE = ["A", "B", "tie", "both_bad"]

# The verdict a careful rater reaches on each demo task (A/B canonical, as in the task file).
TRUTH = ["B", "A", "A", "B", "A", "B", "A", "B", "A", "B", "A", "A", "B", "B",
         "A", "tie", "B", "B", "A", "A", "both_bad", "B", "A", "B", "A", "tie", "A", "B"]


def left_side(rater, task):
    return "A" if hashlib.sha256(rater.encode() + b"\0" + task.encode()).digest()[0] % 2 == 0 else "B"


def stamp(seconds, millis):
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"2026-11-{28 + hours // 24:02d}T{hours % 24:02d}:{minutes:02d}:{secs:02d}.{millis:03d}Z"


def event(kind, session, rater, at, **fields):
    record = {"v": 1, "type": kind, "session": session, "rater": rater, "at": at}
    record.update(fields)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def main():
    tasks = []
    with open(TASKS, "rb") as f:
        for raw in f:
            line = raw.strip()
            if line:
                tasks.append((json.loads(line)["id"], hashlib.sha256(line).hexdigest()))
    shutil.rmtree(OUT, ignore_errors=True)
    rng = random.Random(2026)
    profiles = {"ana": (0.9, 0.0, 21000), "bo": (0.8, 0.0, 15000), "chen": (0.75, 0.0, 30000),
                "dee": (0.35, 0.7, 2500)}
    clock = 9 * 3600
    for rater, (accuracy, left_bias, median_ms) in profiles.items():
        os.makedirs(os.path.join(OUT, rater), exist_ok=True)
        order = list(range(len(tasks)))
        rng.shuffle(order)
        sittings = [order[:14], order[14:]]
        for number, chunk in enumerate(sittings):
            start = clock
            session = f"20261128T{start // 3600:02d}{start % 3600 // 60:02d}00Z-{rng.getrandbits(32):08x}"
            lines = [event("session_start", session, rater, stamp(clock, 0), tasks="examples/demo/tasks.jsonl",
                           tasks_sha256="see prefer label", guideline="guidelines/default.md",
                           guideline_sha256="see prefer label", scale=SCALE, tool="prefer 0.1.0", login=rater,
                           term={"cols": 120, "rows": 40})]
            count = 0
            for index in chunk:
                task, sha = tasks[index]
                left = left_side(rater, task)
                ms = max(400, int(rng.lognormvariate(0, 0.4) * median_ms))
                clock += ms // 1000 + 1
                if rng.random() < accuracy:
                    choice = TRUTH[index]
                elif rng.random() < left_bias:
                    choice = left
                else:
                    choice = rng.choice(SCALE)
                lines.append(event("label", session, rater, stamp(clock, ms % 1000), task=task, task_sha256=sha,
                                   choice=choice, left=left, ms=ms))
                count += 1
                if rater == "bo" and index == chunk[3]:
                    # A second look: undo, then the label that counts.
                    clock += 4
                    lines.append(event("undo", session, rater, stamp(clock, 0), task=task))
                    clock += 9
                    lines.append(event("label", session, rater, stamp(clock, 0), task=task, task_sha256=sha,
                                       choice=TRUTH[index], left=left, ms=9000))
            clock += 30
            if rater == "chen" and number == 1:
                # The terminal died mid-write: the last line is torn, the sitting has no end.
                lines.append(lines[-1][: len(lines[-1]) // 2])
            else:
                lines.append(event("session_end", session, rater, stamp(clock, 0), labels=count, reason="quit"))
            with open(os.path.join(OUT, rater, session + ".jsonl"), "w", encoding="utf-8") as f:
                f.write("".join(lines))
            clock += 600
    # An LLM judge's verdicts from another tool: minimal label lines, no times, no sides.
    with open(os.path.join(OUT, "judge.jsonl"), "w", encoding="utf-8") as f:
        for index, (task, _) in enumerate(tasks):
            choice = TRUTH[index] if rng.random() < 0.85 else rng.choice(SCALE)
            f.write(json.dumps({"type": "label", "rater": "judge", "task": task, "choice": choice},
                               separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
