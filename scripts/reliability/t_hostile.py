"""Item 5: hostile text. Nothing a task contains reaches the terminal: capture-pane -e shows
only placeholders, the pane title and clipboard are unchanged, no reply is injected as keys,
the chrome (header and key map) is identical to a clean run, and session files are safe to cat."""
import os
import re
import time

from rlib import Tmux, Workspace, check, choose, run

ESC = "\u001b"
HOSTILE = ("safe\rEVIL" + ESC + "]0;pwned-title\u0007 " + ESC + "]2;pwned2" + ESC + "\\ "
           + ESC + "]52;c;ZWNobyBwd25lZA==\u0007 " + ESC + "]8;;http://evil.example" + ESC + "\\link"
           + ESC + "]8;;" + ESC + "\\ " + ESC + "[2J" + ESC + "[H" + ESC + "[10;10H" + ESC + "[5A "
           + ESC + "P+q544e" + ESC + "\\ " + ESC + "[6n " + ESC + "[c " + ESC + "[>c "
           + "ab\b\bXY \u009b31m \u009d0;c1title\u009c \u0090dcs\u009c \u0085nel "
           + "\u202etxt.exe\u202c \u2066iso\u2069 \u2067r\u2069 \u200bzw\u200c\u200d\u2060\ufeff "
           + "\U000E0041\U000E0042tag \u0000nul \u007fdel")
# Characters that must never appear raw on screen or in a session file.
FORBIDDEN = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u2069\ufeff\U000E0000-\U000E007F]")
HOSTILE_ID = "evil-\u202etxt\u200b\U000E0041\u2066i\u2069"


def chrome(screen_lines):
    """The header row and the key map row: what must look the same whatever the task holds."""
    rows = [r for r in screen_lines.split("\n")]
    keymap = [r for r in rows if "q quit" in r]
    return rows[0], keymap


def run_one(tasks, cols=120, rows=40):
    ws = Workspace(tasks=tasks)
    tmux = Tmux(ws.command(), ws.root, cols=cols, rows=rows)
    tmux.run("set-option", "-g", "set-clipboard", "on", check_rc=False)  # let OSC 52 through if sent
    tmux.run("set-option", "-g", "allow-rename", "on", check_rc=False)
    return ws, tmux


def test_hostile_text_reaches_the_terminal_only_as_placeholders():
    plain = {"id": "plain-task", "prompt": "Which is safer?", "response_a": "A plain answer.",
             "response_b": "Another plain answer."}
    # (A hostile id is refused since issue 12: see the end of this test.)
    hostile = {"id": "evil-task", "prompt": "Which is safer? " + HOSTILE, "response_a": HOSTILE,
               "response_b": "A plain answer."}
    clean_ws, clean = run_one([plain, dict(plain, id="plain-2")])
    try:
        clean.wait_for("Which is safer?")
        time.sleep(0.3)
        clean_chrome = chrome(clean.screen(escapes=True))
        title_before = clean.value("#{pane_title}")
    finally:
        clean.kill()
        clean_ws.close()

    ws, tmux = run_one([hostile, dict(plain, id="plain-2")])
    try:
        tmux.wait_for("hidden chars:")
        time.sleep(0.8)  # any reply to a query (DSR, DA, XTGETTCAP) would arrive as keys by now
        screen = tmux.screen()
        escaped = tmux.screen(escapes=True)
        check("␛]0;pwned-title␇" in screen, "OSC 0 is not shown as a placeholder:\n" + screen)
        check("␛[2J" in screen and "␛P" in screen, "CSI/DCS not shown as placeholders:\n" + screen)
        check("safe␍EVIL" in screen, "\\r overwrote text:\n" + screen)
        check("ab␈␈XY" in screen, "\\b overwrote text:\n" + screen)
        check("U+202E" in screen, "the bidi override has no visible placeholder:\n" + screen)
        check(not FORBIDDEN.search(screen), "a raw control/format character reached the screen: %r"
              % FORBIDDEN.findall(screen))
        # capture -e may only contain SGR: any other escape in the grid means one got through.
        check(not re.search(ESC + r"(?!\[[0-9;:]*m)", escaped), "a non-SGR escape is in the pane")
        check(screen.split("\n")[0].strip().startswith("prefer"), "the screen was cleared or the cursor moved")
        check(tmux.value("#{pane_title}") == title_before, "the pane title changed to %r"
              % tmux.value("#{pane_title}"))
        check(tmux.run("list-buffers", check_rc=False).strip() == "", "an OSC 52 clipboard write reached tmux")
        check(chrome(escaped) == clean_chrome, "the chrome differs from a clean run:\n%s\n---\n%s"
              % (chrome(escaped), clean_chrome))
        check(ws.events(type_="label") == [] and ws.events(type_="skip") == [],
              "a terminal reply was injected as keys and recorded something")
        choose(tmux, "1")
        time.sleep(0.3)
        tmux.type("q")
        check(tmux.exit_status() == 0, "quit failed: " + tmux.stderr())
        labels = ws.events(type_="label")
        check(len(labels) == 1 and labels[0]["task"] == "evil-task", "the hostile task's label: %s" % labels)
        for f in ws.session_files():
            text = open(f, "rb").read().decode("utf-8")
            check(not FORBIDDEN.search(text), "%s is not safe to cat: %r" % (f, FORBIDDEN.findall(text)))
    finally:
        tmux.kill()
        ws.close()
    # An id holding a bidi override, zero-width space, tag and isolates is refused with
    # FILE:LINE (issue 12 item 13), and the message itself is safe for the terminal.
    ws = Workspace(tasks=[dict(hostile, id=HOSTILE_ID), dict(plain, id="plain-2")])
    try:
        r = run(ws.command(), ws.root)
        err = r.stderr.decode("utf-8")
        check(r.returncode == 2 and "tasks.jsonl:1:" in err and '"id" must be' in err,
              "the hostile id was not refused: exit %d %r" % (r.returncode, err))
        check(not FORBIDDEN.search(err), "the refusal printed a raw format character: %r" % FORBIDDEN.findall(err))
        check(not os.path.exists(ws.sessions), "a sessions folder was made for a refused task file")
    finally:
        ws.close()


def test_a_hostile_note_is_stored_escaped():
    ws, tmux = run_one([{"id": "t1", "prompt": "Q?", "response_a": "a", "response_b": "b"},
                        {"id": "t2", "prompt": "Q2?", "response_a": "a", "response_b": "b"}])
    try:
        tmux.wait_for("Q?")
        choose(tmux, "n")
        tmux.wait_for("Note")
        tmux.type("see \u202egnp.exe\u202c and \u200bzero \u2066x\u2069 \U000E0041")
        tmux.press("Enter")
        choose(tmux, "1")
        tmux.wait_for("Q2?")
        tmux.type("q")
        check(tmux.exit_status() == 0, "quit failed")
        for f in ws.session_files():
            text = open(f, "rb").read().decode("utf-8")
            check(not FORBIDDEN.search(text), "%s is not safe to cat: %r" % (f, FORBIDDEN.findall(text)))
        note = ws.events(type_="label")[0].get("note", "")
        # The note field drops invisible characters as they are typed; the visible words stay.
        check("see" in note and "zero" in note, "the note lost its visible words: %r" % note)
    finally:
        tmux.kill()
        ws.close()
