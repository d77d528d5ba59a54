"""Item 4: SIGHUP, SIGTERM, a closed pseudo terminal, a parent that ignores SIGHUP, and
Ctrl-Z/fg. The process is gone within 2 s without spinning, with a session_end line."""
import os
import signal
import time

from rlib import Tmux, Workspace, check, choose, cpu_seconds, gone_within


def started(ws, **kw):
    tmux = Tmux(ws.command(), ws.root, **kw)
    tmux.wait_for("Question number 1?")
    choose(tmux, "1")
    tmux.wait_for("Question number 2?")
    pid = tmux.pid()
    check(pid is not None, "no prefer process")
    return tmux, pid


def ends_cleanly(ws, pid, reason, cpu_before):
    check(gone_within(pid, 2.0), "prefer still running 2 s after the %s" % reason)
    ends = ws.events(type_="session_end")
    check(len(ends) == 1 and ends[0]["reason"] == reason and ends[0]["labels"] == 1,
          "expected one session_end with reason %s and 1 label, found %s" % (reason, ends))
    check(len(ws.effective_labels()) == 1, "the acknowledged label is missing")


def test_sigterm_ends_the_sitting_with_a_terminated_line():
    ws = Workspace()
    try:
        tmux, pid = started(ws)
        try:
            os.kill(pid, signal.SIGTERM)
            ends_cleanly(ws, pid, "terminated", cpu_seconds(pid))
            check(tmux.exit_status() == 143, "exit status after SIGTERM is not 143")
        finally:
            tmux.kill()
    finally:
        ws.close()


def test_sighup_ends_the_sitting_with_a_hangup_line():
    ws = Workspace()
    try:
        tmux, pid = started(ws)
        try:
            os.kill(pid, signal.SIGHUP)
            ends_cleanly(ws, pid, "hangup", cpu_seconds(pid))
        finally:
            tmux.kill()
    finally:
        ws.close()


def closed_terminal(prefix):
    ws = Workspace()
    try:
        tmux, pid = started(ws, shell_prefix=prefix)
        before = cpu_seconds(pid)
        # Killing the server closes the pty master: the tty gives EOF/EIO (and SIGHUP unless ignored).
        tmux.kill()
        deadline = time.time() + 2.0
        last = before
        while time.time() < deadline:
            now = cpu_seconds(pid)
            if now is None:
                break
            last = now
            time.sleep(0.05)
        check(gone_within(pid, 0.05), "prefer still running 2 s after its terminal closed")
        check(last - before < 0.5, "prefer spun the CPU (%.2f s) after its terminal closed" % (last - before))
        ends = ws.events(type_="session_end")
        check(len(ends) == 1 and ends[0]["reason"] in ("hangup", "error"),
              "expected a session_end line after the terminal closed, found %s" % ends)
        check(len(ws.effective_labels()) == 1, "the acknowledged label is missing")
    finally:
        ws.close()


def test_a_closed_terminal_ends_the_sitting_without_spinning():
    closed_terminal("")


def test_a_closed_terminal_ends_the_sitting_even_when_the_parent_ignores_sighup():
    # An ignored SIGHUP is inherited through exec (nohup-style): only EOF/EIO can end it.
    closed_terminal("trap '' HUP;")


def test_ctrl_z_and_fg_restore_the_screen():
    ws = Workspace()
    try:
        tmux = Tmux(["bash", "--norc", "--noprofile", "-i"], ws.root, env={"PS1": "SHELL$ "},
                    interactive=True)
        try:
            tmux.wait_for("SHELL$")
            tmux.type(" ".join(ws.command()))
            tmux.press("Enter")
            tmux.wait_for("Question number 1?")
            before = tmux.screen()
            time.sleep(0.2)
            tmux.press("C-z")
            tmux.wait_for("Stopped")
            check("Question number 1?" not in tmux.screen(), "the screen was not given back on Ctrl-Z")
            tmux.type("fg")
            tmux.press("Enter")
            tmux.wait_for("Question number 1?")
            time.sleep(0.3)
            check(tmux.screen() == before, "the screen after fg differs:\n%s\n---\n%s" % (before, tmux.screen()))
            choose(tmux, "1")
            tmux.wait_for("Question number 2?")
            check(len(ws.effective_labels()) == 1, "a label after fg was not recorded")
            tmux.type("q")
            tmux.wait_for("1 label saved this sitting")
        finally:
            tmux.kill()
    finally:
        ws.close()
