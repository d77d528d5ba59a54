#!/usr/bin/env python3
"""Build the bundled demo task set (tasks.jsonl) and its gold answers (gold.jsonl).

Usage:
    python3 examples/demo/make_demo.py          # rewrite both files, then check them
    python3 examples/demo/make_demo.py --check  # only check the committed files

The task texts live in tasks_code.py, tasks_judgment.py, tasks_tricky.py and
tasks_long.py (demo_text.py holds the shared Markdown helper). This script
numbers them in the order below (ids `demo-NN-<slug>`), writes one compact JSON object per
line, and escapes every control and invisible format character as `\\uXXXX` so that both
files are safe to `cat` (SPEC section 4 asks the same of everything prefer writes).
"""

import json
import sys
import unicodedata
from pathlib import Path

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository

import tasks_code  # noqa: E402  (after the bytecode switch on purpose)
import tasks_judgment  # noqa: E402
import tasks_long  # noqa: E402
import tasks_tricky  # noqa: E402

HERE = Path(__file__).resolve().parent
TASKS_FILE = HERE / "tasks.jsonl"
GOLD_FILE = HERE / "gold.jsonl"

# The order a rater meets them in: easy and ordinary first, hostile ones mixed in later.
ORDER = [
    "python-median",
    "capital-of-australia",
    "markdown-sorting-table",
    "chinese-photosynthesis",
    "conversation-pancakes",
    "terminal-escapes",
    "shell-count-lines",
    "km-to-miles",
    "emoji-family-trip",
    "instagram-ex",
    "seconds-in-a-week",
    "japanese-haiku",
    "hash-table-long",
    "makefile-tabs",
    "http-404",
    "french-translation",
    "force-push-zero-width",
    "conversation-key-error",
    "kill-stuck-process",
    "readme-install",
    "bidi-admin-check",
    "bike-shop-context",
    "library-summary",
    "train-duration",
    "json-only",
    "lisbon-rain",
    "decline-meeting",
    "thank-you-rtl",
]

KEY_ORDER = [
    "id", "prompt", "response_a", "response_b", "conversation_a", "conversation_b",
    "model_a", "model_b", "category",
]
PAIRWISE = {"A", "B", "tie", "both_bad"}


def is_hidden(ch):
    """Mirror PreferCore's HiddenCharacters.isHidden: controls, DEL, C1, U+2028/9 and Cf."""
    v = ord(ch)
    if v < 0x20 or v == 0x7F or 0x80 <= v <= 0x9F or v in (0x2028, 0x2029):
        return True
    return unicodedata.category(ch) == "Cf"


def escape_char(ch):
    """JSON-escape one character, as a UTF-16 surrogate pair when it lies beyond the BMP."""
    v = ord(ch)
    if v <= 0xFFFF:
        return "\\u%04x" % v
    v -= 0x10000
    return "\\u%04x\\u%04x" % (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))


