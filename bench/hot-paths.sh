#!/usr/bin/env bash
# Benchmark: the hot paths of two onewindowd binaries, side by side in one run, to show that a
# change did not slow them: durable ticket issuing (POST /api/v1/tickets, bench/tickets.lua)
# and a guide lookup (GET /api/v1/services/MZ-HY-001), each under wrk -t2 -c64 on loopback.
# Rounds alternate the order of the two binaries; each round starts each daemon afresh on a new
# database (so no round issues into a longer queue than another). Besides the rates it reads
# the daemon's own CPU time (/proc/PID/stat) per request, which other load on the machine
# disturbs far less than the rates. Prints every round, then the median and the spread
# (min–max) of each figure per binary, and after/before.
#
# Usage: bench/hot-paths.sh BEFORE_BINARY [AFTER_BINARY] [ROUNDS] [SECONDS]
#   AFTER_BINARY defaults to .build/release/onewindowd (built here); 5 rounds of 10 s.
# Build BEFORE_BINARY from the commit to compare with, e.g.
#   git archive BASE | tar -x -C /tmp/base && (cd /tmp/base && swift build -c release --static-swift-stdlib --product onewindowd)
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:?usage: bench/hot-paths.sh BEFORE_BINARY [AFTER_BINARY] [ROUNDS] [SECONDS]}
after=${2:-.build/release/onewindowd}
rounds=${3:-5}
duration=${4:-10}
port=18490

scripts/install-deps.sh wrk
if [ "$after" = .build/release/onewindowd ]; then swift build -c release --static-swift-stdlib --product onewindowd >/dev/null; fi
work=$(mktemp -d /tmp/onewindow-hot-paths.XXXXXX)
cleanup() {
    [ -n "${daemon:-}" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

hz=$(getconf CLK_TCK)
# The daemon's user and system CPU time so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$daemon/stat"; }

# measure BINARY LABEL: one round of both figures on a fresh database; appends to $work/LABEL.
measure() {
    local binary=$1 label=$2 db="$work/round.sqlite"
    rm -f "$db" "$db-wal" "$db-shm"
    token=$("$binary" token create --role kiosk --name bench --database "$db" 2>/dev/null | head -n 1)
    "$binary" serve --host 127.0.0.1 --port "$port" --threads 2 --issue-rate 0 --catalogue services.json \
        --database "$db" 2>"$work/daemon.log" &
    daemon=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
    local guide tickets t0 t1 t2
    t0=$(cpu_ticks)
    guide=$(wrk -t2 -c64 -d"${duration}s" "http://127.0.0.1:$port/api/v1/services/MZ-HY-001" \
        | awk '/Requests\/sec/ { r = $2 } / requests in / { n = $1 } END { print r, n }')
    t1=$(cpu_ticks)
    tickets=$(ONEWINDOW_BENCH_TOKEN=$token wrk -t2 -c64 -d"${duration}s" -s bench/tickets.lua \
        "http://127.0.0.1:$port/api/v1/tickets" \
        | awk '/Requests\/sec/ { r = $2 } / requests in / { c = $1 } /^non-201:/ { n = $2 } END { print r, c, n }')
    t2=$(cpu_ticks)
    kill "$daemon"
    wait "$daemon" 2>/dev/null || true
    daemon=""
    # rate_guide rate_tickets non201 cpu_us_per_guide cpu_us_per_ticket
    set -- $guide $tickets
    local guide_cpu ticket_cpu
    guide_cpu=$(awk -v a="$t0" -v b="$t1" -v n="$2" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz * 1e6 / n }')
    ticket_cpu=$(awk -v a="$t1" -v b="$t2" -v n="$4" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz * 1e6 / n }')
    echo "$1 $3 $5 $guide_cpu $ticket_cpu" >>"$work/$label"
    echo "  $label: guide lookup $1 req/s ($guide_cpu µs CPU each), tickets $3 /s ($ticket_cpu µs CPU each, non-201: $5)"
}

for round in $(seq "$rounds"); do
    echo "round $round"
    if [ $((round % 2)) -eq 1 ]; then
        measure "$before" before
        measure "$after" after
    else
        measure "$after" after
        measure "$before" before
    fi
done

# stats COLUMN LABEL -> "median (min–max)"
stats() {
    awk -v c="$1" '{ print $c }' "$work/$2" | sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f (%.1f–%.1f)", m, v[1], v[NR] }'
}
median() { awk -v c="$1" '{ print $c }' "$work/$2" | sort -n | awk '{ v[NR] = $1 } END {
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "== $rounds rounds of $duration s, wrk -t2 -c64, --threads 2; median (min–max) =="
echo "guide lookup  before $(stats 1 before) req/s   after $(stats 1 after) req/s   after/before $(awk -v a="$(median 1 after)" -v b="$(median 1 before)" 'BEGIN { printf "%.3f", a / b }')"
echo "tickets       before $(stats 2 before) /s      after $(stats 2 after) /s      after/before $(awk -v a="$(median 2 after)" -v b="$(median 2 before)" 'BEGIN { printf "%.3f", a / b }')"
echo "CPU µs/guide  before $(stats 4 before)   after $(stats 4 after)   after/before $(awk -v a="$(median 4 after)" -v b="$(median 4 before)" 'BEGIN { printf "%.3f", a / b }')"
echo "CPU µs/ticket before $(stats 5 before)   after $(stats 5 after)   after/before $(awk -v a="$(median 5 after)" -v b="$(median 5 before)" 'BEGIN { printf "%.3f", a / b }')"
echo "non-201 answers: before $(awk '{ s += $3 } END { print s }' "$work/before"), after $(awk '{ s += $3 } END { print s }' "$work/after")"
