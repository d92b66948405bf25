"""Measures onewindowd over a generated history (bench/history.sh makes it): start-up to the
first /healthz 200, metrics readiness, and GET /api/v1/metrics for the 30 days, plus the
/manage page, GET /api/v1/metrics for the whole period (up to 365 days), and the peak RSS of the
daemon that served them. Usage: history.py BINARY DATABASE CLERK_TOKEN ADMIN_TOKEN [STARTS] [REQUESTS] [DAYS]"""
import datetime
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zoneinfo

binary, database, clerk, admin = sys.argv[1:5]
starts = int(sys.argv[5]) if len(sys.argv) > 5 else 5
requests = int(sys.argv[6]) if len(sys.argv) > 6 else 200
days = int(sys.argv[7]) if len(sys.argv) > 7 else 30
def free_port():
    """A loopback port nobody listens on now."""
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


port = free_port()
today = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai")).date()
first, last = today - datetime.timedelta(days=30), today - datetime.timedelta(days=1)
metrics_path = f"/api/v1/metrics?from={first}&to={last}"
# The whole history, as far as one query may reach (366 days at most).
period_path = f"/api/v1/metrics?from={today - datetime.timedelta(days=min(days, 365))}&to={last}"
clerk_auth = {"Authorization": f"Bearer {clerk}"}


def get(connection, path, headers=None):
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.read()


def spread(values):
    values = sorted(values)
    q = lambda p: values[min(len(values) - 1, int(p * len(values)))]
    return (f"median {statistics.median(values):.1f}, p10 {q(0.1):.1f}, p90 {q(0.9):.1f}, "
            f"min {values[0]:.1f}, max {values[-1]:.1f} (n={len(values)})")