def cat_safe_line(obj):
    """Compact JSON with raw UTF-8 text but every hidden character escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    # Hidden characters can only occur inside JSON strings (the syntax is plain ASCII), so
    # replacing them in the whole line never touches structure.
    return "".join(escape_char(c) if is_hidden(c) else c for c in text)


def build():
    """Number the task definitions and split off their gold answers."""
    by_slug = {}
    for module in (tasks_code, tasks_judgment, tasks_tricky, tasks_long):
        for task in module.TASKS:
            if task["slug"] in by_slug:
                raise SystemExit(f"duplicate slug {task['slug']}")
            by_slug[task["slug"]] = task
    missing = set(by_slug) - set(ORDER)
    unknown = set(ORDER) - set(by_slug)
    if missing or unknown:
        raise SystemExit(f"ORDER out of date: not listed {sorted(missing)}, "
                         f"unknown {sorted(unknown)}")
    tasks, gold = [], []
    for number, slug in enumerate(ORDER, start=1):
        spec = dict(by_slug[slug])
        task_id = f"demo-{number:02d}-{spec.pop('slug')}"
        choice = spec.pop("gold", None)
        spec["id"] = task_id
        tasks.append({key: spec[key] for key in KEY_ORDER if key in spec})
        if choice is not None:
            gold.append({"task": task_id, "choice": choice})
    return tasks, gold


def check_messages(where, messages):
    """A message list is a non-empty array of {"role", "content"} string pairs."""
    assert isinstance(messages, list) and messages, f"{where}: not a non-empty list"
    for m in messages:
        assert isinstance(m, dict) and set(m) == {"role", "content"}, f"{where}: bad message"
        assert isinstance(m["role"], str) and isinstance(m["content"], str), f"{where}: types"


def check_line(where, raw):
    """Check one line's bytes for cat-safety and return the parsed object."""
    assert all(b >= 0x20 for b in raw), f"{where}: raw control byte"
    text = raw.decode("utf-8")
    hidden = [f"U+{ord(c):04X}" for c in text if is_hidden(c)]
    assert not hidden, f"{where}: raw hidden characters {hidden}"
    obj = json.loads(text)
    assert isinstance(obj, dict), f"{where}: not an object"
    return obj


def check_task(where, task):
    """Check one task object against SPEC section 2."""
    tid = task.get("id")
    assert isinstance(tid, str) and 1 <= len(tid) <= 200, f"{where}: bad id"
    assert not any(is_hidden(c) for c in tid), f"{where}: control character in id"
    if "conversation_a" in task or "conversation_b" in task:
        assert not {"prompt", "response_a", "response_b"} & set(task), f"{where}: mixed forms"
        check_messages(where, task["conversation_a"])
        check_messages(where, task["conversation_b"])
        assert len({m["role"] for m in task["conversation_a"]} - {"system"}) == 2, \
            f"{where}: conversation needs user and assistant turns"
    else:
        prompt = task["prompt"]
        if isinstance(prompt, list):
            check_messages(where, prompt)
        else:
            assert isinstance(prompt, str), f"{where}: prompt type"
        assert isinstance(task["response_a"], str), f"{where}: response_a"
        assert isinstance(task["response_b"], str), f"{where}: response_b"
    for key in ("model_a", "model_b", "category"):
        assert isinstance(task[key], str), f"{where}: {key}"


def check_files():
    """Validate tasks.jsonl and gold.jsonl as committed; raise AssertionError on any flaw."""
    ids = set()
    data = TASKS_FILE.read_bytes()
    assert data.endswith(b"\n"), "tasks.jsonl: no final newline"
    for number, raw in enumerate(data[:-1].split(b"\n"), start=1):
        where = f"{TASKS_FILE.name}:{number}"
        task = check_line(where, raw)
        check_task(where, task)
        assert task["id"] not in ids, f"{where}: duplicate id {task['id']}"
        ids.add(task["id"])
    gold_ids = set()
    for number, raw in enumerate(GOLD_FILE.read_bytes().splitlines(), start=1):
        where = f"{GOLD_FILE.name}:{number}"
        entry = check_line(where, raw)
        assert set(entry) == {"task", "choice"}, f"{where}: keys"
        assert entry["task"] in ids, f"{where}: unknown task {entry['task']}"
        assert entry["task"] not in gold_ids, f"{where}: duplicate gold task"
        assert entry["choice"] in PAIRWISE, f"{where}: choice {entry['choice']}"
        gold_ids.add(entry["task"])
    return len(ids), len(gold_ids)


def main():
    if "--check" not in sys.argv[1:]:
        tasks, gold = build()
        TASKS_FILE.write_text("".join(cat_safe_line(t) + "\n" for t in tasks), "utf-8")
        GOLD_FILE.write_text("".join(cat_safe_line(g) + "\n" for g in gold), "utf-8")
    try:
        n_tasks, n_gold = check_files()
    except AssertionError as error:
        print(f"make_demo: {error}", file=sys.stderr)
        return 1
    print(f"make_demo: {n_tasks} tasks and {n_gold} gold answers are valid", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
