"""Item 8: input — a burst of choice keys as a task appears records at most one label; a
malformed-file corpus gives FILE:LINE: reason (exit 2) or the documented tolerance, and no
session file changes."""
import hashlib
import json
import os
import re
import time

from rlib import Tmux, Workspace, check, choose, task


def test_a_burst_of_choice_keys_as_a_task_appears_records_at_most_one_label():
    ws = Workspace(count=20)
    tmux = Tmux(ws.command(), ws.root)
    try:
        tmux.type("1" * 40)  # type-ahead before the first task is even drawn
        tmux.wait_for("Question number 1?")
        time.sleep(0.6)
        check(ws.events(type_="label") == [], "type-ahead before the task appeared was recorded")
        for round_ in range(3):
            choose(tmux, "1")
            tmux.type("2" * 60)  # a held key: lands while the next task appears
            time.sleep(0.9)
            labels = ws.events(type_="label")
            check(len(labels) == round_ + 1, "a burst recorded %d labels after %d deliberate choices: %s"
                  % (len(labels), round_ + 1, [(l["task"], l["choice"]) for l in labels]))
        tmux.type("q")
        check(tmux.exit_status() == 0, "quit failed")
    finally:
        tmux.kill()
        ws.close()


def good(n):
    return json.dumps(task(n))


# name -> (bytes, expected): an int is the line that must be named, "ok" the documented tolerance.
CORPUS = {
    "invalid UTF-8": ((good(1) + "\n").encode() + b'{"id":"t2","prompt":"\xff\xfe","response_a":"a","response_b":"b"}\n', 2),
    "overlong UTF-8": ((good(1) + "\n").encode() + b'{"id":"t2","prompt":"\xc0\xaf","response_a":"a","response_b":"b"}\n', 2),
    "BOM at the start": (b"\xef\xbb\xbf" + (good(1) + "\n" + good(2) + "\n").encode(), "ok"),
    "BOM in the middle": ((good(1) + "\n").encode() + b"\xef\xbb\xbf" + (good(2) + "\n").encode(), 2),
    "CRLF line ends": ((good(1) + "\r\n" + good(2) + "\r\n").encode(), "ok"),
    "blank lines": ((good(1) + "\n\n  \n" + good(2) + "\n").encode(), "ok"),
    "a 10 MiB line": ((good(1) + "\n" + json.dumps(dict(task(2), response_a="x" * (10 << 20))) + "\n").encode(), "ok"),
    "1000-deep nesting": ((good(1) + "\n" + good(2)[:-1] + ',"meta":' + "[" * 1000 + "]" * 1000 + "}\n").encode(), 2),
    "100000-deep nesting": ((good(1) + "\n" + good(2)[:-1] + ',"meta":' + "{\"a\":" * 100000 + "1" + "}" * 100000 + "}\n").encode(), 2),
    "duplicate keys": ((good(1) + "\n" + '{"id":"t2","id":"t3","prompt":"p","response_a":"a","response_b":"b"}\n').encode(), 2),
    "duplicate ids": ((good(1) + "\n" + good(1) + "\n").encode(), 2),
    "lone surrogate": ((good(1) + "\n" + '{"id":"t2","prompt":"\\udc00x","response_a":"a","response_b":"b"}\n').encode(), 2),
    "raw NUL byte": ((good(1) + "\n" + good(2)[:-1]).encode() + b',"x":"a\x00b"}\n', 2),
    "NUL between lines": ((good(1) + "\n").encode() + b"\x00\n" + (good(2) + "\n").encode(), 2),
    "no final newline": ((good(1) + "\n" + good(2)).encode(), "ok"),
    "truncated last line": ((good(1) + "\n" + good(2)[:25]).encode(), 2),
    "missing field": ((good(1) + "\n" + '{"id":"t2","prompt":"p","response_a":"a"}\n').encode(), 2),
    "wrong type": ((good(1) + "\n" + '{"id":"t2","prompt":"p","response_a":7,"response_b":"b"}\n').encode(), 2),
    "not an object": ((good(1) + "\n[1,2]\n").encode(), 2),
}


def test_the_malformed_task_corpus_is_refused_with_file_line_or_tolerated():
    for name, (data, expected) in CORPUS.items():
        ws = Workspace(count=1)
        try:
            ws.write("tasks.jsonl", data)
            # An earlier sitting's file must stay byte-identical whatever happens.
            folder = os.path.join(ws.sessions, "rel")
            os.makedirs(folder, mode=0o750)
            old = os.path.join(folder, "20000101T000000Z-0000abcd.jsonl")
            with open(old, "w") as f:
                f.write('{"v":1,"type":"label","rater":"rel","task":"zz","choice":"A"}\n')
            before = ws.tree()
            tmux = Tmux(ws.command(), ws.root)
            try:
                if expected == "ok":
                    tmux.wait_for("Question number 1?", timeout=30)
                    tmux.type("q")
                    check(tmux.exit_status() == 0, "%s: the tolerated file did not open cleanly" % name)
                    check(open(old).read().count("\n") == 1, "%s: the old session file changed" % name)
                    continue
                status = tmux.exit_status(timeout=30)
                err = tmux.stderr()
                check(status == 2, "%s: exit %r, expected 2; stderr %r" % (name, status, err[:300]))
                check(re.search(r"tasks\.jsonl:%d: \S" % expected, err), "%s: no tasks.jsonl:%d: reason in %r"
                      % (name, expected, err[:300]))
                check(not re.search("[\u0000-\u0008\u000b-\u001f\u007f-\u009f]", err),
                      "%s: raw control characters in the message" % name)
            finally:
                tmux.kill()
            after = {k: v for k, v in ws.tree().items() if "/.status-" not in k}
            check(after == before, "%s: files changed: %s" % (name, set(after) ^ set(before)))
        finally:
            ws.close()


def test_session_files_torn_at_the_tail_are_tolerated_and_damaged_in_the_middle_refused():
    shas = {n: hashlib.sha256(json.dumps(task(n), sort_keys=True).encode()).hexdigest() for n in (1, 2)}
    line = ('{"v":1,"type":"label","session":"s","rater":"rel","at":"2026-01-01T00:00:00.000Z","task":"task-%d",'
            '"task_sha256":"%s","choice":"A","left":"A","ms":900}\n')
    for name, text, expected in [
            ("torn tail", line % (1, shas[1]) + (line % (2, shas[2]))[:60], "ok"),
            ("damage in the middle", line % (1, shas[1]) + "{garbage\n" + line % (2, shas[2]), 2)]:
        ws = Workspace(count=4)
        try:
            folder = os.path.join(ws.sessions, "rel")
            os.makedirs(folder, mode=0o750)
            old = os.path.join(folder, "20000101T000000Z-0000abcd.jsonl")
            with open(old, "w") as f:
                f.write(text)
            tmux = Tmux(ws.command(), ws.root)
            try:
                if expected == "ok":
                    tmux.wait_for("Question number 2?")  # task-1 counts; the torn line is dropped
                    tmux.type("q")
                    check(tmux.exit_status() == 0, "%s: did not start cleanly" % name)
                else:
                    check(tmux.exit_status() in (1, 2), "%s: the sitting started over a damaged file" % name)
                    check(re.search(r"\.jsonl:%d: \S" % expected, tmux.stderr()),
                          "%s: no FILE:LINE: reason in %r" % (name, tmux.stderr()))
            finally:
                tmux.kill()
            check(open(old).read() == text, "%s: the old session file changed" % name)
        finally:
            ws.close()
