#!/usr/bin/env bash
# Benchmark: durable tickets per second. POST /api/v1/tickets to onewindowd (release build,
# 2 threads) under wrk with 64 kiosk connections on loopback (bench/tickets.lua: one new
# ticket per request, unique Idempotency-Key), reporting the rate and p99 latency. Each ticket
# is answered only after its commit (WAL, synchronous=FULL), so the reference, measured in the
# same run on the same file system, is a plain loop of one-row-per-transaction durable commits
# with the sqlite3 CLI. Targets: at least 2x the reference rate, p99 under 20 ms.
# Afterwards the daemon is stopped (SIGTERM) and the ticket rows are counted against wrk's
# request count. Fails on any answer other than 201 and on socket errors.
#
# Usage: bench/tickets.sh [SECONDS]     (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
port=18482
ref_seconds=5  # how long the reference loop should run, roughly

scripts/install-deps.sh wrk sqlite3
build_log=$(swift build -c release --product onewindowd 2>&1) || { echo "$build_log" >&2; exit 1; }

# Under /tmp, so the daemon's database and the reference database share a file system.
work=$(mktemp -d /tmp/onewindow-bench-tickets.XXXXXX)
cleanup() {
    if [ -n "${daemon_pid:-}" ] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill "$daemon_pid" 2>/dev/null || true
        wait "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

database="$work/onewindow.sqlite"
.build/release/onewindowd token create --role kiosk --name bench-kiosk --database "$database" \
    >"$work/token.out" 2>"$work/token.err" || { echo "could not create a kiosk token:" >&2; cat "$work/token.err" >&2; exit 1; }
token=$(head -n 1 "$work/token.out")
[ -n "$token" ] || { echo "onewindowd token create printed no token" >&2; exit 1; }

.build/release/onewindowd serve --host 127.0.0.1 --port "$port" --threads 2 \
    --catalogue services.json --database "$database" 2>"$work/daemon.log" &
daemon_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "onewindowd did not start:" >&2; cat "$work/daemon.log" >&2; exit 1; }

# --- load -------------------------------------------------------------------------------
ONEWINDOW_BENCH_TOKEN=$token wrk -t2 -c64 -d"${duration}s" --latency -s bench/tickets.lua \
    "http://127.0.0.1:$port/api/v1/tickets" >"$work/wrk.out"
cat "$work/wrk.out"

rate=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.out")
requests=$(awk '/ requests in / { print $1 }' "$work/wrk.out")
# The "99%" line of --latency, converted to ms (wrk prints us, ms, s or m).
p99_ms=$(awk '$1 == "99%" {
    v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    f = (unit == "us") ? 0.001 : (unit == "ms") ? 1 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : -1
    if (f < 0) { print "unknown latency unit: " $2 > "/dev/stderr"; exit 1 }
    printf "%.2f", v * f }' "$work/wrk.out")
non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$work/wrk.out")
non2xx=${non2xx:-0}
non201=$(awk '/^non-201:/ { print $2 }' "$work/wrk.out")
socket_errors=$(awk '/Socket errors:/ { print }' "$work/wrk.out")
[ -n "$rate" ] && [ -n "$requests" ] && [ -n "$p99_ms" ] && [ -n "$non201" ] \
    || { echo "could not read wrk's output" >&2; exit 1; }

# --- stop the daemon, count the durable tickets -----------------------------------------
rss_kib=$(awk '/VmHWM/ { print $2 }' "/proc/$daemon_pid/status")
kill -TERM "$daemon_pid"
daemon_status=0
wait "$daemon_pid" || daemon_status=$?
daemon_pid=""
rows=$(sqlite3 "$database" "select count(*) from ticket")

# --- reference: one-row-per-transaction durable commits ---------------------------------
# The sqlite3 CLI is a plain C loop over the same libsqlite3; parsing three short statements
# costs microseconds, negligible next to the fsync each COMMIT makes (WAL, synchronous=FULL).
reference_rate() {  # N -> commits per second
    local n=$1 db="$work/ref.sqlite" sql="$work/ref.sql" mode
    rm -f "$db" "$db-wal" "$db-shm"
    mode=$(sqlite3 "$db" "PRAGMA journal_mode=WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);")
    [ "$mode" = wal ] || { echo "reference: journal_mode is '$mode', not wal" >&2; exit 1; }
    {
        echo "PRAGMA synchronous=FULL;"
        awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) print "BEGIN; INSERT INTO t(v) VALUES(\047x\047); COMMIT;" }'
    } >"$sql"
    local start end count
    start=$(date +%s.%N)
    sqlite3 -bail "$db" <"$sql" >/dev/null
    end=$(date +%s.%N)
    count=$(sqlite3 "$db" "select count(*) from t")
    [ "$count" -eq "$n" ] || { echo "reference: $count rows, expected $n" >&2; exit 1; }
    awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n / (e - s) }'
}
calibration=$(reference_rate 200)
ref_n=$(awk -v r="$calibration" -v t="$ref_seconds" 'BEGIN { n = int(r * t); if (n < 1000) n = 1000; if (n > 500000) n = 500000; print n }')
ref_rate=$(reference_rate "$ref_n")

# --- summary ----------------------------------------------------------------------------
echo
echo "== summary ($duration s, wrk -t2 -c64, onewindowd --threads 2, loopback) =="
echo "tickets:            $rate tickets/s ($requests answered)"
echo "p99 latency:        $p99_ms ms (target < 20 ms)"
echo "reference:          $ref_rate commits/s (sqlite3 CLI, WAL, synchronous=FULL, $ref_n one-row transactions; calibration $calibration/s)"
awk -v a="$rate" -v b="$ref_rate" 'BEGIN { printf "ratio:              %.2fx reference (target >= 2x)\n", a / b }'
echo "non-201 answers:    $non201 (wrk's non-2xx/3xx: $non2xx)"
echo "ticket rows:        $rows in the database after SIGTERM (wrk counted $requests answers)"
echo "onewindowd peak RSS: $((rss_kib / 1024)) MiB ($rss_kib KiB)"
awk -v a="$rate" -v b="$ref_rate" -v p="$p99_ms" 'BEGIN {
    printf "targets:            rate %s, p99 %s\n", (a >= 2 * b ? "met" : "MISSED"), (p < 20 ? "met" : "MISSED") }'

failed=0
if [ -n "$socket_errors" ]; then echo "FAIL: wrk $socket_errors" >&2; failed=1; fi
if [ "$non201" -ne 0 ] || [ "$non2xx" -ne 0 ]; then echo "FAIL: answers other than 201" >&2; failed=1; fi
if [ "$daemon_status" -ne 0 ]; then echo "FAIL: onewindowd exited with status $daemon_status after SIGTERM" >&2; failed=1; fi
# Every 201 is answered after its commit, so each must have its row; a few more rows than
# answers are normal (requests in flight when wrk stops are committed but not counted).
if [ "$rows" -lt $((requests - non201)) ]; then
    echo "FAIL: fewer ticket rows ($rows) than tickets answered 201 ($((requests - non201)))" >&2; failed=1
fi
if [ "$failed" -ne 0 ]; then
    echo "daemon log (last lines):" >&2
    tail -n 20 "$work/daemon.log" >&2
fi
exit "$failed"
