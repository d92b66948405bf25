"""bench/run's one table: each figure's median over the rounds, its spread and its target."""

import statistics

# (key, label, format, target text, target check on the median or None)
FIGURES = [
    ("lookups", "lookups, onewindowd (req/s, 64 conns)", "{:,.0f}", "", None),
    ("nginx", "lookups, nginx on the same bytes (req/s)", "{:,.0f}", "", None),
    ("lookup_ratio", "  onewindowd / nginx", "{:.2f}x", ">= 1.2x", lambda v: v >= 1.2),
    ("lookups_logged", "lookups, onewindowd with its access log (req/s)", "{:,.0f}", "", None),
    ("log_cost", "  the access log's cost", "{:.1%}", "< 10 %", lambda v: v < 0.10),
    ("lookup_cpu", "  daemon CPU per lookup, log off (µs)", "{:.1f}", "", None),
    ("logged_cpu", "  daemon CPU per lookup, log on (µs)", "{:.1f}", "", None),
    ("log_cpu_cost", "  the access log's CPU per lookup", "{:+.1%}", "", None),
    ("tickets", "durable tickets (/s, 64 kiosk conns)", "{:,.0f}", "", None),
    ("tickets_p99", "  p99 latency (ms)", "{:.1f}", "", None),
    ("reference", "SQLite one-row commits (/s, WAL, FULL)", "{:,.0f}", "", None),
    ("ticket_ratio", "  tickets / SQLite commits", "{:.2f}x", ">= 2x", lambda v: v >= 2),
    ("hall", "durable tickets (/s, 16 kiosk conns)", "{:,.0f}", "", None),
    ("hall_p99", "  p99 latency (ms)", "{:.1f}", "< 20", lambda v: v < 20),
    ("served", "call-next + complete, 20 clerks (tickets/s)", "{:,.0f}", "", None),
    ("clerks_p99", "  p99 latency (ms)", "{:.1f}", "", None),
    ("lookup_rss", "peak RSS, lookups daemon (MiB)", "{:.1f}", "< 64", lambda v: v < 64),
    ("write_rss", "peak RSS, tickets + clerks daemon (MiB)", "{:.1f}", "< 64", lambda v: v < 64),
    ("wal_peak", "peak WAL file, tickets + clerks daemon (MiB)", "{:.1f}", "< 64", lambda v: v < 64),
    ("startup", "start-up to first /healthz 200 (ms)", "{:.0f}", "< 300", lambda v: v < 300),
]


class Table:
    def __init__(self):
        self.rounds = []

    def add(self, **figures):
        """One round's figures, by the keys of FIGURES; the ratios are taken here, within the round."""
        figures["lookup_ratio"] = figures["lookups"] / figures["nginx"]
        figures["log_cost"] = 1 - figures["lookups_logged"] / figures["lookups"]
        figures["log_cpu_cost"] = figures["logged_cpu"] / figures["lookup_cpu"] - 1
        figures["ticket_ratio"] = figures["tickets"] / figures["reference"]
        self.rounds.append(figures)

    def render(self, args):
        header = ("figure", f"median of {len(self.rounds)}", "min – max", "target", "median")
        rows = [header]
        for key, label, form, target, check in FIGURES:
            values = [r[key] for r in self.rounds]
            median = statistics.median(values)
            spread = f"{form.format(min(values))} – {form.format(max(values))}"
            verdict = "" if check is None else ("met" if check(median) else "MISSED")
            rows.append((label, form.format(median), spread, target, verdict))
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines = []
        for n, row in enumerate(rows):
            cells = [row[0].ljust(widths[0])] + [row[i].rjust(widths[i]) for i in (1, 2)] + [
                row[i].ljust(widths[i]) for i in (3, 4)]
            lines.append("| " + " | ".join(cells) + " |")
            if n == 0:
                lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        return "\n".join(lines)
