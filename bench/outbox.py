"""bench/run --outbox: the cost of the outbox's push on the write path.

Each round runs bench/run's write load (64 kiosk connections issuing tickets, then 20 clerks
calling and completing them, each completion closing a case and so writing an outbox record)
twice on fresh daemons, once without a push URL and once pushing to a receiver on 127.0.0.1
(a Python HTTP server answering 200), the order alternating by round. After the pushed load
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


def compare(write_round, run, binary, work, catalogue, seconds, rounds):
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
                    rows, waited = drained(receiver, database, run)
                    drain.append(waited)
                    if receiver.count() < rows:
                        problems.append(f"round {r}: {receiver.count()} of {rows} records reached the receiver")
                    if receiver.bad:
                        problems.append(f"round {r}: {receiver.bad} records with a bad signature")
            tickets, _, served, _, _, round_problems, _ = write_round(
                binary, work, catalogue, seconds, f"{r}-{'push' if pushing else 'none'}", env=env, before_stop=check)
            problems += round_problems
            figures["tickets"][1 if pushing else 0].append(tickets)
            figures["served"][1 if pushing else 0].append(served)
            if receiver:
                receiver.close()
    lines = ["| figure | without push | with push | cost (median) |", "|---|---|---|---|"]
    for key, label in (("tickets", "durable tickets (/s, 64 kiosk conns)"),
                       ("served", "call-next + complete, 20 clerks (tickets/s)")):
        without, with_push = figures[key]
        a, b = statistics.median(without), statistics.median(with_push)
        lines.append(f"| {label} | {a:,.0f} ({min(without):,.0f} – {max(without):,.0f}) | "
                     f"{b:,.0f} ({min(with_push):,.0f} – {max(with_push):,.0f}) | {(a - b) / a * 100:+.1f} % |")
    lines.append(f"| push backlog drained after the load (s) | | {statistics.median(drain):.1f} "
                 f"({min(drain):.1f} – {max(drain):.1f}) | |")
    return "\n".join(lines), problems
