"""Issue 12: what a hostile rater or bad luck can do on a shared host — forged lines in rater
folders, planted links and devices, `-o` at the wrong target, files removed mid-sitting."""
import json
import os

from rlib import BIN, Tmux, Workspace, check, choose, run


def sitting(ws, rater, key="1"):
    """One real sitting of `rater` that labels task-1 with `key` and quits."""
    tmux = Tmux(ws.command(rater=rater), ws.root)
    try:
        tmux.wait_for("Question number 1?")
        choose(tmux, key)
        tmux.wait_for("Question number 2?")
        tmux.type("q")
        check(tmux.exit_status() == 0, "sitting of %s failed: %s" % (rater, tmux.stderr()))
    finally:
        tmux.kill()


def prefer(ws, *args):
    return run([BIN] + list(args), ws.root)


def line(**fields):
    return json.dumps(fields) + "\n"


def test_a_rater_cannot_forge_or_undo_another_raters_labels():
    ws = Workspace()
    try:
        sitting(ws, "alice", "1")
        sitting(ws, "mallory", "2")
        # mallory can write her own folder: she retracts alice's label and makes one up for her.
        forged = os.path.join(ws.sessions, "mallory", "x.jsonl")
        with open(forged, "w") as f:
            f.write(line(type="undo", rater="alice", task="task-1", at="2099-01-01T00:00:00.000Z"))
            f.write(line(type="label", rater="alice", task="task-2", choice="B", at="2099-01-01T00:00:01.000Z"))
        for argv in (["validate", "sessions"], ["report", "sessions"],
                     ["export", "sessions", "--tasks", "tasks.jsonl"]):
            r = prefer(ws, *argv)
            err = r.stderr.decode()
            check(r.returncode == 2, "%s: exit %d, expected 2; stderr %s" % (argv[0], r.returncode, err))
            for n in (1, 2):
                check("sessions/mallory/x.jsonl:%d: an event of rater \"alice\" in the rater folder of \"mallory\"" % n in err,
                      "%s: no FILE:LINE error for line %d: %s" % (argv[0], n, err))
            check(r.stdout == b"", "%s wrote data although it refused: %r" % (argv[0], r.stdout[:200]))
        # The same lines outside the rater folders may not use alice's name either.
        os.rename(forged, os.path.join(ws.sessions, "forged.jsonl"))
        r = prefer(ws, "export", "sessions", "--tasks", "tasks.jsonl")
        check(r.returncode == 2 and b"forged.jsonl:1: rater \"alice\" has a rater folder" in r.stderr,
              "a file outside rater folders used alice's name: exit %d %s" % (r.returncode, r.stderr))
        # A judge's file under its own name is one more rater.
        os.remove(os.path.join(ws.sessions, "forged.jsonl"))
        with open(os.path.join(ws.sessions, "judge.jsonl"), "w") as f:
            f.write(line(type="label", rater="judge", task="task-1", choice="tie"))
        r = prefer(ws, "export", "sessions", "--tasks", "tasks.jsonl")
        check(r.returncode == 0, "export of honest files failed: %s" % r.stderr)
        rows = sorted((row["rater"], row["task"], row["choice"]) for row in map(json.loads, r.stdout.decode().splitlines()))
        expected = sorted([("alice", "task-1", ws.effective_labels("alice")["task-1"]), ("judge", "task-1", "tie"),
                           ("mallory", "task-1", ws.effective_labels("mallory")["task-1"])])
        check(rows == expected, "export rows %s, expected %s" % (rows, expected))
    finally:
        ws.close()


