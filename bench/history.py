"""A database with a realistic history, for bench/run's start-up figure.

A year of a busy hall: 250 past hall days of 600 tickets each (issued, called and completed,
three queue events per ticket: 150,000 tickets and 450,000 events), and a day in progress
with 300 tickets, 100 of them still waiting, which the daemon loads into memory at start.
The rows are written with SQL into a database whose schema the daemon itself created, using
only the columns every migration so far keeps.
"""

import datetime
import json
import subprocess
import zoneinfo

PAST_DAYS = 250
PER_DAY = 600
TODAY_ISSUED = 300
TODAY_WAITING = 100


def services_by_prefix(catalogue_path):
    """Four service ids with four different queue prefixes, from the catalogue."""
    catalogue = json.load(open(catalogue_path, encoding="utf-8"))
    chosen = {}
    for item in catalogue["services"]:
        chosen.setdefault(item["queuePrefix"], item["id"])
    prefixes = sorted(chosen)[:4]
    return [(prefix, chosen[prefix]) for prefix in prefixes], catalogue["hall"]["timeZone"]


def fill(database, catalogue_path):
    """Adds the history to `database` (already migrated by the daemon) with the sqlite3 CLI."""
    services, time_zone = services_by_prefix(catalogue_path)
    today = datetime.datetime.now(zoneinfo.ZoneInfo(time_zone)).date().isoformat()
    count = len(services)
    prefix_case = "CASE i % {} {} END".format(
        count, " ".join(f"WHEN {n} THEN '{p}'" for n, (p, _) in enumerate(services)))
    service_case = "CASE i % {} {} END".format(
        count, " ".join(f"WHEN {n} THEN '{s}'" for n, (_, s) in enumerate(services)))
    sql = f"""
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {PAST_DAYS * PER_DAY - 1})
INSERT INTO ticket (id, hall_day, prefix, sequence, service_id, priority, status, window, call_count,
                    issued_at, called_at, ended_at, outcome)
SELECT printf('history-%07d', i), date('{today}', printf('-%d days', 1 + i / {PER_DAY})),
       {prefix_case}, (i % {PER_DAY}) / {count} + 1, {service_case}, i % 17 = 0, 'completed',
       CAST(1 + i % 7 AS TEXT), 1,
       strftime('%Y-%m-%d %H:%M:%S.000', date('{today}', printf('-%d days', 1 + i / {PER_DAY})),
                printf('+%d seconds', 3600 + (i % {PER_DAY}) * 45)),
       strftime('%Y-%m-%d %H:%M:%S.000', date('{today}', printf('-%d days', 1 + i / {PER_DAY})),
                printf('+%d seconds', 4500 + (i % {PER_DAY}) * 45)),
       strftime('%Y-%m-%d %H:%M:%S.000', date('{today}', printf('-%d days', 1 + i / {PER_DAY})),
                printf('+%d seconds', 4800 + (i % {PER_DAY}) * 45)),
       'completed'
FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {TODAY_ISSUED - 1})
INSERT INTO ticket (id, hall_day, prefix, sequence, service_id, priority, status, window, call_count,
                    issued_at, called_at, ended_at, outcome)
SELECT printf('today-%07d', i), '{today}', {prefix_case}, i / {count} + 1, {service_case}, i % 17 = 0,
       CASE WHEN i < {TODAY_ISSUED - TODAY_WAITING} THEN 'completed' ELSE 'waiting' END,
       CASE WHEN i < {TODAY_ISSUED - TODAY_WAITING} THEN CAST(1 + i % 7 AS TEXT) END,
       CASE WHEN i < {TODAY_ISSUED - TODAY_WAITING} THEN 1 ELSE 0 END,
       strftime('%Y-%m-%d %H:%M:%S.000', '{today}', printf('+%d seconds', 3600 + i * 45)),
       CASE WHEN i < {TODAY_ISSUED - TODAY_WAITING}
            THEN strftime('%Y-%m-%d %H:%M:%S.000', '{today}', printf('+%d seconds', 4500 + i * 45)) END,
       CASE WHEN i < {TODAY_ISSUED - TODAY_WAITING}
            THEN strftime('%Y-%m-%d %H:%M:%S.000', '{today}', printf('+%d seconds', 4800 + i * 45)) END,
       CASE WHEN i < {TODAY_ISSUED - TODAY_WAITING} THEN 'completed' END
FROM n;
INSERT INTO queue_event (kind, ticket_id, window, actor, at, detail)
SELECT kind, ticket_id, window, actor, at, detail FROM (
    SELECT 'issued' AS kind, id AS ticket_id, NULL AS window, 'kiosk-1' AS actor, issued_at AS at,
           NULL AS detail FROM ticket
    UNION ALL
    SELECT 'called', id, window, 'clerk-' || window, called_at, NULL FROM ticket WHERE called_at IS NOT NULL
    UNION ALL
    SELECT 'completed', id, window, 'clerk-' || window, ended_at, 'completed' FROM ticket WHERE ended_at IS NOT NULL
) ORDER BY at;
COMMIT;
"""
    subprocess.run(["sqlite3", "-bail", database], input=sql, text=True, check=True, stdout=subprocess.DEVNULL)
    rows = subprocess.run(
        ["sqlite3", database, "SELECT (SELECT count(*) FROM ticket) || ' tickets, ' || "
         "(SELECT count(*) FROM queue_event) || ' events'"],
        text=True, check=True, capture_output=True).stdout.strip()
    return rows
