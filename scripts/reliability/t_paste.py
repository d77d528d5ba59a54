"""Issue 12 items 5-6: pastes into the note field. A 1 MB paste is cut at the note's limit in a
few frames (it used to redraw once per character: 10 minutes of 100% CPU), the rater is told,
tabs become spaces and an undecodable byte becomes U+FFFD without losing the rest."""
import os
import time

from rlib import Tmux, Workspace, check, choose
from t_strace import fd_path, parse

NOTE_LIMIT = 2000


def paste_file(tmux, path):
    tmux.run("load-buffer", "-b", "p", path)
    tmux.run("paste-buffer", "-p", "-b", "p", "-t", "rel")


def is_tty(path):
    return path.startswith("/dev/pts") or path == "/dev/tty"


def test_a_one_megabyte_paste_into_a_note_takes_a_few_frames_and_is_cut_at_the_limit():
    ws = Workspace(count=2)
    try:
        line = b"pasted line of text\twith a tab\n"
        ws.write("big.txt", (line * ((1 << 20) // len(line) + 1))[:1 << 20])
        log = ws.path("strace.log")
        # --seccomp-bpf: only the traced writes stop the process; the paste's reads run at full speed.
        cmd = ["strace", "-f", "--seccomp-bpf", "-y", "-s", "0", "-e", "trace=write,writev", "-o", log] + ws.command()
        tmux = Tmux(cmd, ws.root)
        try:
            tmux.wait_for("Question number 1?", timeout=20)
            tmux.type("n")
            tmux.wait_for("Note (Enter saves")
            time.sleep(0.3)
            before = len(parse(log))
            started = time.time()
            paste_file(tmux, ws.path("big.txt"))
            tmux.wait_for("Note (full: %d characters kept" % NOTE_LIMIT, timeout=120)
            took = time.time() - started
            time.sleep(0.3)
            during = [r for n, a, r, p in parse(log)[before:] if n in ("write", "writev") and is_tty(fd_path(a)[1])]
            check(len(during) <= 10, "the 1 MB paste took %d writes to the terminal (%.1f s); a few frames expected"
                  % (len(during), took))
            tmux.press("Enter")
            tmux.wait_for("Note kept, cut at its limit of %d characters" % NOTE_LIMIT)
            choose(tmux, "1")
            tmux.wait_for("Question number 2?")
            tmux.type("q")
            check(tmux.exit_status(timeout=20) == 0, "the sitting failed: " + tmux.stderr())
        finally:
            tmux.kill()
        labels = ws.events(type_="label")
        check(len(labels) == 1, "expected one label, found %s" % [l.get("choice") for l in labels])
        expected = line.decode().replace("\t", " ").replace("\n", " ") * (NOTE_LIMIT // len(line) + 1)
        expected = expected[:NOTE_LIMIT].strip(" ")
        check(labels[0].get("note") == expected, "the note is not the paste's first %d characters: %r"
              % (NOTE_LIMIT, (labels[0].get("note") or "")[-80:]))
    finally:
        ws.close()


def test_an_undecodable_byte_in_a_paste_becomes_a_replacement_character_and_the_rest_stays():
    ws = Workspace(count=2)
    try:
        ws.write("odd.txt", b"abc\xffdef\tghi \xc3(x \xe2\x82\xacok")
        tmux = Tmux(ws.command(), ws.root)
        try:
            tmux.wait_for("Question number 1?")
            tmux.type("n")
            tmux.wait_for("Note (Enter saves")
            paste_file(tmux, ws.path("odd.txt"))
            tmux.wait_for("ok")
            tmux.press("Enter")
            tmux.wait_for("Note kept")
            choose(tmux, "2")
            tmux.wait_for("Question number 2?")
            tmux.type("q")
            check(tmux.exit_status(timeout=20) == 0, "the sitting failed: " + tmux.stderr())
        finally:
            tmux.kill()
        notes = [l.get("note") for l in ws.events(type_="label")]
        check(notes == ["abc\ufffddef ghi \ufffd(x \u20acok"], "notes: %r" % notes)
    finally:
        ws.close()
