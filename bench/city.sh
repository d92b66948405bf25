#!/usr/bin/env bash
# City bench (run by hand): HALLS halls, each a copy of one generated history (TICKETS tickets over
# DAYS days, from bench/history.sh's generator, made once), sent by their own onewindowd senders
# (--city-url) to onewindow-city on a PostgreSQL cluster of its own in a temporary folder. Reports:
# ingest rate with one city service (the first half of the halls) and with two (the second half,
# alternating), GET /api/v1/city/metrics over the whole period across all halls (median of 5),
# and PostgreSQL's disk per hall-year. Fewer halls when the disk would not hold the copies.
#
# Usage: bench/city.sh [HALLS] [TICKETS] [DAYS]   (8 1000000 365: about 4.4 million events a hall)
# CONFIG=debug uses the debug build (a quick look; its rates are not the release's).
set -euo pipefail
cd "$(dirname "$0")/.."
config=${CONFIG:-release}
bin=.build/$config
halls=${1:-8}
tickets=${2:-1000000}
days=${3:-365}

scripts/install-deps.sh sqlite3 postgresql
for product in onewindowd onewindow-city onewindow-history; do
    swift build -c "$config" --product "$product" >/dev/null
done
mkdir -p bench/out
history="bench/out/history-$tickets-$days-$(date +%F).sqlite"
if [ ! -f "$history" ]; then
    $bin/onewindow-history "$history.tmp" "$tickets" "$days" services.json | tail -n 1
    sqlite3 "$history.tmp" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    rm -f "$history.tmp-wal" "$history.tmp-shm"
    mv "$history.tmp" "$history"
fi
events=$(sqlite3 "$history" 'select count(*) from queue_event')
first=$(sqlite3 "$history" 'select min(hall_day) from queue_event')
last=$(sqlite3 "$history" 'select max(hall_day) from queue_event')
size=$(stat -c %s "$history")
# Each hall needs its copy and about as much again in PostgreSQL; keep a tenth of the disk free.
avail=$(($(df --output=avail -B1 /tmp | tail -n 1) * 9 / 10))
fit=$((avail / (size * 2)))
if [ "$fit" -lt "$halls" ]; then
    echo "the disk holds $fit halls, not $halls: running with $fit" >&2
    halls=$fit
fi
echo "history: $events events a hall, $first … $last, $(du -h "$history" | cut -f1); $halls halls"

work=$(mktemp -d /tmp/onewindow-city-bench.XXXXXX)
chmod 755 "$work"
pids=()
runas=()
if [ "$(id -u)" -eq 0 ]; then runas=(runuser -u nobody --); fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir "$work/pg"
[ "$(id -u)" -eq 0 ] && chown nobody "$work/pg"
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    "${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
(cd "$work/pg" && "${runas[@]}" "$pgbin/initdb" -D "$work/pg/data" -U onewindow --auth=trust -E UTF8 >/dev/null)
(cd "$work/pg" && "${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=512MB" start >/dev/null)
"$pgbin/createdb" -h 127.0.0.1 -p "$port" -U onewindow city
export ONEWINDOW_CITY_PG_PORT=$port ONEWINDOW_CITY_PG_USER=onewindow ONEWINDOW_CITY_PG_DATABASE=city
$bin/onewindow-city migrate
reader=$($bin/onewindow-city reader-add bench)

# Starts a server in the background; prints its port once it listens.
start() {
    local log=$1
    shift
    "$@" >"$log" 2>&1 &
    pids+=($!)
    for _ in $(seq 600); do
        local found
        found=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | head -n 1 | sed 's/.*://') || true
        if [ -n "$found" ]; then
            echo "$found"
            return
        fi
        sleep 0.1
    done
    echo "did not start: $log" >&2
    exit 1
}
city1=$(start "$work/city1.log" $bin/onewindow-city serve --port 0)
city2=$(start "$work/city2.log" $bin/onewindow-city serve --port 0)

# Starts halls FROM..TO, hall i sending to city service CITY(i); waits until the city holds all.
ingest() {
    local from=$1 to=$2 label=$3
    shift 3
    local ports=() started
    for i in $(seq "$from" "$to"); do
        cp "$history" "$work/hall-$i.sqlite"
        $bin/onewindow-city hall-add "hall-$i" "大厅 $i" >"$work/hall-$i.token"
        chmod 600 "$work/hall-$i.token"
    done
    started=$(date +%s.%N)
    for i in $(seq "$from" "$to"); do
        local city=$1
        [ $# -gt 1 ] && [ $((i % 2)) -eq 0 ] && city=$2
        ports+=("$(start "$work/hall-$i.log" $bin/onewindowd serve --port 0 --access-log off \
            --closing-time none --database "$work/hall-$i.sqlite" --city-url "http://127.0.0.1:$city" \
            --hall-id "hall-$i" --city-token-file "$work/hall-$i.token")")
    done
    python3 - "$started" "$label" "$(((to - from + 1) * events))" "${ports[@]}" <<'PY'
import json, sys, time, urllib.error, urllib.request
started, label, total, ports = float(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4:]
def behind(port):
    try:
        body = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10).read()
    except urllib.error.HTTPError as error:
        body = error.read()
    return json.loads(body).get("city", {}).get("eventsBehind", 1)
while sum(behind(port) for port in ports) > 0:
    time.sleep(1)
seconds = time.time() - started
print(f"{label}: {total} events in {seconds:.1f} s, {total / seconds:,.0f} events/s")
PY
}
half=$(((halls + 1) / 2))
ingest 1 "$half" "one city service, $half halls" "$city1"
[ "$halls" -gt "$half" ] && ingest $((half + 1)) "$halls" "two city services, $((halls - half)) halls" "$city1" "$city2"

python3 - "$city1" "$reader" "$first" "$last" <<'PY'
import statistics, sys, time, urllib.request
port, token, first, last = sys.argv[1:]
times = []
for _ in range(5):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/city/metrics?from={first}&to={last}",
        headers={"Authorization": f"Bearer {token}"})
    started = time.time()
    with urllib.request.urlopen(request, timeout=120) as answer:
        assert answer.status == 200
        answer.read()
    times.append((time.time() - started) * 1000)
print(f"GET /api/v1/city/metrics {first}…{last}, all halls: median {statistics.median(times):.0f} ms "
      f"({min(times):.0f}–{max(times):.0f}, 5 requests)")
PY
years=$(python3 -c "print(($(date -d "$last" +%s) - $(date -d "$first" +%s)) / 86400 / 365 + 1 / 365)")
psql -h 127.0.0.1 -p "$port" -U onewindow -d city -At -F ' ' -c "
    select 'PostgreSQL: ' || pg_size_pretty(pg_database_size('city')) || ' in all; per hall-year ' ||
        pg_size_pretty((pg_database_size('city') / $halls / $years)::bigint) ||
        ' (events ' || pg_size_pretty((sum(pg_total_relation_size(c.oid)) filter (where c.relname like 'city_event%') / $halls / $years)::bigint) ||
        ', rollups ' || pg_size_pretty((pg_total_relation_size('city_day') / $halls / $years)::bigint) || ')'
    from pg_class c where c.relkind = 'r'"