def test_planted_links_fifos_and_devices_are_skipped_and_named_ones_refused():
    import socket
    ws = Workspace()
    try:
        # alice's folder holds a FIFO and a link to /dev/zero before her first sitting: label's
        # resume must skip them (before: it hung on the FIFO).
        alice = os.path.join(ws.sessions, "alice")
        os.makedirs(alice, mode=0o750)
        os.mkfifo(os.path.join(alice, "fifo.jsonl"))
        os.symlink("/dev/zero", os.path.join(alice, "zero.jsonl"))
        sitting(ws, "alice", "1")
        sitting(ws, "mallory", "2")
        mallory = os.path.join(ws.sessions, "mallory")
        alice_file = [n for n in os.listdir(alice) if n.startswith("20")][0]
        os.symlink("/etc/passwd", os.path.join(mallory, "passwd.jsonl"))
        os.symlink(os.path.join(alice, alice_file), os.path.join(mallory, "twice.jsonl"))
        os.mknod(os.path.join(mallory, "null.jsonl"), 0o600 | stat_chr(), os.makedev(1, 3))
        os.mknod(os.path.join(mallory, "zero-device.jsonl"), 0o600 | stat_chr(), os.makedev(1, 5))
        s = socket.socket(socket.AF_UNIX)
        s.bind(os.path.join(mallory, "sock.jsonl"))
        s.close()
        skipped = ["alice/fifo.jsonl", "alice/zero.jsonl", "mallory/passwd.jsonl", "mallory/twice.jsonl",
                   "mallory/null.jsonl", "mallory/zero-device.jsonl", "mallory/sock.jsonl"]
        for argv in (["validate", "sessions"], ["report", "sessions"], ["export", "sessions", "--tasks", "tasks.jsonl"]):
            r = run([BIN] + argv, ws.root, timeout=20)
            err = r.stderr.decode()
            check(r.returncode == 0, "%s: exit %d: %s" % (argv[0], r.returncode, err))
            for name in skipped:
                check(err.count("sessions/%s: skipped:" % name) == 1, "%s: no single warning for %s: %s" % (argv[0], name, err))
            check("root:" not in err and "root:" not in r.stdout.decode(), "%s read /etc/passwd" % argv[0])
        r = run([BIN, "export", "sessions", "--tasks", "tasks.jsonl"], ws.root, timeout=20)
        raters = sorted(json.loads(l)["rater"] for l in r.stdout.decode().splitlines())
        check(raters == ["alice", "mallory"], "alice's file counted twice or lost: %s" % raters)
        # Named on the command line, a FIFO or a device is an error at once, not a hang.
        os.mkfifo(ws.path("named.jsonl"))
        for path in ("named.jsonl", "/dev/zero"):
            for argv in (["validate", path], ["report", path], ["export", path, "--tasks", "tasks.jsonl"]):
                r = run([BIN] + argv, ws.root, timeout=20)
                check(r.returncode == 2 and b"not a regular file" in r.stderr,
                      "%s: exit %d: %s" % (" ".join(argv), r.returncode, r.stderr))
        # A file without newlines stops at the line limit with FILE:LINE.
        with open(os.path.join(ws.sessions, "huge.jsonl"), "wb") as f:
            f.write(b"x" * (17 << 20))
        r = run([BIN, "report", "sessions"], ws.root, timeout=30)
        check(r.returncode == 2 and b"sessions/huge.jsonl:1: line is longer than 16 MiB" in r.stderr,
              "huge line: exit %d: %s" % (r.returncode, r.stderr[-300:]))
    finally:
        ws.close()


def stat_chr():
    import stat
    return stat.S_IFCHR


