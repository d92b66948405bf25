#!/usr/bin/env bash
# City bench (run by hand). 200 halls × a year (about 900 million events) cannot be generated
# and sent on one machine in an evening (one hall-year took 20 minutes to generate and send), so
# the bench measures each figure where it can be measured honestly:
#   1. one history at a real hall's daily rate (TICKETS_PER_DAY, default 2,740: a million tickets
#      a year) over DAYS days (default 45), from the history generator;
#   2. REAL halls (default 4), each a copy of it, sent by their own onewindowd senders through
#      the real ingest route: the first half to one city service, the rest to two (alternating),
#      which gives the ingest rate per city service and with two;
#   3. PostgreSQL's disk per hall-year from those real halls (their events and rollups, scaled
#      from DAYS to 365);
#   4. the rollups of the first real hall copied with SQL to SIM halls (default 200) × 365 days:
#      its biggest whole month for each month of the year, its days in turn for the days of the
#      year's first and last (partial) months, its bad reviews for every day; then
#      GET /api/v1/city/metrics for the last 365 days across all halls, ROUNDS times (default
#      7): median and spread. The query reads only those rollups (not the events, not the days
#      inside whole months, which are not copied: they would only add disk), so copies of real
#      rollups of the real size measure it as 200 real halls would.
# Each figure is printed with the load average of the moment (others' builds share the 2 cores).
#
# Usage: bench/city.sh [REAL] [TICKETS_PER_DAY] [DAYS] [SIM] [ROUNDS]   (4 2740 45 200 7)
# CONFIG=debug uses the debug build (a quick look; its rates are not the release's).
set -euo pipefail
cd "$(dirname "$0")/.."
config=${CONFIG:-release}
bin=.build/$config
halls=${1:-4}
perday=${2:-2740}
days=${3:-45}
sims=${4:-200}  # or several, ascending: "20 50 200" copies and measures at each
rounds=${5:-7}
tickets=$((perday * days))
load() { cut -d ' ' -f 1-3 /proc/loadavg; }

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
echo "history: $events events a hall ($tickets tickets), $first … $last, $(du -h "$history" | cut -f1); $halls halls"

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
    # `start` runs in a command substitution (a subshell): its pids come back through a file.
    for pid in "${pids[@]}" $(cat "$work/pids" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
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
    echo $! >>"$work/pids"
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
load = open("/proc/loadavg").read().split()[:3]
print(f"{label}: {total} events in {seconds:.1f} s, {total / seconds:,.0f} events/s (load {' '.join(load)})")
PY
}
half=$(((halls + 1) / 2))
ingest 1 "$half" "one city service, $half halls" "$city1"
[ "$halls" -gt "$half" ] && ingest $((half + 1)) "$halls" "two city services, $((halls - half)) halls" "$city1" "$city2"

sql() { psql -h 127.0.0.1 -p "$port" -U onewindow -d city -v ON_ERROR_STOP=1 -At -F ' ' "$@"; }
years=$(python3 -c "print(($(date -d "$last" +%s) - $(date -d "$first" +%s) + 86400) / 86400 / 365)")
sql -c "VACUUM ANALYZE" >/dev/null
sql -c "
    select 'PostgreSQL, $halls real halls: ' || pg_size_pretty(pg_database_size('city')) || '; per hall-year ' ||
        pg_size_pretty((pg_database_size('city') / $halls / $years)::bigint) ||
        ' (events ' || pg_size_pretty((sum(pg_total_relation_size(c.oid)) filter (where c.relname like 'city_event%') / $halls / $years)::bigint) ||
        ', day rollups ' || pg_size_pretty((pg_total_relation_size('city_day') / $halls / $years)::bigint) ||
        ', month rollups ' || pg_size_pretty((pg_total_relation_size('city_month') / $halls / $years)::bigint) || ')'
    from pg_class c where c.relkind = 'r'"

