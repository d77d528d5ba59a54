"""Item 4: SIGHUP, SIGTERM, a closed pseudo terminal, a parent that ignores SIGHUP, and
Ctrl-Z/fg. The process is gone within 0.5 s with the documented exit status (129 after a
hang-up, 143 after SIGTERM), without spinning and without a trap, with a session_end line."""
import os
import re
import shlex
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


# A trap (SIGILL from Foundation on a failed write) plus the Swift backtracer takes about 2 s.
GONE_WITHIN = 0.5


def ends_cleanly(ws, pid, reason, cpu_before):
    check(gone_within(pid, GONE_WITHIN), "prefer still running %.1f s after the %s" % (GONE_WITHIN, reason))
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
            check(tmux.exit_status() == 143, "exit status after SIGTERM is %s, not 143" % tmux.exit_status())
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
            check(tmux.exit_status() == 129, "exit status after SIGHUP is %s, not 129" % tmux.exit_status())
        finally:
            tmux.kill()
    finally:
        ws.close()


def closed_terminal(prefix):
    """stderr stays on the terminal, as when a rater runs prefer: the farewell line then meets
    a hung-up tty (EIO). The wrapper shell records the exit status in a file; it survives the
    hang-up because it traps (or ignores) SIGHUP itself."""
    ws = Workspace()
    try:
        tmux, pid = started(ws, shell_prefix=prefix, stderr_on_tty=True)
        before = cpu_seconds(pid)
        # Killing the server closes the pty master: the tty gives EOF/EIO (and SIGHUP unless ignored).
        killed = time.time()
        tmux.kill()
        gone = gone_within(pid, GONE_WITHIN - (time.time() - killed))
        after = cpu_seconds(pid)  # None once it is gone
        check(gone, "prefer still running %.1f s after its terminal closed" % GONE_WITHIN)
        spun = (after - before) if after is not None else 0.0
        check(spun < 0.5, "prefer spun the CPU (%.2f s) after its terminal closed" % spun)
        status = tmux.exit_status(timeout=3)
        check(status == 129, "exit status after the terminal closed is %s, not 129 (132 is a SIGILL trap)" % status)
        ends = ws.events(type_="session_end")
        check(len(ends) == 1 and ends[0]["reason"] == "hangup",
              "expected a session_end line with reason hangup after the terminal closed, found %s" % ends)
        check(len(ws.effective_labels()) == 1, "the acknowledged label is missing")
    finally:
        ws.close()


def test_a_closed_terminal_ends_the_sitting_without_spinning():
    # `trap : HUP` keeps the wrapper alive to record the status; prefer gets SIGHUP as usual
    # (a caught signal is reset to its default across exec).
    closed_terminal("trap : HUP;")


def test_a_closed_terminal_ends_the_sitting_even_when_the_parent_ignores_sighup():
    # An ignored SIGHUP is inherited through exec (nohup-style): only EOF/EIO can end it.
    closed_terminal("trap '' HUP;")


PASTE_MODE = re.compile(rb"\x1b\[\?2004([hl])")


def paste_mode(path):
    """'on' or 'off': the last bracketed-paste switch written to the pane so far, or None."""
    try:
        switches = PASTE_MODE.findall(open(path, "rb").read())
    except OSError:
        return None
    return None if not switches else ("on" if switches[-1] == b"h" else "off")


def test_ctrl_z_and_fg_restore_the_screen():
    ws = Workspace()
    try:
        # readline's own bracketed paste is turned off, so every switch in the output is prefer's.
        ws.write("inputrc", "set enable-bracketed-paste off\n")
        raw = ws.path("pane-output")
        tmux = Tmux(["bash", "--norc", "--noprofile", "-i"], ws.root, env={"PS1": "SHELL$ ", "INPUTRC": ws.path("inputrc")},
                    interactive=True)
        try:
            tmux.wait_for("SHELL$")
            tmux.run("pipe-pane", "-o", "-t", "rel", "cat >> %s" % shlex.quote(raw))
            tmux.type(" ".join(ws.command()))
            tmux.press("Enter")
            tmux.wait_for("Question number 1?")
            before = tmux.screen()
            time.sleep(0.2)
            check(paste_mode(raw) == "on", "bracketed paste is not on while the screen is up")
            tmux.press("C-z")
            tmux.wait_for("Stopped")
            check("Question number 1?" not in tmux.screen(), "the screen was not given back on Ctrl-Z")
            check(paste_mode(raw) == "off", "bracketed paste was left on for the shell after Ctrl-Z")
            tmux.type("fg")
            tmux.press("Enter")
            tmux.wait_for("Question number 1?")
            time.sleep(0.3)
            check(tmux.screen() == before, "the screen after fg differs:\n%s\n---\n%s" % (before, tmux.screen()))
            check(paste_mode(raw) == "on", "bracketed paste is not back on after fg")
            choose(tmux, "1")
            tmux.wait_for("Question number 2?")
            check(len(ws.effective_labels()) == 1, "a label after fg was not recorded")
            tmux.type("q")
            tmux.wait_for("1 label saved this sitting")
            check(paste_mode(raw) == "off", "bracketed paste was left on after q")
        finally:
            tmux.kill()
    finally:
        ws.close()
