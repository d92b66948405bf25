"""bench/run --outbox: the cost of the outbox's push on the write path.

Each round runs, twice on fresh daemons (once without a push URL, once pushing to a receiver
on 127.0.0.1, bench/receiver.c answering 200; the order alternating by round): 64 kiosk
connections issuing tickets, 20 clerks calling and completing them (each completion closes a
case and so writes an outbox record: thousands, a backlog), then tickets again while the sender
drains that backlog. The figures are the second tickets rate and the clerks' rate, and the
daemon's CPU time per ticket during that second load (it moves far less than a rate when other
work shares the two cores). After the pushed load every record must have reached the receiver
(checked before the daemon stops), signed; the time that takes is shown too (the sender paces
itself: 16 records per 0.2 s at most). So is the CPU time that the daemon, its outbox thread
and the receiver used during the last load: a receiver is elsewhere in a hall, here it shares
the two cores.
"""

import hashlib
import hmac
import os
import statistics
import subprocess
import time
from pathlib import Path

SECRET = b"bench-push-secret-0123456789abcdef"


class Receiver:
    """bench/receiver.c in a process of its own: it answers 200 at almost no cost and writes down
    every request; this side counts the distinct keys and checks each signature. Its CPU time
    is reported beside the figures, so that what the receiver costs is not taken for the push's."""

    binary = None

    def __init__(self, work):
        if Receiver.binary is None:
            Receiver.binary = Path(work) / "receiver"
            subprocess.run(["cc", "-O2", "-o", str(Receiver.binary), str(Path(__file__).parent / "receiver.c")],
                           check=True)
        self.path = Path(work) / f"received-{time.monotonic_ns()}.txt"
        self.process = subprocess.Popen([str(Receiver.binary), str(self.path)], stdout=subprocess.PIPE, text=True)
        self.port = int(self.process.stdout.readline())
        self.keys = set()
        self.bad = 0
        self.offset = 0

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/push"

    def count(self):
        """Distinct keys received so far (reads what was written since the last call)."""
        with open(self.path, "rb") as received:
            received.seek(self.offset)
            while True:
                start = received.tell()
                head = received.readline()
                if not head.endswith(b"\n"):
                    break
                key, signature, length = head.rstrip(b"\n").split(b"\t")
                body = received.read(int(length) + 1)
                if len(body) < int(length) + 1:
                    break
                expected = "sha256=" + hmac.new(SECRET, body[:-1], hashlib.sha256).hexdigest()
                if signature.decode() != expected:
                    self.bad += 1
                self.keys.add(key)
                self.offset = received.tell()
            received.seek(start)
        return len(self.keys)

    def cpu_seconds(self):
        return process_cpu_seconds(self.process.pid)

    def close(self):
        self.process.kill()
        self.process.wait()


def process_cpu_seconds(pid, thread_name=None):
    """utime + stime of a process, or of its threads whose name starts with `thread_name`."""
    tick = os.sysconf("SC_CLK_TCK")
    if thread_name is None:
        paths = [Path(f"/proc/{pid}/stat")]
    else:
        paths = [task / "stat" for task in Path(f"/proc/{pid}/task").iterdir()
                 if (task / "comm").read_text().strip().startswith(thread_name)]
    total = 0
    for path in paths:
        fields = path.read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / tick


def push_env(work, receiver):
    secret = work / "push.secret"
    secret.write_bytes(SECRET + b"\n")
    os.chmod(secret, 0o600)
    return {"ONEWINDOW_EVALUATION_PUSH_URL": receiver.url, "ONEWINDOW_EVALUATION_PUSH_SECRET_FILE": str(secret)}


def drained(receiver, database, run, timeout=900):
    """Waits until the receiver has every record the outbox holds; returns (records, seconds)."""
    start = time.monotonic()
    while True:
        rows = int(run(["sqlite3", database, "SELECT count(*) FROM outbox"], capture_output=True).stdout)
        if receiver.count() >= rows or time.monotonic() - start > timeout:
            return rows, time.monotonic() - start
        time.sleep(0.1)