# The year: the 365 days up to the history's last day, filled from the first real hall.
yearFirst=$(date -d "$last - 364 days" +%F)
month=$(sql -c "select month from city_month where hall_id = 'hall-1' and month > left('$first', 7)
    and month < left('$last', 7) group by month order by sum(length(stats)) desc limit 1")
months=$(python3 -c "
import datetime
d = datetime.date.fromisoformat('$yearFirst'); end = datetime.date.fromisoformat('$last'); out = []
while d <= end:
    m = d.strftime('%Y-%m')
    out.append(m) if m not in out else None
    d += datetime.timedelta(days=1)
print(','.join(out))")
low=1
for sim in $sims; do
started=$(date +%s)
sql <<SQL >/dev/null
INSERT INTO city_hall (hall_id, name, token_sha256)
    SELECT format('sim-%s', h), format('复制 %s', h), md5(format('sim-%s', h)) FROM generate_series($low, $sim) h;
INSERT INTO city_day (hall_id, hall_day, service_id, stats, cases_opened, cases_ended, has_cohort_changes)
    SELECT format('sim-%s', h), to_char(DATE '$yearFirst' + d, 'YYYY-MM-DD'), s.service_id, s.stats,
        s.cases_opened, s.cases_ended, s.has_cohort_changes
    FROM generate_series($low, $sim) h, generate_series(0, 364) d
    JOIN city_day s ON s.hall_id = 'hall-1' AND s.hall_day = to_char(DATE '$first' + d % $days, 'YYYY-MM-DD')
    WHERE left(to_char(DATE '$yearFirst' + d, 'YYYY-MM-DD'), 7) IN (left('$yearFirst', 7), left('$last', 7));
INSERT INTO city_month (hall_id, month, service_id, stats, cases_opened, cases_ended, has_cohort_changes)
    SELECT format('sim-%s', h), m, s.service_id, s.stats, s.cases_opened, s.cases_ended, s.has_cohort_changes
    FROM generate_series($low, $sim) h, unnest(string_to_array('$months', ',')) m
    JOIN city_month s ON s.hall_id = 'hall-1' AND s.month = '$month';
INSERT INTO city_bad_review (hall_id, evaluation_id, service_id, hall_day, due, rectified, rectified_on)
    SELECT format('sim-%s', h), s.evaluation_id || '-' || d, s.service_id,
        to_char(DATE '$yearFirst' + d, 'YYYY-MM-DD'), s.due, s.rectified, s.rectified_on
    FROM generate_series($low, $sim) h, generate_series(0, 364) d
    JOIN city_bad_review s ON s.hall_id = 'hall-1' AND s.hall_day = to_char(DATE '$first' + d % $days, 'YYYY-MM-DD');
VACUUM ANALYZE;
SQL
sql -c "select 'copied: halls $low…$sim × 365 days in $(( $(date +%s) - started )) s: ' ||
    (select count(*) from city_day) || ' day rows, ' || (select count(*) from city_month) || ' month rows (' ||
    pg_size_pretty((select sum(length(stats)) from city_month where hall_id = 'sim-1')) || ' a hall-year of months), ' ||
    pg_size_pretty(pg_database_size('city')) || ' in all'"

python3 - "$city1" "$reader" "$yearFirst" "$last" "$rounds" <<'PY'
import json, statistics, sys, time, urllib.error, urllib.request
port, token, first, last, rounds = sys.argv[1:]
def once():
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/city/metrics?from={first}&to={last}",
        headers={"Authorization": f"Bearer {token}"})
    started = time.time()
    try:
        with urllib.request.urlopen(request, timeout=300) as answer:
            body = answer.read()
    except urllib.error.HTTPError as error:  # the service answers 503 after 5 s of waiting
        print(f"  {error.code} after {(time.time() - started) * 1000:.0f} ms: {error.read()[:200]!r}")
        return (time.time() - started) * 1000, None
    return (time.time() - started) * 1000, body
_, body = once()  # the first request warms PostgreSQL's cache and the service
if body is None:
    sys.exit(0)
report = json.loads(body)
times, loads = [], []
failed = 0
for _ in range(int(rounds)):
    elapsed, answered = once()
    loads.append(open("/proc/loadavg").read().split()[0])
    if answered is None:
        failed += 1
    else:
        times.append(elapsed)
if times:
    print(f"GET /api/v1/city/metrics {first}…{last}, {len(report['halls'])} halls, "
          f"{report['city']['ticketsIssued']:,} tickets, {len(body) / 1e6:.1f} MB: median {statistics.median(times):.0f} ms "
          f"({min(times):.0f}–{max(times):.0f}, {len(times)} answered, {failed} not; load {min(loads)}–{max(loads)})")
PY
low=$((sim + 1))
done
