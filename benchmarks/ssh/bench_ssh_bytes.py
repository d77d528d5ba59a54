#!/usr/bin/env python3
"""Bytes and packets on the wire per keypress: `prefer serve` against OpenSSH's sshd.

Both paths serve the same batch (the 6-task workspace below, file order) to a real `ssh -tt`
client in a private tmux server (default 120x40). `tcpdump -i lo` records every TCP segment
of the connection with its time; keys are pressed with pauses longer than the 350 ms choice
guard, and the segments carrying data between one key and the next are counted in each
direction:

  focus    `Tab` (to the next pane)
  scroll   `j` (one line down in the focused pane)
  choice   `1` on a task: the label is saved, the next task's frame is drawn

The OpenSSH path is a private sshd (own config, host key and port on 127.0.0.1) whose
authorized_keys is made by `prefer raters add`. The client asks for aes128-gcm@openssh.com
on both paths (NIOSSH offers only AES-GCM; OpenSSH would otherwise pick
chacha20-poly1305), so the packet overheads compare like for like.

    sudo python3 benchmarks/ssh/bench_ssh_bytes.py [--bin .build/release/prefer] [--repeat 5]

Prints per path and key kind the median bytes and packets per key, server to client (the
frame) and client to server (the key). Needs tcpdump (root), tmux, ssh, sshd, ssh-keygen.
"""
import argparse
import json
import os
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEGMENT = re.compile(r"^(\d+\.\d+) IP 127\.0\.0\.1\.(\d+) > 127\.0\.0\.1\.(\d+): tcp (\d+)$")
PAUSE = 0.6


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def workspace(root):
    tasks = []
    for n in range(1, 7):
        long_a = " ".join(f"Answer alpha {n}, sentence {k}." for k in range(400))
        long_b = " ".join(f"Answer beta {n}, sentence {k}." for k in range(400))
        tasks.append({"id": f"task-{n}", "prompt": f"Question number {n}?", "response_a": long_a,
                      "response_b": long_b, "model_a": "model-x", "model_b": "model-y"})
    with open(os.path.join(root, "tasks.jsonl"), "w") as f:
        for t in tasks:
            f.write(json.dumps(t) + "\n")
    with open(os.path.join(root, "guide.md"), "w") as f:
        f.write("# Guide\n\nPick the more helpful answer.\n")
    with open(os.path.join(root, "batch.toml"), "w") as f:
        f.write('name = "bench"\ntasks = "tasks.jsonl"\nguideline = "guide.md"\noverlap = 50\norder = "file"\n')
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", os.path.join(root, "ana_key")], check=True)
    with open(os.path.join(root, "ana_key.pub")) as f:
        key = f.read().strip()
    with open(os.path.join(root, "raters.txt"), "w") as f:
        f.write(f"ana {key}\n")


def wait_for(predicate, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def start_serve(binary, root):
    port = free_port()
    log = open(os.path.join(root, "serve.log"), "w")
    proc = subprocess.Popen([binary, "serve", "--batch", "batch.toml", "--sessions", "sessions-serve",
                             "--listen", f"127.0.0.1:{port}", "--host-key", "host_key", "--raters", "raters.txt"],
                            cwd=root, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
    assert wait_for(lambda: "raters connect with" in open(os.path.join(root, "serve.log")).read()), "serve did not start"
    return proc, port, "ana"


def start_sshd(binary, root):
    port = free_port()
    os.makedirs("/run/sshd", exist_ok=True)
    subprocess.run([binary, "raters", "add", "ana", "--key", "ana_key.pub", "--batch", "batch.toml",
                    "--sessions", "sessions-sshd", "--authorized-keys", os.path.join(root, "authorized_keys")],
                   cwd=root, check=True, stderr=subprocess.DEVNULL)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", os.path.join(root, "sshd_key")], check=True)
    config = os.path.join(root, "sshd_config")
    with open(config, "w") as f:
        f.write(f"ListenAddress 127.0.0.1\nAuthorizedKeysFile {root}/authorized_keys\nPasswordAuthentication no\n"
                "KbdInteractiveAuthentication no\nDisableForwarding yes\nUsePAM no\nStrictModes no\n"
                f"PidFile {root}/sshd.pid\n")
    log = open(os.path.join(root, "sshd.log"), "w")
    proc = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", config, "-p", str(port), "-h", os.path.join(root, "sshd_key")],
                            stdout=log, stderr=log, stdin=subprocess.DEVNULL)
    assert wait_for(lambda: "Server listening" in open(os.path.join(root, "sshd.log")).read()), "sshd did not start"
    import pwd
    return proc, port, pwd.getpwuid(os.getuid()).pw_name


def tmux(sock, *args):
    return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True).stdout


