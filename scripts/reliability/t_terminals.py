"""Item 7: terminals (SPEC §7) — TERM unset/dumb/unknown refused with exit 2 touching no file;
vt100, NO_COLOR, LANG=C, 400×120 work; 20×5 and a resize storm down to 1×1 record nothing while
too small, do not spin, and recover."""
import re
import time

from rlib import Tmux, Workspace, check, choose, cpu_seconds

SGR = re.compile("\u001b\\[([0-9;:]*)m")


def test_unset_dumb_and_unknown_term_are_refused_with_exit_2_and_no_file():
    for term in (None, "dumb", "no-such-terminal-xyz", ""):
        ws = Workspace()
        try:
            before = ws.tree()
            tmux = Tmux(ws.command(), ws.root, env={"TERM": term})
            try:
                status = tmux.exit_status()
                check(status == 2, "TERM=%r: exit %r, expected 2" % (term, status))
                check("TERM" in tmux.stderr() or "terminal" in tmux.stderr().lower(),
                      "TERM=%r: no clear message: %r" % (term, tmux.stderr()))
            finally:
                tmux.kill()
            after = {k: v for k, v in ws.tree().items() if "/.status-" not in k}
            check(after == before, "TERM=%r touched files: %s" % (term, set(after) ^ set(before)))
        finally:
            ws.close()


def label_one(env=None, cols=80, rows=24):
    ws = Workspace()
    tmux = Tmux(ws.command(), ws.root, env=env, cols=cols, rows=rows)
    try:
        tmux.wait_for("Question number 1?")
        escaped = tmux.screen(escapes=True)
        choose(tmux, "1")
        tmux.wait_for("Question number 2?")
        tmux.type("q")
        check(tmux.exit_status() == 0, "%s %dx%d: quit failed: %s" % (env, cols, rows, tmux.stderr()))
        check(len(ws.effective_labels()) == 1, "%s %dx%d: the label is missing" % (env, cols, rows))
        return escaped, ws
    finally:
        tmux.kill()


def test_vt100_lang_c_and_a_huge_terminal_label_normally():
    for env, cols, rows in [({"TERM": "vt100"}, 80, 24), ({"LANG": "C", "LC_ALL": "C"}, 80, 24),
                            ({"LANG": "POSIX", "LC_ALL": None}, 80, 24), ({}, 400, 120)]:
        _, ws = label_one(env, cols, rows)
        ws.close()


def test_no_color_uses_no_colour():
    escaped, ws = label_one({"NO_COLOR": "1"})
    ws.close()
    colours = [p for p in SGR.findall(escaped) for code in p.split(";")
               if code and (30 <= int(code) <= 49 or 90 <= int(code) <= 107) and code not in ("39", "49")]
    check(not colours, "colour codes despite NO_COLOR: %s" % colours[:5])
    check("Question number 1?" in re.sub("\u001b\\[[0-9;:]*m", "", escaped), "nothing drawn under NO_COLOR")


def test_a_tiny_start_and_a_resize_storm_record_nothing_while_too_small():
    ws = Workspace()
    tmux = Tmux(ws.command(), ws.root, cols=20, rows=5)
    try:
        tmux.wait_for("small")
        for key in "12tx34su":
            choose(tmux, key)
        pid = tmux.pid()
        for i in range(120):
            cols, rows = [(1, 1), (2, 1), (1, 3), (15, 4), (20, 5), (33, 7), (1, 1), (5, 2)][i % 8]
            tmux.resize(cols, rows)
            if i % 10 == 0:
                tmux.type("1")
        time.sleep(1.0)
        check(len(ws.events(type_="label")) == 0 and len(ws.events(type_="skip")) == 0,
              "a key was recorded while the terminal was too small")
        idle = cpu_seconds(pid)
        time.sleep(1.0)
        check(cpu_seconds(pid) - idle < 0.3, "prefer spins while idle at 5x2")
        tmux.resize(80, 24)
        tmux.wait_for("Question number 1?")
        choose(tmux, "1")
        tmux.wait_for("Question number 2?")
        tmux.type("q")
        check(tmux.exit_status() == 0, "quit after the storm failed: " + tmux.stderr())
        check(list(ws.effective_labels()) == ["task-1"], "after the storm: %s" % ws.effective_labels())
    finally:
        tmux.kill()
        ws.close()