def test_labels_into_a_removed_or_replaced_session_file_are_never_acknowledged():
    for how in ("rm", "mv over"):
        ws = Workspace()
        try:
            tmux = Tmux(ws.command(rater="alice"), ws.root, cols=160, rows=40)
            try:
                tmux.wait_for("Question number 1?")
                choose(tmux, "1")
                tmux.wait_for("Question number 2?")
                path = ws.session_files("alice")[0]
                if how == "rm":
                    os.remove(path)
                else:
                    ws.write("other.jsonl", "")
                    os.rename(ws.path("other.jsonl"), path)
                choose(tmux, "2")
                screen = tmux.wait_for("Not saved")
                flat = " ".join(screen.replace("\u2503", " ").replace("\u2502", " ").split())  # box sides out
                check("Saved." not in screen, "%s: the label was acknowledged:\n%s" % (how, screen))
                check('"task-1", "task-2"' in flat, "%s: the screen does not name both labels lost:\n%s" % (how, screen))
                check("Question number 3?" not in screen, "%s: the sitting moved on:\n%s" % (how, screen))
                tmux.type("x")
                status = tmux.exit_status()
                check(status == 1, "%s: exit %r, expected 1" % (how, status))
                err = " ".join(tmux.stderr().split())
                check("not saved" in err and '"task-1", "task-2"' in err and "labels saved this sitting" not in err,
                      "%s: stderr does not say what was lost: %s" % (how, err))
            finally:
                tmux.kill()
            if how == "mv over":
                check(open(path, "rb").read() == b"", "the file moved over the session file was written")
        finally:
            ws.close()


def _mt_bench_inputs(ws):
    ws.write("q.jsonl", line(question_id=1, category="writing", turns=["Write a haiku."]))
    os.mkdir(ws.path("answers"))
    for model, text in (("m1", "Leaves fall."), ("m2", "Snow melts.")):
        ws.write("answers/%s.jsonl" % model, line(question_id=1, model_id=model, choices=[{"turns": [text]}]))


def test_minus_o_writes_devices_in_place_refuses_session_files_and_keeps_modes():
    import stat
    ws = Workspace()
    try:
        sitting(ws, "alice", "1")
        _mt_bench_inputs(ws)
        export = ["export", "sessions", "--tasks", "tasks.jsonl", "-o"]
        make = ["make-tasks", "--questions", "q.jsonl", "--answers", "answers", "-o"]
        # A device node made with mknod (the /dev/null numbers), /dev/null itself, /dev/full.
        os.mknod(ws.path("nulldev"), 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        for argv in (export, make):
            for target in (ws.path("nulldev"), "/dev/null"):
                r = prefer(ws, *(argv + [target]))
                check(r.returncode == 0, "%s -o %s: exit %d %s" % (argv[0], target, r.returncode, r.stderr))
                st = os.lstat(target)
                check(stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3),
                      "%s -o %s replaced the device node" % (argv[0], target))
            r = prefer(ws, *(argv + ["/dev/full"]))
            check(r.returncode == 1 and b"No space left" in r.stderr and stat.S_ISCHR(os.lstat("/dev/full").st_mode),
                  "%s -o /dev/full: exit %d %s" % (argv[0], r.returncode, r.stderr))
            # /dev/stdout, a symlink to the process's stdout (a pipe here): written through, kept.
            r = prefer(ws, *(argv + ["/dev/stdout"]))
            check(r.returncode == 0 and r.stdout.count(b"\n") >= 1 and os.path.islink("/dev/stdout"),
                  "%s -o /dev/stdout: exit %d, %d bytes, %s" % (argv[0], r.returncode, len(r.stdout), r.stderr))
        # A session file is refused and left as it was: alice's own file, a copy outside her folder.
        own = ws.session_files("alice")[0]
        ws.write("copy.jsonl", open(own, "rb").read())
        for argv in (export, make):
            for target in (own, ws.path("copy.jsonl"), os.path.join(ws.sessions, "alice", "new.jsonl")):
                before = open(target, "rb").read() if os.path.exists(target) else None
                r = prefer(ws, *(argv + [target]))
                check(r.returncode == 2 and (b"session file" in r.stderr or b"is an input of this export" in r.stderr),
                      "%s -o %s: exit %d %s" % (argv[0], target, r.returncode, r.stderr))
                after = open(target, "rb").read() if os.path.exists(target) else None
                check(after == before, "%s -o %s changed it" % (argv[0], target))
        # A regular target keeps its mode; '' and a folder get clear messages.
        for argv in (export, make):
            ws.write("out.jsonl", "old\n")
            os.chmod(ws.path("out.jsonl"), 0o664)
            r = prefer(ws, *(argv + ["out.jsonl"]))
            check(r.returncode == 0 and open(ws.path("out.jsonl"), "rb").read() != b"old\n",
                  "%s -o out.jsonl: exit %d %s" % (argv[0], r.returncode, r.stderr))
            check(stat.S_IMODE(os.stat(ws.path("out.jsonl")).st_mode) == 0o664,
                  "%s: a 0664 target came back %o" % (argv[0], stat.S_IMODE(os.stat(ws.path("out.jsonl")).st_mode)))
            for target, words in (("", b"needs a file name"), ("answers/", b"names a folder"), ("answers", b"is a folder")):
                r = prefer(ws, *(argv + [target]))
                check(r.returncode == 2 and words in r.stderr, "%s -o %r: exit %d %s" % (argv[0], target, r.returncode, r.stderr))
    finally:
        ws.close()