def measure(root, port, user, cols, rows, repeat):
    sock = f"prefer-bench-ssh-{os.getpid()}-{port}"
    capture = os.path.join(root, f"tcpdump-{port}.txt")
    dump = subprocess.Popen(["tcpdump", "-i", "lo", "-nn", "-tt", "-l", "-q", f"tcp port {port}"],
                            stdout=open(capture, "w"), stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    ssh = ["ssh", "-F", "/dev/null", "-tt", "-p", str(port), "-i", os.path.join(root, "ana_key"), "-o", "IdentitiesOnly=yes",
           "-c", "aes128-gcm@openssh.com", "-o", "StrictHostKeyChecking=no", "-o", f"UserKnownHostsFile={root}/known_hosts", "-o", "LogLevel=ERROR",
           f"{user}@127.0.0.1"]
    tmux(sock, "-f", "/dev/null", "new-session", "-d", "-x", str(cols), "-y", str(rows),
         "env TERM=xterm-256color LANG=C.UTF-8 " + " ".join(shlex.quote(a) for a in ssh))
    tmux(sock, "set-option", "-g", "status", "off")
    assert wait_for(lambda: "Question number 1?" in tmux(sock, "capture-pane", "-p")), tmux(sock, "capture-pane", "-p")
    time.sleep(1.0)
    marks = []
    plan = []
    plan += [("scroll", "j")] * repeat       # the first pane that scrolls has the focus
    plan += [("focus", "Tab")] * repeat
    plan += [("choice", "1")] * min(repeat, 5)  # the batch has 6 tasks
    for kind, key in plan:
        marks.append((kind, time.time()))
        tmux(sock, "send-keys", key)
        time.sleep(PAUSE)
    marks.append(("end", time.time()))
    tmux(sock, "send-keys", "q")
    time.sleep(1.0)
    tmux(sock, "kill-server")
    dump.send_signal(signal.SIGINT)
    dump.wait()
    segments = []
    for line in open(capture):
        m = SEGMENT.match(line)
        if m and int(m.group(4)) > 0:
            segments.append((float(m.group(1)), int(m.group(2)) == port, int(m.group(4))))
    results = {}
    for (kind, start), (_, end) in zip(marks, marks[1:]):
        inside = [s for s in segments if start <= s[0] < end]
        down = [s[2] for s in inside if s[1]]
        up = [s[2] for s in inside if not s[1]]
        results.setdefault(kind, []).append((len(down), sum(down), len(up), sum(up)))
        if os.environ.get("BENCH_VERBOSE"):
            print(f"  {kind}: down {down} up {up}", file=sys.stderr)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "prefer"))
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    root = tempfile.mkdtemp(prefix="prefer-bench-ssh-")
    workspace(root)
    print(f"{args.cols}x{args.rows}, {args.repeat} repeats, medians per key (data-carrying TCP segments)")
    print(f"{'path':8} {'key':7} {'down pkts':>9} {'down bytes':>10} {'up pkts':>8} {'up bytes':>9}")
    for name, start in (("serve", start_serve), ("sshd", start_sshd)):
        proc, port, user = start(binary, root)
        try:
            results = measure(root, port, user, args.cols, args.rows, args.repeat)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
        for kind in ("focus", "scroll", "choice"):
            rows = results.get(kind, [])
            med = [statistics.median(r[i] for r in rows) for i in range(4)] if rows else [0] * 4
            print(f"{name:8} {kind:7} {med[0]:9g} {med[1]:10g} {med[2]:8g} {med[3]:9g}")
    print(f"(work files in {root})")


if __name__ == "__main__":
    sys.exit(main())
