"""Item 6: files on a shared host — modes whatever the umask, planted symlinks and hard links
refused with their targets untouched, rater names that try to leave the sessions folder."""
import os
import stat

from rlib import Tmux, Workspace, check, choose, run


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_umask_000_still_gives_0750_folders_and_0640_files():
    ws = Workspace()
    try:
        tmux = Tmux(ws.command(), ws.root, shell_prefix="umask 000;")
        try:
            tmux.wait_for("Question number 1?")
            choose(tmux, "1")
            tmux.wait_for("Question number 2?")
            tmux.type("q")
            check(tmux.exit_status() == 0, "sitting failed: " + tmux.stderr())
        finally:
            tmux.kill()
        rater = os.path.join(ws.sessions, "rel")
        check(mode(ws.sessions) == 0o750, "sessions folder mode %o" % mode(ws.sessions))
        check(mode(rater) == 0o750, "rater folder mode %o" % mode(rater))
        for name in os.listdir(rater):
            check(mode(os.path.join(rater, name)) == 0o640, "%s has mode %o" % (name, mode(os.path.join(rater, name))))
    finally:
        ws.close()


def refused(ws, rater="rel"):
    """Runs a sitting that must refuse to start: exit 1 or 2, a message, nothing on screen to label."""
    tmux = Tmux(ws.command(rater=rater), ws.root)
    try:
        status = tmux.exit_status()
        check(status in (1, 2), "expected a refusal, got exit %r; screen:\n%s" % (status, tmux.screen()))
        check(tmux.stderr().strip() != "", "refused without a message")
        return tmux.stderr()
    finally:
        tmux.kill()


def test_a_symlink_planted_as_the_rater_folder_is_refused_and_its_target_untouched():
    ws = Workspace()
    try:
        target = ws.path("victim")
        os.mkdir(target)
        os.makedirs(ws.sessions)
        os.symlink(target, os.path.join(ws.sessions, "rel"))
        refused(ws)
        check(os.listdir(target) == [], "files were created through the symlink: %s" % os.listdir(target))
    finally:
        ws.close()


def test_a_symlink_planted_as_the_sessions_folder_is_refused():
    ws = Workspace()
    try:
        target = ws.path("victim")
        os.mkdir(target)
        os.symlink(target, ws.sessions)
        refused(ws)
        check(os.listdir(target) == [], "files were created through the symlink: %s" % os.listdir(target))
    finally:
        ws.close()


def test_a_symlink_or_hard_link_planted_as_the_lock_is_refused_and_its_target_untouched():
    for kind in ("symlink", "hardlink"):
        ws = Workspace()
        try:
            rater = os.path.join(ws.sessions, "rel")
            os.makedirs(rater, mode=0o750)
            victim = ws.path("victim.txt")
            ws.write("victim.txt", "precious\n")
            os.chmod(victim, 0o600)
            (os.symlink if kind == "symlink" else os.link)(victim, os.path.join(rater, ".lock"))
            tmux = Tmux(ws.command(), ws.root)
            try:
                status = tmux.exit_status(timeout=3)
                if status is None:  # it started: then it must not have written through the link
                    tmux.type("q")
                    tmux.exit_status()
                check(status in (1, 2), "a %s planted as the lock file was used" % kind)
            finally:
                tmux.kill()
            check(open(victim).read() == "precious\n", "the %s target was written" % kind)
            check(mode(victim) == 0o600, "the %s target's mode changed" % kind)
        finally:
            ws.close()


def test_a_session_file_planted_under_an_existing_name_is_never_opened():
    # Every name the writer creates is O_EXCL and new: a planted symlink or hard link at any
    # *.jsonl name in the rater folder must keep its target byte-identical.
    ws = Workspace()
    try:
        rater = os.path.join(ws.sessions, "rel")
        os.makedirs(rater, mode=0o750)
        ws.write("victim.jsonl", "")
        os.symlink(ws.path("victim.jsonl"), os.path.join(rater, "20000101T000000Z-00000000.jsonl"))
        os.link(ws.path("victim.jsonl"), os.path.join(rater, "20000101T000000Z-00000001.jsonl"))
        tmux = Tmux(ws.command(), ws.root)
        try:
            tmux.wait_for("Question number 1?")
            choose(tmux, "1")
            tmux.wait_for("Question number 2?")
            tmux.type("q")
            tmux.exit_status()
        finally:
            tmux.kill()
        check(open(ws.path("victim.jsonl"), "rb").read() == b"", "a planted link's target was written")
    finally:
        ws.close()


def test_rater_names_that_leave_the_sessions_folder_are_refused():
    for name in ["../x", "a/b", "..", ".", "", "x" * 300, "/tmp/abs", ".hidden", "-dash", "a\nb", "é"]:
        ws = Workspace()
        try:
            before = set(os.listdir(ws.root))
            # Where the name would lead if it were used as a path (other processes share /tmp,
            # so only this exact place is checked outside the workspace).
            escape = os.path.normpath(os.path.join(ws.sessions, name)) if name and "\n" not in name else None
            escaped_before = escape is not None and os.path.lexists(escape)
            r = run(ws.command(rater=name), ws.root)
            check(r.returncode == 2, "rater %r: exit %d, expected 2" % (name, r.returncode))
            check(b"rater" in r.stderr.lower(), "rater %r: no clear message: %r" % (name, r.stderr))
            check(set(os.listdir(ws.root)) == before, "rater %r created %s" % (name, set(os.listdir(ws.root)) - before))
            check(escape is None or escaped_before or not os.path.lexists(escape),
                  "rater %r created %s" % (name, escape))
        finally:
            ws.close()