def start():
    """Starts the daemon; returns it, its log, its start and the seconds to the first /healthz 200."""
    log = tempfile.TemporaryFile()
    began = time.monotonic()
    daemon = subprocess.Popen(
        [binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--catalogue", "services.json",
         "--database", database, "--access-log", "off", "--closing-time", "none"],
        # As systemd/onewindowd.service runs it (its malloc settings).
        stdout=subprocess.DEVNULL, stderr=log,
        env={**os.environ, "MALLOC_ARENA_MAX": "2", "MALLOC_MMAP_THRESHOLD_": "131072", "MALLOC_TRIM_THRESHOLD_": "131072"})
    while time.monotonic() - began < 30:
        try:
            if get(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/healthz")[0] == 200:
                return daemon, log, began, time.monotonic() - began
        except OSError:
            time.sleep(0.002)
    raise SystemExit("the daemon did not answer /healthz within 30 s")


def wait_for_metrics():
    """Asks for the 30 days until they come (each ask waits up to 5 s, then gets 503 metrics_loading)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        status, body = get(connection, metrics_path, clerk_auth)
        if status == 200:
            return
        assert status == 503 and b"metrics_loading" in body, body


def cpu_ms(pid):
    """The process's CPU time so far (user + system), in ms: on a machine other work loads,
    the CPU a request costs is steadier than its wall time."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def file_pages(pid):
    """The resident pages of each mapped file, largest first, in KiB (/proc/PID/smaps)."""
    pages, name = {}, None
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            fields = line.split()
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                name = os.path.basename(fields[5]) if len(fields) > 5 and fields[5].startswith("/") else None
            elif name and fields[0] == "Rss:":
                pages[name] = pages.get(name, 0) + int(fields[1])
    return sorted(pages.items(), key=lambda item: -item[1])


def stop(daemon):
    daemon.send_signal(signal.SIGTERM)
    daemon.wait(30)


def main():
    startups, readiness, logged, events, loads = [], [], [], "?", []
    healthy_cpu, ready_cpu = [], []
    for _ in range(starts):
        daemon, log, began, healthy = start()
        try:
            healthy_cpu.append(cpu_ms(daemon.pid))
            wait_for_metrics()
            readiness.append((time.monotonic() - began) * 1000)
            ready_cpu.append(cpu_ms(daemon.pid))
            startups.append(healthy * 1000)
        finally:
            stop(daemon)
        log.seek(0)
        # The load average: other work on the machine stretches every wall time above.
        with open("/proc/loadavg") as load:
            loads.append(float(load.read().split()[0]))
        # logfmt: msg="metrics ready" days=D events=N seconds=S, in whichever order the fields come.
        line = next((l for l in log.read().splitlines() if b"metrics ready" in l), b"")
        count, seconds = re.search(rb"\bevents=(\d+)", line), re.search(rb"\bseconds=([0-9.]+)", line)
        rolled = re.search(rb"\bdays=(\d+)", line)
        if count and seconds:
            events = count.group(1).decode() + (f" events folded after {rolled.group(1).decode()} days of rollups" if rolled else " events folded")
            logged.append(float(seconds.group(1)) * 1000)
    print(f"history: {first} … {last}; at start-up {events}; load average during the starts {min(loads)}–{max(loads)}")
    print(f"start-up, process start to the first /healthz 200 (ms): {spread(startups)}")
    print(f"metrics ready, process start to the first 30-day answer (ms): {spread(readiness)}")
    print(f"daemon CPU at the first /healthz 200 (ms): {spread(healthy_cpu)}")
    print(f"daemon CPU at metrics ready (ms): {spread(ready_cpu)}")
    if logged:
        print(f"metrics load as the daemon logs it (ms): {spread(logged)}")

    daemon, _, _, _ = start()
    try:
        wait_for_metrics()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for path in (metrics_path, period_path):
            latencies = []
            cpu = cpu_ms(daemon.pid)
            for _ in range(requests):
                began = time.perf_counter()
                status, body = get(connection, path, clerk_auth)
                latencies.append((time.perf_counter() - began) * 1000)
                assert status == 200, body
            cpu = (cpu_ms(daemon.pid) - cpu) / requests
            print(f"GET {path} ({len(body)} bytes), one keep-alive connection (ms): {spread(latencies)}; "
                  f"daemon CPU {cpu:.1f} ms a request")
        with open(f"/proc/{daemon.pid}/status") as status_file:
            fields = {l.split(":")[0]: int(l.split()[1]) for l in status_file if l.startswith(("VmHWM", "Rss"))}
        print(f"peak RSS after the whole-period queries (MiB): {fields['VmHWM'] / 1024:.1f}; "
              f"now anonymous {fields['RssAnon'] / 1024:.1f}, file-backed {fields['RssFile'] / 1024:.1f}")
        print("file-backed pages by file (MiB): " + ", ".join(
            f"{name} {kib / 1024:.1f}" for name, kib in file_pages(daemon.pid)[:8]))
        connection.request("POST", "/manage/sign-in", body=urllib.parse.urlencode({"token": admin}),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        response.read()
        cookie = response.getheader("Set-Cookie").split(";")[0]
        pages = []
        for _ in range(max(10, requests // 10)):
            began = time.perf_counter()
            status, body = get(connection, "/manage", {"Cookie": cookie})
            pages.append((time.perf_counter() - began) * 1000)
            assert status == 200, body
        print(f"GET /manage signed in ({len(body)} bytes) (ms): {spread(pages)}")
        # A history longer than a query may reach: the whole period is its years, each asked for
        # (the book holds about three months of days and two years of month sums; older ranges
        # read what they need from SQLite), and a range from inside one month to inside another.
        older = []
        for back in range(1, (days - 1) // 365 + 1):
            end = last - datetime.timedelta(days=365 * back)
            older.append(f"/api/v1/metrics?from={end - datetime.timedelta(days=364)}&to={end}")
        if older:
            inside = last - datetime.timedelta(days=365 * len(older) + 200)
            older.append(f"/api/v1/metrics?from={inside}&to={inside + datetime.timedelta(days=95)}")
        for path in older:
            latencies = []
            cpu = cpu_ms(daemon.pid)
            for _ in range(max(5, requests // 10)):
                began = time.perf_counter()
                status, body = get(connection, path, clerk_auth)
                latencies.append((time.perf_counter() - began) * 1000)
                assert status == 200, body
            cpu = (cpu_ms(daemon.pid) - cpu) / max(5, requests // 10)
            print(f"GET {path} ({len(body)} bytes) (ms): {spread(latencies)}; daemon CPU {cpu:.1f} ms a request")
        with open(f"/proc/{daemon.pid}/status") as status_file:
            peak = next(l.split()[1] for l in status_file if l.startswith("VmHWM:"))
        print(f"peak RSS of the daemon serving the history (MiB): {int(peak) / 1024:.1f}")
    finally:
        stop(daemon)


main()
