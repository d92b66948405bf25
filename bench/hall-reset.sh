#!/usr/bin/env bash
# How long `onewindow-city hall-reset HALL --yes` takes for a hall holding EVENTS events (default
# 5,000,000: a year of a busy hall) beside OTHERS other halls of the same size, on a PostgreSQL
# cluster of its own in a temporary folder. Run by hand:
#   bench/hall-reset.sh [EVENTS] [ROUNDS] [OTHERS]
# Each round fills the hall again (the events spread over 12 month partitions, with a day
# rollup, running totals and a bad review per day) and times the reset; prints each round's
# seconds, then the median.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-5000000}
rounds=${2:-3}
others=${3:-1}
swift build -c release --product onewindow-city >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d /tmp/onewindow-reset-bench.XXXXXX)
chmod 755 "$work"
runas=()
if [ "$(id -u)" -eq 0 ]; then runas=(runuser -u nobody --); fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown nobody "$work/pg"
cleanup() {
    "${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
(cd "$work/pg" && "${runas[@]}" "$pgbin/initdb" -D "$work/pg/data" -U onewindow --auth=trust -E UTF8 >/dev/null)
(cd "$work/pg" && "${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=512MB" start >/dev/null)
export ONEWINDOW_CITY_PG_PORT=$port ONEWINDOW_CITY_PG_USER=onewindow ONEWINDOW_CITY_PG_DATABASE=city
"$pgbin/createdb" -h 127.0.0.1 -p "$port" -U onewindow city
"$bin/onewindow-city" migrate >/dev/null 2>&1
psql() { "$pgbin/psql" -h 127.0.0.1 -p "$port" -U onewindow -d city -q -v ON_ERROR_STOP=1 "$@"; }
# The 12 month partitions, as the city makes them (CityStore+Months).
for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
    psql -c "CREATE TABLE city_event_2026_$month PARTITION OF city_event FOR VALUES IN ('2026-$month')"
done
fill() {
    local hall=$1
    psql <<SQL
INSERT INTO city_event (hall_id, event_seq, month, kind, ticket_id, service_id, case_id, hall_day, at, detail)
SELECT '$hall', n, to_char(d, 'YYYY-MM'), 'issued', 'T' || n, 'S-' || (n % 50), NULL, to_char(d, 'YYYY-MM-DD'),
    815000000 + n, NULL
FROM generate_series(1, $events) AS n, LATERAL (SELECT date '2026-01-01' + ((n - 1) * 365 / $events)::int AS d) AS day;
INSERT INTO city_day (hall_id, hall_day, service_id, stats, cases_opened, cases_ended, has_cohort_changes)
SELECT '$hall', to_char(date '2026-01-01' + i, 'YYYY-MM-DD'), 'S-' || s, '\\x00'::bytea, 0, 0, false
FROM generate_series(0, 364) AS i, generate_series(0, 49) AS s
ON CONFLICT DO NOTHING;
INSERT INTO city_prefix (hall_id, service_id, hall_day, stats, cases_open)
SELECT '$hall', 'S-' || s, to_char(date '2026-01-01' + i, 'YYYY-MM-DD'), '\\x00'::bytea, 0
FROM generate_series(0, 364) AS i, generate_series(0, 49) AS s
ON CONFLICT DO NOTHING;
INSERT INTO city_hall_service (hall_id, service_id) SELECT '$hall', 'S-' || s FROM generate_series(0, 49) AS s
ON CONFLICT DO NOTHING;
INSERT INTO city_bad_review (hall_id, evaluation_id, service_id, hall_day, due, rectified, rectified_on)
SELECT '$hall', 'E' || i, 'S-' || (i % 50), to_char(date '2026-01-01' + i, 'YYYY-MM-DD'), NULL, false, NULL
FROM generate_series(0, 364) AS i ON CONFLICT DO NOTHING;
UPDATE city_hall SET held_seq = $events WHERE hall_id = '$hall';
SQL
}
"$bin/onewindow-city" hall-add target 目标 >/dev/null 2>&1
for i in $(seq "$others"); do
    "$bin/onewindow-city" hall-add "other-$i" 其他 >/dev/null 2>&1
    fill "other-$i"
done
times=()
for round in $(seq "$rounds"); do
    fill target
    psql -c "VACUUM ANALYZE"
    start=$(date +%s.%N)
    "$bin/onewindow-city" hall-reset target --yes
    end=$(date +%s.%N)
    seconds=$(python3 -c "print(round($end - $start, 2))")
    echo "round $round: $seconds s for $events events"
    times+=("$seconds")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median " a[int((NR+1)/2)] " s (" a[1] "–" a[NR] ")"}'
left=$(psql -At -c "SELECT count(*) FROM city_event WHERE hall_id = 'target'")
kept=$(psql -At -c "SELECT count(*) FROM city_event WHERE hall_id <> 'target'")
echo "left of the reset hall: $left events; the other halls kept: $kept"