class Accounts:
    """Throwaway accounts and a group (useradd/groupadd, removed afterwards): root only."""

    def __init__(self):
        import subprocess
        self.subprocess = subprocess
        tag = "%d" % (os.getpid() % 100000)
        self.group = "plead" + tag
        self.users = []
        subprocess.run(["groupadd", self.group], check=True)
        # The other accounts run a copy of the binary in a folder they may enter: the build
        # folder can sit inside a clone made with `mktemp -d` (mode 0700), which only root enters.
        import shutil
        import tempfile
        self.bin_dir = tempfile.mkdtemp(prefix="prefer-bin-")
        os.chmod(self.bin_dir, 0o755)
        self.bin = os.path.join(self.bin_dir, "prefer")
        shutil.copy2(BIN, self.bin)
        os.chmod(self.bin, 0o755)

    def add(self, name, lead=False):
        name = name + "%d" % (os.getpid() % 100000)
        argv = ["useradd", "-M", "-U", "-s", "/bin/sh"] + (["-G", self.group] if lead else []) + [name]
        self.subprocess.run(argv, check=True, stdout=self.subprocess.DEVNULL)
        self.users.append(name)
        return name

    def gid(self):
        import grp
        return grp.getgrnam(self.group).gr_gid

    def close(self):
        for name in self.users:
            self.subprocess.run(["userdel", name], stdout=self.subprocess.DEVNULL, stderr=self.subprocess.DEVNULL)
        self.subprocess.run(["groupdel", self.group], stdout=self.subprocess.DEVNULL, stderr=self.subprocess.DEVNULL)
        __import__("shutil").rmtree(self.bin_dir, ignore_errors=True)

    def as_user(self, user, argv):
        """argv run as `user`, prefer itself from the copy that account may execute."""
        argv = [self.bin if a == BIN else a for a in argv]
        return ["runuser", "-u", user, "--"] + argv


