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
#   4. the running totals (migration 0003) of a template hall, sim-0: a real year of a busy
#      hall's days (YEAR_HISTORY) twice, over two years, its totals built as the migration builds them (timed); copied
#      with SQL to SIM halls (default 200), the rows around the year's two ends (the query reads
#      the latest row at or before each end), with its cohort totals and the first real hall's
#      bad reviews for every day (and their running totals, migration 0005); then GET /api/v1/city/metrics for the last 365 days across all
#      halls, ROUNDS times (default 7): median and spread. The query reads only those rows, so
#      copies of real rows of the real size measure it as 200 real halls would.
# Each figure is printed with the load average of the moment (others' builds share the 2 cores).
#
# Usage: bench/city.sh [REAL] [TICKETS_PER_DAY] [DAYS] [SIM] [ROUNDS]   (4 2740 45 200 7)
# YEAR_HISTORY=FILE names the one-year history whose days make the template (step 4);
# PERF=1 records the city service with perf during the queries (bench/out/city-perf-SIM.*).
# KEEP=DIR keeps the cluster and its data in DIR; the same KEEP again only runs the query rounds
# (after migrating: new city migrations meet the kept data), in about 30 s instead of minutes.
# Each query's phases in the city service (read, report, encode) come from its Server-Timing.
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

# KEEP=DIR: the cluster and data live in DIR and stay there after the run; a later run with the
# same KEEP (once one has finished its copies) only starts them, applies new migrations and runs
# the query rounds again (building 200 halls takes long; DIR's state says what it holds).
if [ -n "${KEEP:-}" ]; then
    work=$(realpath -m "$KEEP")
    mkdir -p "$work"
else
    work=$(mktemp -d /tmp/onewindow-city-bench.XXXXXX)
