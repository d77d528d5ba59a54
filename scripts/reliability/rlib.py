"""Shared helpers for the reliability suite: a workspace, a private tmux server, session files.

Every scenario runs the built binary (PREFER_BIN, default .build/debug/prefer) the way a rater
would, in a real terminal (tmux), and checks only what is on disk and on screen.
"""
import json
import os
import random
import shlex
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("PREFER_BIN", os.path.join(ROOT, ".build", "debug", "prefer"))


class Failure(AssertionError):
    """A broken guarantee, stated as a sentence."""


def check(condition, message):
    if not condition:
        raise Failure(message)


def task(n, **extra):
    t = {"id": "task-%d" % n, "prompt": "Question number %d?" % n, "response_a": "Answer alpha %d." % n,
         "response_b": "Answer beta %d." % n, "model_a": "model-x", "model_b": "model-y"}
    t.update(extra)
    return t


class Workspace:
    """A temporary folder with tasks.jsonl, guide.md and a sessions folder."""

    def __init__(self, tasks=None, count=6):
        self.root = tempfile.mkdtemp(prefix="prefer-rel-")
        os.chmod(self.root, 0o755)
        tasks = tasks if tasks is not None else [task(n) for n in range(1, count + 1)]
        self.write("tasks.jsonl", "".join(json.dumps(t, sort_keys=True) + "\n" for t in tasks))
        self.write("guide.md", "# Guide\n\nPick the more **helpful** answer.\n")
        self.sessions = os.path.join(self.root, "sessions")

    def path(self, name):
        return os.path.join(self.root, name)

    def write(self, name, text):
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with open(self.path(name), "wb") as f:
            f.write(data)

    def command(self, rater="rel", extra=()):
        return [BIN, "label", "--tasks", "tasks.jsonl", "--guideline", "guide.md", "--sessions", self.sessions,
                "--rater", rater] + list(extra)

    def session_files(self, rater="rel"):
        d = os.path.join(self.sessions, rater)
        if not os.path.isdir(d):
            return []
        return sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".jsonl"))

    def parsed_files(self, rater="rel"):
        """Every session file parsed strictly: each line JSON, only the last may be torn."""
        result = []
        for f in self.session_files(rater):
            data = open(f, "rb").read()
            lines = data.split(b"\n")
            tail = lines.pop()  # bytes after the final newline: empty unless torn
            events = []
            for i, line in enumerate(lines):
                try:
                    events.append(json.loads(line.decode("utf-8")))
                except ValueError:
                    raise Failure("%s:%d does not parse (damage before the tail): %r" % (f, i + 1, line[:80]))
            if tail:
                try:
                    json.loads(tail.decode("utf-8"))
                    raise Failure("%s: a whole event without its newline: %r" % (f, tail[:80]))
                except ValueError:
                    pass  # a torn tail, allowed
            result.append((f, events, bool(tail)))
        return result

    def events(self, rater="rel", type_=None):
        out = []
        for _, events, _ in self.parsed_files(rater):
            out += [e for e in events if type_ is None or e.get("type") == type_]
        return out

    def effective_labels(self, rater="rel"):
        labels = {}
        for e in self.events(rater):
            if e.get("type") == "label":
                labels[e["task"]] = e["choice"]
            elif e.get("type") == "undo":
                labels.pop(e["task"], None)
        return labels

    def tree(self):
        """Every path under the workspace with its mode and content hash, to prove nothing changed."""
        snap = {}
        for d, dirs, files in os.walk(self.root):
            for n in dirs + files:
                p = os.path.join(d, n)
                st = os.lstat(p)
                content = open(p, "rb").read() if os.path.isfile(p) and not os.path.islink(p) else None
                snap[p] = (st.st_mode, st.st_size, content)
        return snap

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


def tmux_cmd(socket, *args, check_rc=True):
    r = subprocess.run(["tmux", "-L", socket] + list(args), stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=20)
    if check_rc and r.returncode != 0:
        raise Failure("tmux %s failed: %s" % (" ".join(args), r.stderr.decode(errors="replace")))
    return r.stdout.decode("utf-8", errors="replace")


