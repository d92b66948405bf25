#!/usr/bin/env bash
# The board's 约 (appointment tickets), checked in Chromium by check_board_marks.py: a daemon
# whose catalogue is services.json with appointments for letter A, and a booking of MZ-HY-001
# whose slot starts in 10 to 15 minutes (inside its check-in window), written before it starts.
# Usage: scripts/a11y/board_marks.sh ONEWINDOWD_BINARY PYTHON (a11y.sh runs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=$1
python=$2
work=$(mktemp -d)
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
catalogue = json.load(open("services.json"))
catalogue["hall"]["appointments"] = {"sessions": [{"from": "00:00", "to": "23:55"}], "slotMinutes": 5, "capacity": {"A": 2}}
json.dump(catalogue, open(work + "/services.json", "w"), ensure_ascii=False)
PY
A11Y_KIOSK_TOKEN=$("$binary" token create --role kiosk --name a11y-kiosk --database "$work/onewindow.sqlite")
A11Y_ADMIN_TOKEN=$("$binary" token create --role admin --name a11y-admin --database "$work/onewindow.sqlite")
export A11Y_KIOSK_TOKEN A11Y_ADMIN_TOKEN A11Y_BOOKING_CODE=MARKS01 A11Y_SERVICE=MZ-HY-001
python3 - "$work/onewindow.sqlite" <<'PY'
import datetime, sqlite3, sys, zoneinfo
now = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai"))
start = min((now.hour * 60 + now.minute + 10) // 5 * 5, 23 * 60 + 50)
with sqlite3.connect(sys.argv[1]) as db:
    db.execute("INSERT INTO booking (code, service_id, day, start_minutes, letter, phone_key, status, booked_at) "
               "VALUES ('MARKS01', 'MZ-HY-001', ?, ?, 'A', 'a11y', 'booked', '2026-01-01 00:00:00.000')",
               (now.strftime("%Y-%m-%d"), start))
PY
: >"$work/log"
"$binary" serve --port 0 --closing-time none --catalogue "$work/services.json" --database "$work/onewindow.sqlite" \
    2>"$work/log" &
daemon=$!
trap 'kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/log")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/log" >&2; echo "onewindowd did not start" >&2; exit 1; }
"$python" scripts/a11y/check_board_marks.py "http://127.0.0.1:$port"
