#!/usr/bin/env python3
"""How long a large paste into the note field takes, and how many frames it costs.

A paste used to be read as keys with one redraw each (~0.8 ms per character: a 1 MB paste
froze the screen for ten minutes at 100% CPU). The script opens the note field in a private
tmux server (80x24), pastes SIZE bytes with `tmux paste-buffer` (bracketed with -p, as a
terminal does when the application asked; or unbracketed, each character a key, with
--unbracketed, one long line), presses Enter (queued behind the paste) and times until the
note is saved ("Note kept"). Frames are counted as
write(2) calls to the terminal (strace --seccomp-bpf, which does not slow the reads).

    python3 benchmarks/paste/bench_paste.py [--bin PATH] [--size 1048576] [--repeat 3] [--unbracketed]
"""
import argparse
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


def wait_for(socket, text, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if text in tmux(socket, "capture-pane", "-p", "-t", "b"):
            return True
        time.sleep(0.02)
    return False


def once(binary, size, bracketed):
    work = tempfile.mkdtemp(prefix="prefer-paste-")
    with open(os.path.join(work, "tasks.jsonl"), "w") as f:
        f.write('{"id":"t1","prompt":"Question?","response_a":"a","response_b":"b"}\n')
    with open(os.path.join(work, "guide.md"), "w") as f:
        f.write("# Guide\n")
    # Unbracketed, a line break is Enter (it saves the note, and what follows would be keys),
    # so that run pastes one long line.
    line = b"pasted line of text\twith a tab\n" if bracketed else b"pasted text\twith a tab, no line break "
    with open(os.path.join(work, "big.txt"), "wb") as f:
        f.write((line * (size // len(line) + 1))[:size])
    log = os.path.join(work, "strace.log")
    socket = "prefer-bench-paste-%d" % os.getpid()
    argv = ["strace", "-f", "--seccomp-bpf", "-y", "-s", "0", "-e", "trace=write", "-o", log, binary, "label",
            "--tasks", "tasks.jsonl", "--guideline", "guide.md", "--sessions", "sessions", "--rater", "bench"]
    script = "cd %s && env TERM=xterm-256color LANG=C.UTF-8 %s 2>err; sleep 600" % (
        shlex.quote(work), " ".join(shlex.quote(a) for a in argv))
    subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", "80", "-y", "24",
                    "bash", "-c", script], check=True)
    try:
        if not wait_for(socket, "Question?", 20):
            raise SystemExit("the screen never opened")
        tmux(socket, "send-keys", "-t", "b", "n")
        wait_for(socket, "Note (", 5)
        time.sleep(0.3)
        before = open(log, errors="replace").read().count("</dev/tty>")
        tmux(socket, "load-buffer", "-b", "p", os.path.join(work, "big.txt"))
        started = time.time()
        tmux(socket, "paste-buffer", *(["-p"] if bracketed else []), "-b", "p", "-t", "b")
        # Enter queues behind the paste: the note is saved only once all of it was read.
        tmux(socket, "send-keys", "-t", "b", "Enter")
        done = wait_for(socket, "Note kept", 900)
        took = time.time() - started
        frames = open(log, errors="replace").read().count("</dev/tty>") - before
        return took if done else None, frames
    finally:
        tmux(socket, "kill-server")
        subprocess.run(["rm", "-rf", work])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "prefer"))
    parser.add_argument("--size", type=int, default=1 << 20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--unbracketed", action="store_true")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    if not os.path.exists(binary):
        raise SystemExit("no binary at %s (swift build -c release, or --bin)" % binary)
    runs = [once(binary, args.size, not args.unbracketed) for _ in range(args.repeat)]
    times = [t for t, _ in runs if t is not None]
    print("%s, %d bytes, %s paste" % (binary, args.size, "unbracketed" if args.unbracketed else "bracketed"))
    print("paste + Enter until the note is saved: median %s s (all %s); frames (tty writes): %s"
          % ("%.2f" % statistics.median(times) if times else "timeout",
             ["%.2f" % t for t in times], [f for _, f in runs]))


if __name__ == "__main__":
    sys.exit(main())