class Tmux:
    """A command in a private tmux server of a given size; records the exit status."""

    def __init__(self, argv, cwd, cols=80, rows=24, env=None, shell_prefix="", interactive=False,
                 stderr_on_tty=False):
        self.socket = "prefer-rel-%d-%d" % (os.getpid(), random.randrange(1 << 30))
        self.status = os.path.join(cwd, ".status-" + self.socket)
        environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8"}
        environment.update(env or {})
        exports = " ".join("%s=%s" % (k, shlex.quote(v)) for k, v in environment.items() if v is not None)
        unset = " ".join("-u %s" % k for k, v in environment.items() if v is None)
        line = " ".join(shlex.quote(a) for a in argv)
        script = ("cd %s && %s env %s %s %s 2>%s.err; echo $? >%s; sleep 60"
                  % (shlex.quote(cwd), shell_prefix, unset, exports, line, shlex.quote(self.status),
                     shlex.quote(self.status)))
        if stderr_on_tty:  # as a rater runs it: messages on the terminal, which may be gone by then
            script = ("cd %s && %s env %s %s %s; echo $? >%s; sleep 60"
                      % (shlex.quote(cwd), shell_prefix, unset, exports, line, shlex.quote(self.status)))
        if interactive:  # an interactive shell keeps its stderr (prompt, job messages) on screen
            script = "cd %s && %s env %s %s %s" % (shlex.quote(cwd), shell_prefix, unset, exports, line)
        subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", "new-session", "-d", "-s", "rel",
                        "-x", str(cols), "-y", str(rows), "bash", "-c", script],
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        tmux_cmd(self.socket, "set-option", "-g", "status", "off", check_rc=False)

    def run(self, *args, check_rc=True):
        return tmux_cmd(self.socket, *args, check_rc=check_rc)

    def type(self, text):
        self.run("send-keys", "-t", "rel", "-l", text)

    def press(self, *keys):
        self.run("send-keys", "-t", "rel", *keys)

    def screen(self, escapes=False):
        return self.run("capture-pane", "-p", "-t", "rel", *(["-e"] if escapes else []), check_rc=False)

    def value(self, fmt):
        return self.run("display-message", "-p", "-t", "rel", fmt, check_rc=False).strip()

    def resize(self, cols, rows):
        self.run("resize-window", "-t", "rel", "-x", str(cols), "-y", str(rows), check_rc=False)

    def wait_for(self, text, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = self.screen()
            if text in s:
                return s
            time.sleep(0.03)
        raise Failure("screen never showed %r; it shows:\n%s\nstderr: %s" % (text, self.screen(), self.stderr()))

    def exit_status(self, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                text = open(self.status).read().strip()
                if text:
                    return int(text)
            except OSError:
                pass
            time.sleep(0.02)
        return None

    def stderr(self):
        try:
            return open(self.status + ".err", encoding="utf-8", errors="replace").read()
        except OSError:
            return ""

    def pid(self, name="prefer"):
        """The pid of the command under test: the descendant of the pane's shell named `name`."""
        try:
            shell = int(self.value("#{pane_pid}"))
        except ValueError:
            return None
        todo = [shell]
        while todo:
            p = todo.pop()
            try:
                children = open("/proc/%d/task/%d/children" % (p, p)).read().split()
            except OSError:
                continue
            for c in map(int, children):
                try:
                    comm = open("/proc/%d/comm" % c).read().strip()
                except OSError:
                    continue
                if comm == name:
                    return c
                todo.append(c)
        return None

    def kill(self):
        tmux_cmd(self.socket, "kill-server", check_rc=False)


def cpu_seconds(pid):
    """User plus system CPU time of a live process, or None once it is gone."""
    try:
        fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError):
        return None


def gone_within(pid, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            state = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()[0]
            if state == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.02)
    return False


PAUSE = 0.45  # longer than the 350 ms choice guard


def choose(tmux, key):
    time.sleep(PAUSE)
    tmux.type(key)


def run(argv, cwd, env=None, timeout=30):
    environment = dict(os.environ)
    environment.update(env or {})
    return subprocess.run(argv, cwd=cwd, env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout)
