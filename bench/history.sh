#!/usr/bin/env bash
# Benchmark with history: generates TICKETS tickets over DAYS days (ending yesterday) with their
# cases, visits, ratings and events into bench/out/history-TICKETS.sqlite through the queue's
# own commands and write path (the onewindow-history target, bench/HistoryGenerator), once;
# then measures, on a copy, onewindowd's start-up (process start to the first /healthz 200),
# metrics readiness (to the first answer of GET /api/v1/metrics for the 30 days; the metrics
# load on their own thread after start), GET /api/v1/metrics for the 30 days over REQUESTS
# requests (median and spread), the /manage page, and GET /api/v1/metrics for the whole period
# (up to 365 days) with the peak RSS after it. Targets: start-up < 300 ms, metrics ready < 1 s,
# peak RSS < 64 MiB, whole-period metrics < 20 ms, 30-day metrics median < 50 ms.
#
# Usage: bench/history.sh [TICKETS] [DAYS] [STARTS] [REQUESTS]   (100000 30 5 200)
#        bench/history.sh --verify   the generator's bulk write (one transaction a day, no syncs,
#        no WAL) against the daemon's own way of writing, on a 3-day history with a fixed last
#        day: both files must give the same digest (bench/history_digest.py).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--verify" ]; then
    scripts/install-deps.sh sqlite3
    swift build -c release --static-swift-stdlib --product onewindow-history >/dev/null
    work=$(mktemp -d /tmp/onewindow-history-verify.XXXXXX)
    trap 'rm -rf "$work"' EXIT
    for mode in bulk daemon; do
        # Deterministic hashing: the missing materials' order comes from a Set.
        SWIFT_DETERMINISTIC_HASHING=1 ONEWINDOW_HISTORY_LAST_DAY=2026-11-30 ONEWINDOW_HISTORY_WRITE=$mode \
            .build/release/onewindow-history "$work/$mode.sqlite" 8220 3 services.json | tail -n 1
        sqlite3 "$work/$mode.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
        python3 bench/history_digest.py "$work/$mode.sqlite" >"$work/$mode.digest"
    done
    diff "$work/daemon.digest" "$work/bulk.digest"
    echo "verify: the bulk write gives the daemon's rows ($(tail -n 1 "$work/bulk.digest"))"
    exit 0
fi
tickets=${1:-100000}
days=${2:-30}
starts=${3:-5}
requests=${4:-200}

scripts/install-deps.sh sqlite3
# As systemd/install.sh builds the daemon; the generator with the same flag, so neither build
# undoes the other's (a changed flag rebuilds everything).
swift build -c release --static-swift-stdlib --product onewindowd >/dev/null
swift build -c release --static-swift-stdlib --product onewindow-history >/dev/null
mkdir -p bench/out
history="bench/out/history-$tickets-$days-$(date +%F).sqlite"
if [ ! -f "$history" ]; then
    start=$(date +%s.%N)
    .build/release/onewindow-history "$history.tmp" "$tickets" "$days" services.json | tail -n 1
    # Into the main file before it is moved (only ONEWINDOW_HISTORY_WRITE=daemon leaves writes in the WAL).
    sqlite3 "$history.tmp" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    rm -f "$history.tmp-wal" "$history.tmp-shm"
    mv "$history.tmp" "$history"
    awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "generated in %.1f s\n", e - s }'
fi
echo "$history: $(sqlite3 "$history" 'select count(*) from ticket') tickets, \
$(sqlite3 "$history" 'select count(*) from case_record') cases, \
$(sqlite3 "$history" 'select count(*) from evaluation') evaluations, \
$(sqlite3 "$history" 'select count(*) from queue_event') events, $(du -h "$history" | cut -f1)"

work=$(mktemp -d /tmp/onewindow-history.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$history" "$work/hall.sqlite"
clerk=$(.build/release/onewindowd token create --role clerk --name bench-clerk --window 1 --database "$work/hall.sqlite" 2>/dev/null | head -n 1)
admin=$(.build/release/onewindowd token create --role admin --name bench-admin --database "$work/hall.sqlite" 2>/dev/null | head -n 1)
python3 bench/measure_history.py .build/release/onewindowd "$work/hall.sqlite" "$clerk" "$admin" "$starts" "$requests" "$days"
