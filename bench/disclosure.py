"""bench/run --disclosure: GET /api/v1/disclosure and GET /disclosure under wrk -t2 -c64, each
round on a fresh daemon (release build, access log off, as the lookups figure), on a database
holding a year of history (bench/history.py) so that the figures the cache holds are real.
The answer is cached, so this measures the cached path; the cache is rebuilt at most every
--public-seconds (60) and at a new hall day."""

from statistics import median


def compare(helpers, binary, work, database, seconds, rounds):
    """Returns the table's text and the problems found."""
    Daemon, wrk, number, socket_errors = (helpers[k] for k in ("Daemon", "wrk", "number", "socket_errors"))
    rates = {"/api/v1/disclosure": [], "/disclosure": []}
    rss = []
    problems = []
    for r in range(1, rounds + 1):
        print(f"== disclosure round {r} of {rounds}", flush=True)
        daemon = Daemon(binary, helpers["ROOT"] / "services.json", database, work)
        daemon.wait_healthy()
        daemon.get("/api/v1/disclosure")  # the first answer computes the cache
        paths = list(rates)
        if r % 2 == 0:
            paths.reverse()
        for path in paths:
            out = wrk(["-t2", "-c64", f"-d{seconds}s", f"http://127.0.0.1:{daemon.port}{path}"])
            rates[path].append(number(r"^Requests/sec:\s+([\d.]+)", out))
            if "Non-2xx" in out or socket_errors(out):
                problems.append(f"{path}: answers other than 200 or socket errors:\n{out}")
        rss.append(daemon.peak_rss_mib())
        if daemon.stop() != 0:
            problems.append("the disclosure daemon did not exit 0 on SIGTERM")
    lines = ["| what | median | min–max |", "|---|---|---|"]
    for path, values in rates.items():
        lines.append(f"| GET {path} req/s | {median(values):,.0f} | {min(values):,.0f}–{max(values):,.0f} |")
        if median(values) < 5000:
            problems.append(f"GET {path}: median {median(values):,.0f} req/s, under the 5,000 asked for")
    lines.append(f"| peak RSS MiB | {median(rss):.0f} | {min(rss):.0f}–{max(rss):.0f} |")
    return "\n".join(lines), problems