def pushed_round(h, binary, work, catalogue, seconds, name, env, before_stop, receiver=None):
    """Tickets, then clerks serving them (each completion writes a record), then tickets again
    while the sender drains that backlog: the second tickets rate is the one taken while the
    outbox sends. Returns the figures (tickets while sending, the clerks' rate, and the CPU
    seconds that the daemon, its outbox thread and the receiver used during that last load)
    and the problems."""
    database = work / f"outbox-{name}.sqlite"
    kiosk = h["Daemon"].create_token(binary, database, "kiosk", "bench-kiosk")
    # Thread n of bench/clerks.lua is window n: the n-th clerk token belongs to it.
    clerks = [h["Daemon"].create_token(binary, database, "clerk", f"bench-clerk-{n}", window=str(n), catalogue=catalogue)
              for n in range(1, h["CLERKS"] + 1)]
    daemon = h["Daemon"](binary, catalogue, database, work, env={"ONEWINDOW_ISSUE_RATE": "0", **env})
    daemon.wait_healthy()
    problems = []
    _, _, _, non201 = h["issue_load"](daemon, kiosk, 64, seconds)
    out = h["wrk"]([f"-t{h['CLERKS']}", f"-c{h['CLERKS']}", f"-d{seconds}s", "-s", str(h["BENCH"] / "clerks.lua"),
                    f"http://127.0.0.1:{daemon.port}"], env={"ONEWINDOW_BENCH_TOKENS": ",".join(clerks)})
    served = h["number"](r"^served: (\d+)", out) / seconds
    errors = int(h["number"](r"^errors: (\d+)", out)) + h["socket_errors"](out)
    pid = daemon.process.pid

    def cpu():
        return (process_cpu_seconds(pid), process_cpu_seconds(pid, "onewindow-outbo"),
                receiver.cpu_seconds() if receiver else 0)

    before = cpu()
    tickets, _, _, non201_again = h["issue_load"](daemon, kiosk, 64, seconds)
    used = [b - a for a, b in zip(before, cpu())]
    if before_stop:
        before_stop(database)
    if non201 + non201_again:
        problems.append(f"{name}: {non201 + non201_again} ticket answers were not 201")
    if errors:
        problems.append(f"{name}: {errors} clerk requests failed")
    if daemon.stop() != 0:
        problems.append(f"{name}: onewindowd did not exit 0 on SIGTERM")
    figures = {"tickets": tickets, "served": served, "daemon_cpu": used[0], "sender_cpu": used[1],
               "receiver_cpu": used[2], "cpu_per_ticket": used[0] / (tickets * seconds) * 1e6}
    return figures, problems


def spread(values, form):
    return f"{form.format(statistics.median(values))} ({form.format(min(values))} – {form.format(max(values))})"


def compare(helpers, binary, work, catalogue, seconds, rounds):
    """Runs the rounds; returns (table text, problems)."""
    figures = {}
    problems = []
    drain = []
    for r in range(1, rounds + 1):
        print(f"== outbox round {r} of {rounds}", flush=True)
        order = [False, True] if r % 2 else [True, False]
        for pushing in order:
            receiver = Receiver(work) if pushing else None
            env = push_env(work, receiver) if pushing else {}
            check = None
            if pushing:
                def check(database, receiver=receiver):
                    rows, waited = drained(receiver, database, helpers["run"])
                    drain.append(waited)
                    if receiver.count() < rows:
                        problems.append(f"round {r}: {receiver.count()} of {rows} records reached the receiver")
                    if receiver.bad:
                        problems.append(f"round {r}: {receiver.bad} records with a bad signature")
            found, round_problems = pushed_round(
                helpers, binary, work, catalogue, seconds, f"{r}-{'push' if pushing else 'none'}", env, check,
                receiver)
            problems += round_problems
            for key, value in found.items():
                figures.setdefault(key, ([], []))[1 if pushing else 0].append(value)
            if receiver:
                receiver.close()
    lines = ["| figure | without push | with push | cost (median) |", "|---|---|---|---|"]
    for key, label in (("tickets", "durable tickets while the backlog drains (/s, 64 kiosk conns)"),
                       ("served", "call-next + complete, 20 clerks (tickets/s)")):
        without, with_push = figures[key]
        a, b = statistics.median(without), statistics.median(with_push)
        lines.append(f"| {label} | {spread(without, '{:,.0f}')} | {spread(with_push, '{:,.0f}')} | "
                     f"{(a - b) / a * 100:+.1f} % |")
    # CPU time per ticket moves much less than a rate when other work shares the cores.
    without, with_push = figures["cpu_per_ticket"]
    a, b = statistics.median(without), statistics.median(with_push)
    lines.append(f"| daemon CPU per ticket during that load (µs) | {spread(without, '{:.0f}')} | "
                 f"{spread(with_push, '{:.0f}')} | {(b - a) / a * 100:+.1f} % |")
    for key, label in (("daemon_cpu", "daemon CPU during that tickets load (s)"),
                       ("sender_cpu", "  of it the outbox thread (s)"),
                       ("receiver_cpu", "receiver CPU during that load (s)")):
        without, with_push = figures[key]
        lines.append(f"| {label} | {spread(without, '{:.2f}')} | {spread(with_push, '{:.2f}')} | |")
    lines.append(f"| push backlog drained after the load (s) | | {spread(drain, '{:.1f}')} | |")
    return "\n".join(lines), problems