def test_a_setgid_sessions_folder_keeps_the_leads_group_and_a_squatted_folder_is_refused():
    import stat
    ws = Workspace()
    accounts = Accounts()
    try:
        rater, mallory, lead = accounts.add("prat"), accounts.add("pmal"), accounts.add("plea", lead=True)
        # The documented shared-host layout (docs/RELIABILITY.md): the lead's group, setgid and
        # sticky (3773): the group lists and reads, raters may create their folder but not list
        # the folder or touch others' folders.
        os.mkdir(ws.sessions)
        os.chown(ws.sessions, 0, accounts.gid())
        os.chmod(ws.sessions, 0o3773)
        tmux = Tmux(accounts.as_user(rater, ws.command(rater=rater)), ws.root)
        try:
            tmux.wait_for("Question number 1?")
            choose(tmux, "1")
            tmux.wait_for("Question number 2?")
            tmux.type("q")
            check(tmux.exit_status() == 0, "sitting as %s failed: %s" % (rater, tmux.stderr()))
        finally:
            tmux.kill()
        folder = os.path.join(ws.sessions, rater)
        st = os.stat(folder)
        check(stat.S_IMODE(st.st_mode) == 0o2750 and st.st_gid == accounts.gid(),
              "rater folder mode %o group %d, expected 2750 and the lead's group %d (sessions: %o group %d)"
              % (stat.S_IMODE(st.st_mode), st.st_gid, accounts.gid(), stat.S_IMODE(os.stat(ws.sessions).st_mode),
                 os.stat(ws.sessions).st_gid))
        for name in os.listdir(folder):
            fst = os.stat(os.path.join(folder, name))
            check(fst.st_gid == accounts.gid() and stat.S_IMODE(fst.st_mode) == 0o640,
                  "%s: group %d mode %o" % (name, fst.st_gid, stat.S_IMODE(fst.st_mode)))
        # The lead reads everything without root.
        r = run(accounts.as_user(lead, [BIN, "report", "sessions"]), ws.root)
        check(r.returncode == 0 and b"1 labels from 1 rater" in r.stdout.replace(b"label ", b"labels "),
              "report as the lead: exit %d %s %s" % (r.returncode, r.stderr, r.stdout[:300]))
        # mallory makes the next rater's folder before their first sitting.
        victim = accounts.add("pvic")
        r = run(accounts.as_user(mallory, ["mkdir", "-m", "0777", os.path.join(ws.sessions, victim)]), ws.root)
        check(r.returncode == 0, "mallory could not squat: %s" % r.stderr)
        tmux = Tmux(accounts.as_user(victim, ws.command(rater=victim)), ws.root)
        try:
            status = tmux.exit_status()
            err = " ".join(tmux.stderr().split())
            check(status == 1 and "sessions/%s belongs to %s, not to you (%s)" % (victim, mallory, victim) in err,
                  "squatted folder: exit %r, stderr %s" % (status, err))
        finally:
            tmux.kill()
        check(os.listdir(os.path.join(ws.sessions, victim)) == [], "something was written into the squatted folder")
    finally:
        accounts.close()
        ws.close()


def test_one_unreadable_file_names_its_owner_and_skip_unreadable_leaves_it_out():
    ws = Workspace()
    accounts = Accounts()
    try:
        mallory, lead = accounts.add("pmal"), accounts.add("plea")
        os.makedirs(os.path.join(ws.sessions, "alice"))
        os.makedirs(os.path.join(ws.sessions, "mallory"))
        ws.write("sessions/alice/a.jsonl", line(type="label", rater="alice", task="task-1", choice="A"))
        ws.write("sessions/mallory/m.jsonl", line(type="label", rater="mallory", task="task-1", choice="B"))
        os.chown(ws.path("sessions/mallory/m.jsonl"), __import__("pwd").getpwnam(mallory).pw_uid, -1)
        os.chmod(ws.path("sessions/mallory/m.jsonl"), 0)
        for argv in (["validate", "sessions"], ["report", "sessions"], ["export", "sessions", "--tasks", "tasks.jsonl"]):
            r = run(accounts.as_user(lead, [BIN] + argv), ws.root)
            err = r.stderr.decode()
            check(r.returncode == 1, "%s: exit %d, expected 1: %s" % (argv[0], r.returncode, err))
            check("sessions/mallory/m.jsonl: cannot be read: Permission denied (owned by %s, mode 0000)" % mallory in err
                  and "--skip-unreadable" in err, "%s: the message does not name the owner: %s" % (argv[0], err))
            r = run(accounts.as_user(lead, [BIN] + argv + ["--skip-unreadable"]), ws.root)
            err = r.stderr.decode()
            check(r.returncode == 0, "%s --skip-unreadable: exit %d: %s" % (argv[0], r.returncode, err))
            check("sessions/mallory/m.jsonl: left out: cannot be read" in err
                  and "session files: left out 1 that cannot be read (--skip-unreadable)" in err,
                  "%s --skip-unreadable: not counted: %s" % (argv[0], err))
            if argv[0] == "export":
                raters = [json.loads(l)["rater"] for l in r.stdout.decode().splitlines()]
                check(raters == ["alice"], "export --skip-unreadable rows: %s" % raters)
    finally:
        accounts.close()
        ws.close()
