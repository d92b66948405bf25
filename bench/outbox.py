"""bench/run --outbox: the cost of the outbox's push on the write path.

Each round runs, twice on fresh daemons (once without a push URL, once pushing to a receiver
on 127.0.0.1, a Python HTTP server answering 200; the order alternating by round): 64 kiosk
connections issuing tickets, 20 clerks calling and completing them (each completion closes a
case and so writes an outbox record: thousands, a backlog), then tickets again while the sender
drains that backlog. The figures are the second tickets rate and the clerks' rate. After the pushed load
every record must have reached the receiver (checked before the daemon stops), signed; the
time that takes is shown too (the sender paces itself: 16 records per 0.2 s at most).
"""

import hashlib
import hmac
import os
import statistics
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = b"bench-push-secret-0123456789abcdef"


class Receiver:
    """Counts the records it is sent, and those whose signature does not verify."""

    def __init__(self):
        receiver = self
        self.keys = set()
        self.bad = 0
        self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
                with receiver.lock:
                    receiver.keys.add(self.headers.get("Idempotency-Key"))
                    if self.headers.get("X-OneWindow-Signature") != expected:
                        receiver.bad += 1
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/push"

    def count(self):
        with self.lock:
            return len(self.keys)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


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


def pushed_round(h, binary, work, catalogue, seconds, name, env, before_stop):
    """Tickets, then clerks serving them (each completion writes a record), then tickets again
    while the sender drains that backlog: the second tickets rate is the one taken while the
    outbox sends. Returns (tickets while sending, clerks' rate, problems)."""
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
    tickets, _, _, non201_again = h["issue_load"](daemon, kiosk, 64, seconds)
    if before_stop:
        before_stop(database)
    if non201 + non201_again:
        problems.append(f"{name}: {non201 + non201_again} ticket answers were not 201")
    if errors:
        problems.append(f"{name}: {errors} clerk requests failed")
    if daemon.stop() != 0:
        problems.append(f"{name}: onewindowd did not exit 0 on SIGTERM")
    return tickets, served, problems


def compare(helpers, binary, work, catalogue, seconds, rounds):
    """Runs the rounds; returns (table text, problems)."""
    figures = {"tickets": ([], []), "served": ([], [])}
    problems = []
    drain = []
    for r in range(1, rounds + 1):
        print(f"== outbox round {r} of {rounds}", flush=True)
        order = [False, True] if r % 2 else [True, False]
        for pushing in order:
            receiver = Receiver() if pushing else None
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
            tickets, served, round_problems = pushed_round(
                helpers, binary, work, catalogue, seconds, f"{r}-{'push' if pushing else 'none'}", env, check)
            problems += round_problems
            figures["tickets"][1 if pushing else 0].append(tickets)
            figures["served"][1 if pushing else 0].append(served)
            if receiver:
                receiver.close()
    lines = ["| figure | without push | with push | cost (median) |", "|---|---|---|---|"]
    for key, label in (("tickets", "durable tickets while the backlog drains (/s, 64 kiosk conns)"),
                       ("served", "call-next + complete, 20 clerks (tickets/s)")):
        without, with_push = figures[key]
        a, b = statistics.median(without), statistics.median(with_push)
        lines.append(f"| {label} | {a:,.0f} ({min(without):,.0f} – {max(without):,.0f}) | "
                     f"{b:,.0f} ({min(with_push):,.0f} – {max(with_push):,.0f}) | {(a - b) / a * 100:+.1f} % |")
    lines.append(f"| push backlog drained after the load (s) | | {statistics.median(drain):.1f} "
                 f"({min(drain):.1f} – {max(drain):.1f}) | |")
    return "\n".join(lines), problems