fi
chmod 755 "$work"
pids=()
runas=()
if [ "$(id -u)" -eq 0 ]; then runas=(runuser -u nobody --); fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown nobody "$work/pg"
cleanup() {
    # `start` runs in a command substitution (a subshell): its pids come back through a file.
    for pid in "${pids[@]}" $(cat "$work/pids" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    "${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
    rm -f "$work/pids"
    [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
pgstart() {
    (cd "$work/pg" && "${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
        -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=512MB" start >/dev/null)
}
export ONEWINDOW_CITY_PG_PORT=$port ONEWINDOW_CITY_PG_USER=onewindow ONEWINDOW_CITY_PG_DATABASE=city
if [ -f "$work/state" ]; then
    # shellcheck disable=SC1091
    . "$work/state"
    echo "KEEP=$work: again on its $sims SIM halls (year $yearFirst … $last)"
    pgstart
    $bin/onewindow-city migrate
fi
if [ ! -f "$work/state" ]; then
    rm -rf "$work/pg/data"
    (cd "$work/pg" && "${runas[@]}" "$pgbin/initdb" -D "$work/pg/data" -U onewindow --auth=trust -E UTF8 >/dev/null)
    pgstart
    "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U onewindow city
    $bin/onewindow-city migrate
    reader=$($bin/onewindow-city reader-add bench)
fi

# Starts a server in the background; prints its port once it listens.
start() {
    local log=$1
    shift
    # (A kept run's old log would name the old port before the new server truncates it.)
    rm -f "$log"
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
# Measures GET /api/v1/city/metrics for the year across all halls (SIM halls copied), ROUNDS times.
measure() {
local sim=$1
# PERF=1: perf records the first city service (which answers the queries) during them.
if [ -n "${PERF:-}" ]; then
    perf record -F 499 -g -p "$(head -n 1 "$work/pids")" -o "bench/out/city-perf-$sim.data" >/dev/null 2>&1 &
    perfpid=$!
fi
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
            timing = answer.headers.get("Server-Timing") or ""
    except urllib.error.HTTPError as error:  # the service answers 503 after 5 s of waiting
        print(f"  {error.code} after {(time.time() - started) * 1000:.0f} ms: {error.read()[:200]!r}")
        return (time.time() - started) * 1000, None
    # The service's phases (read, report, encode): name;dur=milliseconds, comma-separated.
    for phase in filter(None, (part.strip() for part in timing.split(","))):
        name, _, duration = phase.partition(";dur=")
        phases.setdefault(name, []).append(float(duration or 0))
    return (time.time() - started) * 1000, body
phases = {}
# The first requests warm PostgreSQL's cache and the service: cold, one may pass the bound.
for _ in range(3):
    _, body = once()
    if body is not None:
        break
if body is None:
    sys.exit(0)
phases.clear()
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
    print("  phases in the service (Server-Timing), median (min–max): " + ", ".join(
        f"{name} {statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"
        for name, values in phases.items()))
PY
if [ -n "${PERF:-}" ]; then
    kill -INT "$perfpid"
    wait "$perfpid" || true
    perf report -i "bench/out/city-perf-$sim.data" --no-children --percent-limit 1 --stdio 2>/dev/null |
        grep -E '^ +[0-9.]+%' >"bench/out/city-perf-$sim.txt" || true
    echo "perf of the city service at $sim SIM halls: bench/out/city-perf-$sim.txt"
fi
}
city1=$(start "$work/city1.log" $bin/onewindow-city serve --port 0)
if [ -f "$work/state" ]; then
    measure "$sims"
    exit 0
fi
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
        ', running totals ' || pg_size_pretty(((pg_total_relation_size('city_prefix') + pg_total_relation_size('city_cohort_prefix')) / $halls / $years)::bigint) ||
        ' over $days days: they grow with a hall''s history, see the template below)'
    from pg_class c where c.relkind = 'r'"

# The template hall sim-0: two years of days up to the history's last day, their running
# totals built as migration 0003 builds them (all halls' again, timed). The year queried is the
# second: its total before `from` holds a year too. The days are a real year's
# (YEAR_HISTORY: a one-year history from bench/history.sh, e.g. 1,000,000 tickets; its
# `metrics_day` rows are the hall's own rollups, in city_day's form), twice; without one, the
# first real hall's days in turn (a year of the same 45 days has fewer distinct waits).
yearFirst=$(date -d "$last - 364 days" +%F)
templateFirst=$(date -d "$last - 729 days" +%F)
# (`|| true`: with no such file, `ls` fails, and under `set -euo pipefail` it ended the bench.)
yearHistory=${YEAR_HISTORY:-$(ls bench/out/history-1000000-365-*.sqlite 2>/dev/null | tail -n 1 || true)}
sql -c "INSERT INTO city_hall (hall_id, name, token_sha256) VALUES ('sim-0', '复制 0', md5('sim-0'))" >/dev/null
if [ -n "$yearHistory" ] && [ -f "$yearHistory" ]; then
    # Read without writing to it (immutable: not even its -shm).
    sqlite3 -csv "file:$yearHistory?immutable=1" "select hall_day, service_id, hex(stats) from metrics_day" |
        sql -c "CREATE TABLE bench_year (hall_day date, service_id text, stats text)" \
            -c "\\copy bench_year FROM pstdin WITH (FORMAT csv)" >/dev/null
    sql <<SQL >/dev/null
INSERT INTO city_day (hall_id, hall_day, service_id, stats, cases_opened, cases_ended, has_cohort_changes)
    SELECT 'sim-0', to_char(y.hall_day + (DATE '$last' - m.last) - 365 * n, 'YYYY-MM-DD'), y.service_id,
        decode(y.stats, 'hex'), 0, 0, false
    FROM bench_year y, (SELECT max(hall_day) AS last FROM bench_year) m, generate_series(0, 1) n
    WHERE y.hall_day + (DATE '$last' - m.last) - 365 * n >= DATE '$templateFirst';
DROP TABLE bench_year;
SQL
    echo "template sim-0: the days of $yearHistory, twice, up to $last"
else
    sql <<SQL >/dev/null
INSERT INTO city_day (hall_id, hall_day, service_id, stats, cases_opened, cases_ended, has_cohort_changes)
    SELECT 'sim-0', to_char(DATE '$templateFirst' + d, 'YYYY-MM-DD'), s.service_id, s.stats,
        s.cases_opened, s.cases_ended, s.has_cohort_changes
    FROM generate_series(0, 729) d
    JOIN city_day s ON s.hall_id = 'hall-1' AND s.hall_day = to_char(DATE '$first' + d % $days, 'YYYY-MM-DD');
SQL
    echo "template sim-0: hall-1's $days days in turn over two years up to $last (no YEAR_HISTORY)"
fi
started=$(date +%s.%N)
$bin/onewindow-city rebuild-prefixes 2>/dev/null
python3 -c "
import sys; s = $(date +%s.%N) - $started
print(f'running totals built (migration 0003\'s backfill): $halls real halls × $days days and sim-0 × 730 days in {s:.1f} s: ' +
      f'{s / (730 + $halls * $days) * 365:.1f} s a hall-year (load $(load))')"
sql -c "VACUUM ANALYZE" >/dev/null
sql -c "select 'running totals of a steady hall (sim-0''s second year): ' ||
    pg_size_pretty((select sum(length(stats)) from city_prefix where hall_id = 'sim-0' and hall_day >= '$yearFirst')) ||
    ' a hall-year (' || (select count(*) from city_prefix where hall_id = 'sim-0' and hall_day >= '$yearFirst') || ' rows); ' ||
    'one hall''s year query reads ' || pg_size_pretty((select sum(length(stats)) from city_prefix p
        where hall_id = 'sim-0' and hall_day in ((select max(hall_day) from city_prefix q where q.hall_id = 'sim-0'
            and q.service_id = p.service_id and q.hall_day < '$yearFirst'), (select max(hall_day) from city_prefix q
            where q.hall_id = 'sim-0' and q.service_id = p.service_id and q.hall_day <= '$last')))) ||
    ' of them (' || (select count(*) from city_hall_service where hall_id = 'sim-0') || ' services)'"

# The SIM halls: sim-0's running totals copied, only those of the week before the year and of
# its last week (the query reads the latest row at or before each end: the other rows would
# only add disk), its cohort totals and the first real hall's bad reviews for every day.
low=1
for sim in $sims; do
started=$(date +%s)
sql <<SQL >/dev/null
INSERT INTO city_hall (hall_id, name, token_sha256)
    SELECT format('sim-%s', h), format('复制 %s', h), md5(format('sim-%s', h)) FROM generate_series($low, $sim) h;
INSERT INTO city_hall_service (hall_id, service_id)
    SELECT format('sim-%s', h), s.service_id FROM generate_series($low, $sim) h
    JOIN city_hall_service s ON s.hall_id = 'sim-0';
INSERT INTO city_prefix (hall_id, service_id, hall_day, stats, cases_open)
    SELECT format('sim-%s', h), p.service_id, p.hall_day, p.stats, p.cases_open
    FROM generate_series($low, $sim) h
    JOIN city_prefix p ON p.hall_id = 'sim-0'
        AND ((p.hall_day >= to_char(DATE '$yearFirst' - 7, 'YYYY-MM-DD') AND p.hall_day < '$yearFirst')
            OR p.hall_day >= to_char(DATE '$last' - 6, 'YYYY-MM-DD'));
INSERT INTO city_cohort_prefix (hall_id, service_id, cohort_day, changes)
    SELECT format('sim-%s', h), c.service_id, c.cohort_day, c.changes
    FROM generate_series($low, $sim) h JOIN city_cohort_prefix c ON c.hall_id = 'sim-0';
-- The copies keep each review's deadline and rectification as many days after it as the
-- original's. The trigger keeping their running totals (migration 0005) is off meanwhile: one
-- row at a time, it would take minutes for millions of copies; they are built after, at once.
ALTER TABLE city_bad_review DISABLE TRIGGER city_bad_review_counted;
INSERT INTO city_bad_review (hall_id, evaluation_id, service_id, hall_day, due, rectified, rectified_on)
    SELECT format('sim-%s', h), s.evaluation_id || '-' || d, s.service_id,
        to_char(DATE '$yearFirst' + d, 'YYYY-MM-DD'),
        to_char(s.due::date + (DATE '$yearFirst' + d - s.hall_day::date), 'YYYY-MM-DD'), s.rectified,
        to_char(s.rectified_on::date + (DATE '$yearFirst' + d - s.hall_day::date), 'YYYY-MM-DD')
    FROM generate_series($low, $sim) h, generate_series(0, 364) d
    JOIN city_bad_review s ON s.hall_id = 'hall-1' AND s.hall_day = to_char(DATE '$first' + d % $days, 'YYYY-MM-DD');
ALTER TABLE city_bad_review ENABLE TRIGGER city_bad_review_counted;
SQL
# The bad reviews' running totals of all halls, built as migration 0005's backfill builds them.
$bin/onewindow-city rebuild-bad-review-totals 2>/dev/null
sql -c "VACUUM ANALYZE" >/dev/null
sql -c "select 'copied: halls $low…$sim in $(( $(date +%s) - started )) s: ' ||
    (select count(*) from city_prefix) || ' running-total rows, ' ||
    (select count(*) from city_bad_review) || ' bad reviews, ' || pg_size_pretty(pg_database_size('city')) || ' in all'"
measure "$sim"
low=$((sim + 1))
done
if [ -n "${KEEP:-}" ]; then
    printf 'reader=%q\nyearFirst=%q\nlast=%q\nsims=%q\n' "$reader" "$yearFirst" "$last" "$sim" >"$work/state"
    echo "kept in $work: KEEP=$work bench/city.sh runs the query rounds again"
fi
