#!/usr/bin/env python3
"""Writes and bytes that reach the terminal per keypress in `prefer label`.

Over SSH every write(2) to the tty can become a packet, so a frame should leave in one
write. The script runs the built binary under `strace -f -y -e trace=write,writev,fsync`
in a private tmux server (default 120x40, the demo-like 6-task workspace of the reliability
suite), presses keys with pauses longer than the 350 ms choice guard, and counts the writes
to the terminal between one key and the next:

  focus    `Tab` (to the next pane)
  scroll   `j` (one line down in the focused pane)
  choice   `1` on a task: the label's write+fsync, then the next task's frame

    python3 benchmarks/frames/bench_frame_writes.py [--bin PATH] [--cols 120 --rows 40] [--repeat 5]

Prints one line per key kind: median writes and bytes per key. Needs strace and tmux.
"""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CALL = re.compile(r'^(\d+)\s+(\w+)\((\d+)<([^>]*)>, (.*)\)\s+=\s+(-?\d+)')


def tmux(socket, *args):
    return subprocess.run(["tmux", "-L", socket] + list(args), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode("utf-8", "replace")


def wait_for(socket, text, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if text in tmux(socket, "capture-pane", "-p", "-t", "b"):
            return
        time.sleep(0.03)
    raise SystemExit("never saw %r:\n%s" % (text, tmux(socket, "capture-pane", "-p", "-t", "b")))


def is_tty(path):
    return path.startswith("/dev/pts") or path == "/dev/tty"


def run_once(binary, cols, rows, tasks, repeat):
    work = tempfile.mkdtemp(prefix="prefer-frames-")
    with open(os.path.join(work, "tasks.jsonl"), "w") as f:
        for n in range(1, tasks + 1):
            f.write(json.dumps({"id": "task-%d" % n, "prompt": "Question number %d?" % n,
                                "response_a": "\n".join("Answer alpha %d, line %d." % (n, k) for k in range(60)),
                                "response_b": "\n".join("Answer beta %d, line %d." % (n, k) for k in range(60)),
                                "model_a": "x", "model_b": "y"}) + "\n")
    with open(os.path.join(work, "guide.md"), "w") as f:
        f.write("# Guide\n\nPick the more **helpful** answer.\n")
    log = os.path.join(work, "strace.log")
    socket = "prefer-bench-frames-%d" % os.getpid()
    argv = ["strace", "-f", "-y", "-s", "0", "-e", "trace=write,writev,fsync", "-o", log, binary, "label",
            "--tasks", "tasks.jsonl", "--guideline", "guide.md", "--sessions", "sessions", "--rater", "bench"]
    script = "cd %s && env TERM=xterm-256color LANG=C.UTF-8 %s 2>err; sleep 30" % (
        shlex.quote(work), " ".join(shlex.quote(a) for a in argv))
    subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", str(cols),
                    "-y", str(rows), "bash", "-c", script], check=True)
    marks = []  # (kind, index into the log when the key was sent)

    def lines():
        return sum(1 for _ in open(log, errors="replace")) if os.path.exists(log) else 0

    try:
        try:
            wait_for(socket, "Question number 1?")
        except SystemExit:
            print(open(os.path.join(work, "err"), errors="replace").read(), file=sys.stderr)
            raise
        for k in range(repeat):
            for kind, key in (("focus", "Tab"), ("scroll", "j"), ("choice", "1")):
                time.sleep(0.5)
                marks.append((kind, lines()))
                tmux(socket, "send-keys", "-t", "b", key)
                if kind == "choice":
                    wait_for(socket, "Question number %d?" % (k + 2))
        time.sleep(0.5)
        marks.append(("end", lines()))
        tmux(socket, "send-keys", "-t", "b", "q")
        time.sleep(0.5)
    finally:
        tmux(socket, "kill-server")
    raw = open(log, errors="replace").read().splitlines()
    results = {"choice": [], "scroll": [], "focus": []}
    for (kind, start), (_, end) in zip(marks, marks[1:]):
        calls = tty_calls_from(raw[start:end])
        writes = [b for c, p, b in calls if c in ("write", "writev") and is_tty(p)]
        results[kind].append((len(writes), sum(writes)))
    subprocess.run(["rm", "-rf", work])
    return results


def tty_calls_from(lines):
    out = []
    for line in lines:
        m = CALL.match(line.strip())
        if m:
            out.append((m.group(2), m.group(4), max(int(m.group(6)), 0)))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "prefer"))
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)
    if not os.path.exists(args.bin):
        raise SystemExit("no binary at %s (swift build -c release, or --bin)" % args.bin)
    results = run_once(args.bin, args.cols, args.rows, args.repeat + 1, args.repeat)
    print("%dx%d, %s" % (args.cols, args.rows, args.bin))
    for kind in ("choice", "scroll", "focus"):
        writes = [w for w, _ in results[kind]]
        sizes = [b for _, b in results[kind]]
        print("%-7s writes per key: median %s (all %s); bytes: median %s"
              % (kind, statistics.median(writes), writes, statistics.median(sizes)))


if __name__ == "__main__":
    sys.exit(main())
