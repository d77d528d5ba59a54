"""Item 3: an strace audit of one sitting — open flags and modes, one write per event, fsync
before the next write to the terminal, the directory fsync, and the lock; and a frame after a
choice leaves in at most three writes to the terminal."""
import os
import re
import time

from rlib import Tmux, Workspace, check, choose, task

CALL = re.compile(r'^(\d+)\s+(?:[\d:.]+\s+)?(\w+)\((.*)\)\s+=\s+(-?\d+)(?:<([^>]*)>)?')
FD = re.compile(r'^(\d+)<([^>]*)>')


def parse(log):
    calls = []
    for line in open(log, encoding="utf-8", errors="replace"):
        m = CALL.match(line.strip())
        if m:
            calls.append((m.group(2), m.group(3), int(m.group(4)), m.group(5) or ""))
    return calls


def fd_path(args):
    m = FD.match(args)
    return (int(m.group(1)), m.group(2)) if m else (None, "")


def test_strace_audit_of_one_sitting():
    ws = Workspace(count=6)
    try:
        log = ws.path("strace.log")
        cmd = ["strace", "-f", "-y", "-s", "65536", "-e", "trace=openat,open,write,writev,fsync,fdatasync,flock",
               "-o", log] + ws.command()
        tmux = Tmux(cmd, ws.root)
        try:
            tmux.wait_for("Question number 1?", timeout=20)
            choose(tmux, "1")
            tmux.wait_for("Question number 2?")
            choose(tmux, "t")
            tmux.wait_for("Question number 3?")
            choose(tmux, "u")
            tmux.wait_for("Question number 2?")
            choose(tmux, "q")
            check(tmux.exit_status(timeout=20) == 0, "the traced sitting failed: " + tmux.stderr())
        finally:
            tmux.kill()
        calls = parse(log)
        session = ws.session_files()[0]
        rater_dir = os.path.dirname(session)

        opens = [(a, r) for n, a, r, p in calls if n in ("openat", "open") and p == session]
        check(len(opens) == 1, "the session file was opened %d times" % len(opens))
        args, fd = opens[0]
        for flag in ("O_WRONLY", "O_CREAT", "O_EXCL", "O_APPEND", "O_NOFOLLOW", "O_CLOEXEC"):
            check(flag in args, "session file opened without %s: %s" % (flag, args))
        check(args.rstrip().endswith("0640"), "session file not created with mode 0640: " + args)
        check(oct(os.stat(session).st_mode & 0o777) == "0o640", "session file mode is not 0640")

        locks = [(a, r) for n, a, r, p in calls if n == "flock"]
        lock_opens = [a for n, a, r, p in calls if n in ("openat", "open") and p.endswith("/.lock")]
        check(lock_opens and "O_NOFOLLOW" in lock_opens[0] and lock_opens[0].endswith("0640"),
              "the lock file is not opened O_NOFOLLOW with mode 0640: %s" % lock_opens)
        folder_opens = [a for n, a, r, p in calls if n in ("openat", "open") and p == rater_dir]
        check(folder_opens and all("O_NOFOLLOW" in a and "O_DIRECTORY" in a for a in folder_opens),
              "the rater folder is opened without O_NOFOLLOW|O_DIRECTORY: %s" % folder_opens)
        check(any(".lock" in a and "LOCK_EX|LOCK_NB" in a and r == 0 for a, r in locks),
              "no flock(LOCK_EX|LOCK_NB) on the rater's .lock: %s" % locks)
        lock_index = next(i for i, (n, a, r, p) in enumerate(calls) if n == "flock")
        open_index = next(i for i, (n, a, r, p) in enumerate(calls) if n in ("openat", "open") and p == session)
        check(lock_index < open_index, "the session file was created before the lock was held")

        dir_syncs = [i for i, (n, a, r, p) in enumerate(calls)
                     if n == "fsync" and fd_path(a)[1] == rater_dir and r == 0]
        check(any(i > open_index for i in dir_syncs), "the rater folder was not fsynced after creating the file")

        lines = open(session, "rb").read().decode("utf-8").split("\n")[:-1]
        writes = [(i, a, r) for i, (n, a, r, p) in enumerate(calls)
                  if n in ("write", "writev") and fd_path(a)[1] == session]
        check(len(writes) == len(lines), "%d writes for %d events: not one write per event"
              % (len(writes), len(lines)))
        for i, a, r in writes:
            check(a.endswith('\\n", %d' % r), "a write is not one whole line with its count checked: %s" % a[-80:])
        # After each event write, fsync of that file comes before anything reaches the terminal.
        for i, a, r in writes:
            for n, a2, r2, _ in calls[i + 1:]:
                path = fd_path(a2)[1]
                if n == "fsync" and path == session:
                    check(r2 == 0, "fsync failed")
                    break
                check(not (n in ("write", "writev") and (path.startswith("/dev/pts") or path == "/dev/tty")),
                      "the terminal was written before the event was fsynced")
            else:
                check(False, "an event write was never fsynced")
        types = [line.split('"type":"')[1].split('"')[0] for line in lines]
        check(types == ["session_start", "label", "label", "undo", "session_end"], "events: %s" % types)
    finally:
        ws.close()


def test_a_frame_after_a_choice_reaches_the_terminal_in_at_most_three_writes():
    # Over SSH each write(2) can become a packet; ncurses flushed at every cursor motion
    # (~70 writes at 80x24) until OutputBatching. Responses of many lines make the frame big.
    tasks = [task(n, response_a="\n".join("Alpha %d line %d." % (n, k) for k in range(40)),
                  response_b="\n".join("Beta %d line %d." % (n, k) for k in range(40))) for n in range(1, 5)]
    ws = Workspace(tasks=tasks)
    try:
        log = ws.path("strace.log")
        cmd = ["strace", "-f", "-y", "-s", "0", "-e", "trace=write,writev,fsync", "-o", log] + ws.command()
        tmux = Tmux(cmd, ws.root, cols=80, rows=24)
        try:
            tmux.wait_for("Question number 1?", timeout=20)
            for n in (1, 2, 3):
                choose(tmux, "1" if n % 2 else "2")
                tmux.wait_for("Question number %d?" % (n + 1))
            time.sleep(0.5)  # anything drawn after the frame (nothing should be) counts too
            tmux.type("q")
            check(tmux.exit_status(timeout=20) == 0, "the traced sitting failed: " + tmux.stderr())
        finally:
            tmux.kill()
        calls = parse(log)
        session = ws.session_files()[0]
        event_writes = [i for i, (n, a, r, p) in enumerate(calls)
                        if n in ("write", "writev") and fd_path(a)[1] == session]
        # session_start, three labels, session_end: the frames after labels lie between writes 1..4.
        check(len(event_writes) == 5, "expected 5 event writes, found %d" % len(event_writes))
        for k in (1, 2, 3):
            between = calls[event_writes[k] + 1:event_writes[k + 1]]
            tty = [r for n, a, r, p in between
                   if n in ("write", "writev") and (fd_path(a)[1].startswith("/dev/pts") or fd_path(a)[1] == "/dev/tty")]
            check(tty, "label %d: no frame reached the terminal" % k)
            check(len(tty) <= 3, "label %d: the next frame took %d writes (%d bytes); at most 3 allowed"
                  % (k, len(tty), sum(tty)))
    finally:
        ws.close()
