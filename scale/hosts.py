"""Simulated hosts for the recipes' checks and measurements: one sessions folder split in two.

A lab's raters work on several SSH hosts, each with its own sessions folder. `split` lays a
generated (or example) sessions folder out as HOSTS/hostA/sessions and HOSTS/hostB/sessions:
each rater's sittings alternate between the hosts (so a rater's replay order crosses
hosts), files outside rater folders go to hostA. Files are hard links (no copy of the data)
unless `damage` says to change them; then they are copied first, so the source stays as the
generator wrote it.
"""

import datetime
import json
import os
import shutil


def split(source, hosts):
    """Lays `source` (a sessions folder) out under `hosts`; returns the two sessions folders."""
    shutil.rmtree(hosts, ignore_errors=True)
    targets = [os.path.join(hosts, "hostA", "sessions"), os.path.join(hosts, "hostB", "sessions")]
    for target in targets:
        os.makedirs(target)
    for entry in sorted(os.listdir(source)):
        path = os.path.join(source, entry)
        if os.path.isdir(path):
            for k, name in enumerate(sorted(n for n in os.listdir(path) if n.endswith(".jsonl"))):
                folder = os.path.join(targets[k % 2], entry)
                os.makedirs(folder, exist_ok=True)
                _link(os.path.join(path, name), os.path.join(folder, name))
        elif entry.endswith(".jsonl"):
            _link(path, os.path.join(targets[0], entry))
    return targets


def _link(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _own_copy(path):
    """Replaces a hard link by a private copy, so that changing it leaves the source alone."""
    temporary = path + ".copy"
    shutil.copyfile(path, temporary)
    os.replace(temporary, path)


def tear_last_line(path):
    """A crash mid-write: the sitting's session_end is gone and a label line is cut short."""
    _own_copy(path)
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")[:-1]
    last_label = next(line for line in reversed(lines) if b'"type":"label"' in line)
    kept = lines[:-1] if b'"type":"session_end"' in lines[-1] else lines
    with open(path, "wb") as f:
        f.write(b"".join(line + b"\n" for line in kept) + last_label[: len(last_label) // 2])


def add_correction_sitting(hosts, host, rater, choices=("A", "B", "tie", "both_bad")):
    """A later sitting of `rater` on `host` that relabels two tasks of the rater's first
    sitting with another choice and undoes a third: the effective labels then depend on
    replaying the rater's sittings in order across hosts. Returns the new file's path."""
    sittings = sorted(
        (os.path.join(dirpath, name) for dirpath, _, names in os.walk(hosts)
         if os.path.basename(dirpath) == rater for name in names if name.endswith(".jsonl")),
        key=os.path.basename)
    stamps = []
    for path in sittings:
        with open(path, "rb") as f:
            stamps.extend(json.loads(line)["at"] for line in f.read().split(b"\n")[:-1] if b'"at"' in line)
    with open(sittings[0], "rb") as f:
        picked = [json.loads(line) for line in f.read().split(b"\n")[:-1] if b'"type":"label"' in line][:3]
    start = datetime.datetime.strptime(max(stamps), "%Y-%m-%dT%H:%M:%S.%fZ") + datetime.timedelta(hours=1)
    at = [(start + datetime.timedelta(seconds=30 * k)).strftime("%Y-%m-%dT%H:%M:%S.000Z") for k in range(5)]
    session = start.strftime("%Y%m%dT%H%M%SZ") + "-c0ffee11"
    common = {"v": 1, "session": session, "rater": rater}
    lines = [dict(common, type="session_start", at=at[0], tasks="tasks.jsonl", tasks_sha256="0" * 64,
                  guideline="guidelines/default.md", guideline_sha256="1" * 64,
                  scale=list(choices), tool="prefer 0.1.0", login=rater, term={"cols": 120, "rows": 40})]
    for k, label in enumerate(picked[:2]):
        other = next(c for c in choices if c != label["choice"])
        lines.append(dict(common, type="label", at=at[1 + k], task=label["task"],
                          task_sha256=label["task_sha256"], choice=other, left=label["left"], ms=4321))
    lines.append(dict(common, type="undo", at=at[3], task=picked[2]["task"]))
    lines.append(dict(common, type="session_end", at=at[4], labels=2, reason="quit"))
    path = os.path.join(hosts, host, "sessions", rater, session + ".jsonl")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(json.dumps(line, separators=(",", ":")) + "\n" for line in lines))
    return path
