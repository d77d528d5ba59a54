"""Item 2: write failures — ulimit -f, a full tmpfs, and an fsync that fails (LD_PRELOAD shim).

Each must show "Could not save", not advance, not crash (no SIGXFSZ death: exit 1, not 153),
and after a restart every acknowledged label is on disk.
"""
import os
import re
import subprocess
import tempfile

from rlib import Failure, Tmux, Workspace, check, choose

HERE = os.path.dirname(os.path.abspath(__file__))


def label_until_failure(ws, tmux, max_labels=40):
    """Chooses until the screen says it could not save; returns the last question acknowledged."""
    tmux.wait_for("Question number 1?")
    acknowledged = 0
    for n in range(1, max_labels + 1):
        choose(tmux, "1")
        for _ in range(100):
            s = tmux.screen()
            if "Could not save" in s or "Question number %d?" % (n + 1) in s:
                break
            import time; time.sleep(0.03)
        if "Could not save" in s:
            check("Question number %d?" % (n + 1) not in s, "the screen advanced after a failed save")
            return acknowledged, s
        check("Question number %d?" % (n + 1) in s, "neither advanced nor failed:\n" + s)
        acknowledged = n
    raise Failure("no save ever failed")


def after_restart_all_acknowledged_are_there(ws, acknowledged):
    labeled = ws.effective_labels()
    missing = [n for n in range(1, acknowledged + 1) if "task-%d" % n not in labeled]
    check(not missing, "acknowledged labels lost: %s" % missing)
    tmux = Tmux(ws.command(), ws.root)
    try:
        tmux.wait_for("Question number %d?" % (len(labeled) + 1))
        tmux.type("q")
        check(tmux.exit_status() == 0, "restart did not quit cleanly: " + tmux.stderr())
    finally:
        tmux.kill()


def end_after_failure(tmux):
    tmux.type("z")  # any key ends the sitting
    status = tmux.exit_status()
    check(status == 1, "after a failed save the exit status is %r, expected 1 (153 is a SIGXFSZ death)" % status)
    check("Could not save" in tmux.stderr() or "could not" in tmux.stderr().lower(),
          "no clear message on stderr: " + tmux.stderr())


def test_ulimit_f_gives_could_not_save_and_no_sigxfsz_death():
    ws = Workspace(count=60)
    try:
        # bash counts ulimit -f in 1024-byte blocks: room for session_start and a few labels.
        tmux = Tmux(ws.command(), ws.root, shell_prefix="ulimit -f 2;")
        try:
            acknowledged, screen = label_until_failure(ws, tmux)
            check(acknowledged >= 1, "not even one label fitted; the limit is too small to test")
            end_after_failure(tmux)
        finally:
            tmux.kill()
        after_restart_all_acknowledged_are_there(ws, acknowledged)
    finally:
        ws.close()


def test_full_tmpfs_gives_could_not_save_and_restart_keeps_everything():
    if os.geteuid() != 0:
        raise Failure("needs root to mount a tmpfs")
    ws = Workspace(count=200)
    mount = tempfile.mkdtemp(prefix="prefer-tmpfs-")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount], check=True)
    try:
        ws.sessions = mount
        cmd = ws.command()
        # Fill the disk, leaving a little room: session_start and a few labels fit.
        with open(os.path.join(mount, "filler"), "wb") as f:
            try:
                f.write(b"x" * 56 * 1024)
            except OSError:
                pass
        tmux = Tmux(cmd, ws.root)
        try:
            acknowledged, _ = label_until_failure(ws, tmux, max_labels=200)
            end_after_failure(tmux)
        finally:
            tmux.kill()
        os.remove(os.path.join(mount, "filler"))
        after_restart_all_acknowledged_are_there(ws, acknowledged)
    finally:
        subprocess.run(["umount", "-l", mount])
        os.rmdir(mount)
        ws.close()


def build_shim(work):
    out = os.path.join(work, "fsync_fail.so")
    subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", out, os.path.join(HERE, "fsync_fail.c"), "-ldl"],
                   check=True)
    return out


def test_failed_fsync_ends_the_sitting_without_retrying_the_descriptor():
    ws = Workspace(count=10)
    try:
        shim = build_shim(ws.root)
        log = ws.path("fsync.log")
        # fsync #1 is session_start, #2 the first label: that one fails.
        tmux = Tmux(ws.command(), ws.root, env={"LD_PRELOAD": shim, "FSYNC_LOG": log, "FSYNC_FAIL_AFTER": "2"})
        try:
            acknowledged, screen = label_until_failure(ws, tmux)
            check(acknowledged == 0, "a label was acknowledged although its fsync failed")
            end_after_failure(tmux)
        finally:
            tmux.kill()
        entries = open(log).read().split("\n") if os.path.exists(log) else []
        check(any(e.startswith("fsync-failed") for e in entries), "the shim never failed an fsync: %s" % entries)
        retries = [e for e in entries if "after-failure" in e]
        check(not retries, "the writer touched the descriptor again after fsync failed: %s" % retries)
        after_restart_all_acknowledged_are_there(ws, acknowledged)
    finally:
        ws.close()


def test_ulimit_f_0_is_a_clear_error_not_a_sigxfsz_death():
    # A write that starts at the limit raises SIGXFSZ (a write that crosses it is only short):
    # with a limit of 0 the very first write does, and must come back as an error.
    ws = Workspace()
    try:
        # Only prefer gets the limit (the wrapper must still record the status); its stderr goes
        # to the terminal, since under this limit it could not write a file either.
        argv = ["bash", "-c", 'ulimit -f 0; exec "$@" 2>/dev/tty', "limited"] + ws.command()
        tmux = Tmux(argv, ws.root)
        try:
            status = tmux.exit_status()
            check(status == 1, "exit status %r under ulimit -f 0, expected 1 (153 is a SIGXFSZ death)" % status)
            check("could not" in tmux.screen().lower(), "no clear message: %r" % tmux.screen())
        finally:
            tmux.kill()
    finally:
        ws.close()
