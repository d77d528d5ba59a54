#!/usr/bin/env python3
"""Benchmark of `prefer label` on a large task file (issue: the labeling screen).

Generates (once, cached under benchmarks/data/) a deterministic 100,000-task file of about
330 MB with ~1.5 KB responses, builds prefer in release mode, and measures in tmux:

  * startup: wall time from launch until the first task is on screen;
  * peak resident memory (VmHWM) of the prefer process, against the task file's size;
  * CPU per keypress: user+system CPU time the process spends per redraw-causing key
    (scrolling and focus keys), averaged over a few hundred keys;
  * CPU per choice: the same for choice keys (write + fsync + next task + redraw).

Usage: python3 benchmarks/bench_label.py [--tasks N] [--keys K]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLK_TCK = os.sysconf("SC_CLK_TCK")


def sh(*args, **kw):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw).stdout


def tmux(sock, *args):
    return sh("tmux", "-L", sock, *args)


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime


def peak_rss_bytes(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--keys", type=int, default=300)
    args = ap.parse_args()

    data_dir = os.path.join(ROOT, "benchmarks", "data")
    os.makedirs(data_dir, exist_ok=True)
    tasks = os.path.join(data_dir, f"tasks-{args.tasks}.jsonl")
    if not os.path.exists(tasks):
        print(f"generating {tasks} …", file=sys.stderr)
        sh(sys.executable, os.path.join(ROOT, "benchmarks", "generate_tasks.py"),
           "--tasks", str(args.tasks), "--seed", "1", "-o", tasks)
    size = os.path.getsize(tasks)

    print("building release …", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release", "--product", "prefer"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(sh("swift", "build", "-c", "release", "--show-bin-path", cwd=ROOT).strip(), "prefer")

    # Warm the page cache so the figure is about prefer, not the disk.
    with open(tasks, "rb") as f:
        while f.read(1 << 24):
            pass

    work = tempfile.mkdtemp(prefix="prefer-bench-")
    sock = f"prefer-bench-{os.getpid()}"
    try:
        cmd = (f"cd {work} && exec {binary} label --tasks {tasks} --guideline {ROOT}/guidelines/default.md "
               f"--sessions {work}/sessions --rater bench")
        started = time.monotonic()
        tmux(sock, "-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", "160", "-y", "48", "sh", "-c", cmd)
        # `exec` makes the pane's process prefer itself.
        pid = int(tmux(sock, "display", "-p", "-t", "b", "#{pane_pid}").strip())
        first = None
        while time.monotonic() - started < 60:
            screen = tmux(sock, "capture-pane", "-p", "-t", "b")
            if "Response 1" in screen and "0/" in screen:
                first = time.monotonic() - started
                break
            time.sleep(0.005)
        if first is None:
            raise RuntimeError("first task never appeared:\n" + screen)

        def per_key(keys, settle):
            time.sleep(0.5)
            before = cpu_seconds(pid)
            for k in keys:
                tmux(sock, "send-keys", "-t", "b", k)
                time.sleep(settle)
            time.sleep(0.5)
            return (cpu_seconds(pid) - before) / len(keys)

        scroll_keys = (["j"] * 5 + ["Tab"] + ["k"] * 5 + ["Tab"]) * (args.keys // 12 + 1)
        scroll_cpu = per_key(scroll_keys[: args.keys], 0.01)
        choice_cpu = per_key(["1", "2", "t", "x"] * 10, 0.40)
        rss = peak_rss_bytes(pid)
        tmux(sock, "send-keys", "-t", "b", "q")
        time.sleep(0.5)
    finally:
        subprocess.run(["tmux", "-L", sock, "kill-server"], stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)

    print(f"task file:            {args.tasks} tasks, {size / 1e6:.0f} MB")
    print(f"first task on screen: {first:.2f} s   (target < 2 s)")
    print(f"peak resident memory: {rss / 1e6:.0f} MB   (target < file size, {size / 1e6:.0f} MB)")
    print(f"CPU per scroll key:   {scroll_cpu * 1000:.2f} ms   (target < 10 ms)")
    print(f"CPU per choice key:   {choice_cpu * 1000:.2f} ms   (write + fsync + next task + redraw)")


if __name__ == "__main__":
    main()
