"""Item 1: kill -9 at random moments while keys are typed.

Invariant: whenever the screen shows "Question number X?", tasks 1..X-1 were acknowledged (the
screen only moves on after the label is fsynced), so after the kill they must all be labeled
on disk. Every file parses (a torn tail at most) and the next sitting resumes at the first
unlabeled task. RELIABILITY_KILLS sets how many kills (CI default 100; seeds vary per run).
"""
import os
import random
import re
import signal
import time

from rlib import Failure, Tmux, Workspace, check

QUESTION = re.compile(r"Question number (\d+)\?")


def shown_question(screen):
    found = QUESTION.findall(screen)
    return int(found[0]) if found else None


def test_kill9_at_random_moments_loses_no_acknowledged_label():
    kills = int(os.environ.get("RELIABILITY_KILLS", "100"))
    seed = int(os.environ.get("RELIABILITY_SEED", str(int(time.time()))))
    rng = random.Random(seed)
    print("  crash: %d kills, RELIABILITY_SEED=%d" % (kills, seed), flush=True)
    ws = Workspace(count=2000)
    try:
        highest_acknowledged = 0  # every task <= this was shown as done on some screen
        done = 0
        while done < kills:
            tmux = Tmux(ws.command(), ws.root)
            try:
                # Early kills (before or during session_start) are random moments too.
                if rng.random() < 0.15:
                    time.sleep(rng.uniform(0.0, 0.25))
                else:
                    screen = tmux.wait_for("Question number")
                    start = shown_question(screen)
                    labeled = ws.effective_labels()
                    expected = next(n for n in range(1, 5000) if "task-%d" % n not in labeled)
                    check(start == expected, "the sitting resumed at task %s, not at the first unlabeled task %d"
                          % (start, expected))
                    for _ in range(rng.randrange(0, 4)):
                        time.sleep(rng.uniform(0.37, 0.6))
                        tmux.type(rng.choice("12tx"))
                    time.sleep(rng.uniform(0.0, 0.45))
                    seen = shown_question(tmux.screen())
                    if seen:
                        highest_acknowledged = max(highest_acknowledged, seen - 1)
                pid = tmux.pid()
                if pid is None:
                    continue
                os.kill(pid, signal.SIGKILL)
                check(tmux.exit_status() == 137, "prefer did not die from SIGKILL")
                done += 1
                labeled = ws.effective_labels()  # parses every file: torn tail at most
                missing = [n for n in range(1, highest_acknowledged + 1) if "task-%d" % n not in labeled]
                check(not missing, "acknowledged labels missing after kill %d (seed %d): %s"
                      % (done, seed, missing[:10]))
            finally:
                tmux.kill()
        torn = sum(1 for _, _, t in ws.parsed_files() if t)
        check(highest_acknowledged > kills // 4, "too few labels were acknowledged (%d) to prove anything"
              % highest_acknowledged)
        print("  crash: %d labels acknowledged, %d files, %d torn tails" %
              (highest_acknowledged, len(ws.session_files()), torn), flush=True)
        # The next sitting starts cleanly and can still label.
        tmux = Tmux(ws.command(), ws.root)
        try:
            tmux.wait_for("Question number %d?" % (len(ws.effective_labels()) + 1))
            tmux.type("q")
            check(tmux.exit_status() == 0, "the sitting after the crashes did not quit cleanly: " + tmux.stderr())
        finally:
            tmux.kill()
    finally:
        ws.close()
