"""The processes bench/run drives: onewindowd and nginx, each on a free loopback port."""

import http.client
import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Daemon:
    """`onewindowd serve` on a free port, started as this object is made."""

    def __init__(self, binary, catalogue, database, work, env=None):
        self.port = free_port()
        self.log_path = Path(work) / f"onewindowd-{self.port}.log"
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [str(binary), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--threads", "2",
             "--catalogue", str(catalogue), "--database", str(database), "--closing-time", "none"],
            stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT,
            # No access log, as nginx has none here: like is compared with like.
            # The malloc settings are systemd/onewindowd.service's.
            env={**os.environ, "ONEWINDOW_ACCESS_LOG": "off", "MALLOC_ARENA_MAX": "2", "MALLOC_MMAP_THRESHOLD_": "131072",
                 "MALLOC_TRIM_THRESHOLD_": "131072", **(env or {})})

    @staticmethod
    def create_token(binary, database, role, name, window=None, catalogue=None):
        """A clerk or pad token names its window, checked against the catalogue."""
        place = ["--window", window, "--catalogue", str(catalogue)] if window else []
        return subprocess.run(
            [str(binary), "token", "create", "--role", role, "--name", name, "--database", str(database)] + place,
            check=True, text=True, capture_output=True).stdout.strip()

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"bench/run: GET {path} answered {response.status}")
        return body

    def wait_healthy(self, timeout=30):
        """Seconds from process start to the first 200 from /healthz."""
        deadline = self.started + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"bench/run: onewindowd exited at start:\n{self.log_tail()}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return time.monotonic() - self.started
            except OSError:
                time.sleep(0.001)
        raise SystemExit(f"bench/run: onewindowd not healthy within {timeout} s:\n{self.log_tail()}")

    def wait_healthy_and_stop(self):
        self.wait_healthy()
        self.stop()

    def peak_rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
        return kib / 1024

    def stop(self):
        """SIGTERM, then the exit status."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()

    def log_tail(self, lines=20):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


class NginxServer:
    """nginx serving files from a folder: 2 workers, access_log off, sendfile, keep-alive."""

    def __init__(self, work, port):
        self.work = Path(work)
        self.port = port
        self.root = self.work / "nginx-root"

    def __enter__(self):
        (self.work / "nginx-tmp").mkdir()
        self.root.mkdir()
        config = self.work / "nginx.conf"
        temp = self.work / "nginx-tmp"
        config.write_text(f"""
worker_processes 2;
pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    default_type application/json;
    client_body_temp_path {temp}; proxy_temp_path {temp}; fastcgi_temp_path {temp};
    uwsgi_temp_path {temp}; scgi_temp_path {temp};
    server {{ listen 127.0.0.1:{self.port}; root {self.root}; }}
}}
""")
        subprocess.run(["nginx", "-c", str(config)], check=True)
        return self

    def serve(self, path, body):
        """Serves `body` at `path`, and checks that nginx sends exactly those bytes."""
        file = self.root / path.lstrip("/")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(body)
        for _ in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", path)
                if connection.getresponse().read() == body:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit("bench/run: nginx does not serve the same bytes")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def __exit__(self, *_):
        pid = self.work / "nginx.pid"
        if pid.exists():
            os.kill(int(pid.read_text()), signal.SIGQUIT)
            time.sleep(0.5)


class WalWatch:
    """The peak size of a database's write-ahead log file, sampled every 10 ms on a thread of
    its own while the load runs (the daemon bounds it: Checkpointer's TRUNCATE past 32 MiB)."""

    def __init__(self, database):
        self.path = f"{database}-wal"
        self.peak = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self):
        while not self.stopped.wait(0.01):
            try:
                self.peak = max(self.peak, os.path.getsize(self.path))
            except OSError:
                pass

    def stop(self):
        """Stops sampling; the peak in MiB."""
        self.stopped.set()
        self.thread.join()
        return self.peak / 2**20
