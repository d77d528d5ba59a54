#!/usr/bin/env python3
"""How fast a huge response reaches the screen, and how much memory `prefer label` takes.

A 10 MB response without spaces used to take ~11 s to show, ~9 s to come back after undo
and ~1.5 GB of memory, because every frame laid out all of it (three times per key). Now
the panes lay out only the lines on screen (`LazyLayout`). For each size and kind of text
the script writes a task file (task 1: the huge response_a beside a short response_b; task
2: small), runs `prefer label` in a private tmux server (80x24) and measures:

  first    spawn until the first screen shows (the huge task's prompt and its pane's
           scroll position are drawn)
  undo     label task 1, wait for task 2, press u: until task 1 is back on screen
  end      End in the huge pane (it lays out all of it): until the position says "end"
  VmHWM    peak resident memory of the process (/proc/PID/status) after all of that

    python3 benchmarks/hugetask/bench_huge_task.py [--bin PATH] [--sizes 1,10,15.9] [--repeat 3]

Sizes are MB of 10^6 bytes; 15.9 is about the largest response a task line of at most
16,000,000 bytes (TaskLineLimit) can hold. Kinds: "nospace" (one line of letters, hard
broken at the pane width), "spaces" (one line of words, word-wrapped) and "cjk" (one line
of Chinese, two columns and three bytes a character; with --kinds).
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def tmux(socket, *args):
    return subprocess.run(["tmux", "-L", socket] + list(args), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode("utf-8", "replace")


def wait_for(socket, predicate, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        screen = tmux(socket, "capture-pane", "-p", "-t", "b")
        if predicate(screen):
            return True
        time.sleep(0.01)
    return False


def response(kind, size):
    if kind == "nospace":
        unit = "abcdefghijklmnopqrstuvwxyz0123456789"
    elif kind == "cjk":
        # Three UTF-8 bytes and two columns a character, no ASCII at all.
        unit = "光合作用是植物利用阳光把二氧化碳和水变成糖和氧气的过程"
        return (unit * (size // len(unit.encode()) + 1))[:size // 3]
    else:
        unit = "lorem ipsum dolor sit amet consectetur "
    return (unit * (size // len(unit) + 1))[:size]


def peak_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def prefer_pid(socket):
    shell = int(tmux(socket, "display-message", "-p", "-t", "b", "#{pane_pid}").strip())
    with open("/proc/%d/task/%d/children" % (shell, shell)) as f:
        return int(f.read().split()[0])


def once(binary, size, kind):
    work = tempfile.mkdtemp(prefix="prefer-huge-")
    tasks = [{"id": "huge", "prompt": "Huge question?", "response_a": response(kind, size), "response_b": "Short."},
             {"id": "small", "prompt": "Small question?", "response_a": "a", "response_b": "b"}]
    with open(os.path.join(work, "tasks.jsonl"), "w", encoding="utf-8") as f:
        for task in tasks:
            # As written by a model's exporter: UTF-8, not \u escapes (which would triple CJK).
            f.write(json.dumps(task, ensure_ascii=False) + "\n")
    with open(os.path.join(work, "guide.md"), "w") as f:
        f.write("# Guide\n")
    socket = "prefer-bench-huge-%d" % os.getpid()
    argv = [binary, "label", "--tasks", "tasks.jsonl", "--guideline", "guide.md", "--sessions", "sessions",
            "--rater", "bench"]
    script = "cd %s && env TERM=xterm-256color LANG=C.UTF-8 %s 2>err; sleep 600" % (
        shlex.quote(work), " ".join(shlex.quote(a) for a in argv))
    started = time.time()
    subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", "80", "-y", "24",
                    "bash", "-c", script], check=True)
    result = {}
    try:
        shown = lambda s: "Huge question?" in s and " of " in s
        if not wait_for(socket, shown, 120):
            raise SystemExit("the first screen never showed")
        result["first"] = time.time() - started
        pid = prefer_pid(socket)
        time.sleep(0.5)  # past the choice guard
        tmux(socket, "send-keys", "-t", "b", "1")
        if not wait_for(socket, lambda s: "Small question?" in s, 120):
            raise SystemExit("task 2 never showed")
        time.sleep(0.2)
        undone = time.time()
        tmux(socket, "send-keys", "-t", "b", "u")
        if not wait_for(socket, shown, 120):
            raise SystemExit("task 1 never came back after undo")
        result["undo"] = time.time() - undone
        ended = time.time()
        tmux(socket, "send-keys", "-t", "b", "End")
        if not wait_for(socket, lambda s: " end " in s, 300):
            raise SystemExit("End never reached the end")
        result["end"] = time.time() - ended
        result["hwm_mb"] = peak_kb(pid) / 1024
        tmux(socket, "send-keys", "-t", "b", "q")
    finally:
        tmux(socket, "kill-server")
        subprocess.run(["rm", "-rf", work])
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "prefer"))
    parser.add_argument("--sizes", default="1,10,15.9")
    parser.add_argument("--kinds", default="nospace,spaces")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    if not os.path.exists(binary):
        raise SystemExit("no binary at %s (swift build -c release, or --bin)" % binary)
    print("%s, 80x24, median of %d" % (binary, args.repeat))
    print("| response | kind | first screen s | back after undo s | End s | VmHWM MB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for size_mb in [float(s) for s in args.sizes.split(",")]:
        for kind in args.kinds.split(","):
            runs = [once(binary, int(size_mb * 1_000_000), kind) for _ in range(args.repeat)]
            med = lambda key: statistics.median(r[key] for r in runs)
            print("| %g MB | %s | %.2f | %.2f | %.2f | %.0f |" % (size_mb, kind, med("first"), med("undo"), med("end"),
                                                                   med("hwm_mb")))
            sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
