#!/usr/bin/env bash
# Runs axe-core (4.12, bundled by the PyPI package axe-playwright-python) in headless Chromium
# on the home page, a search result, a guide, the board, /disclosure, a ticket's status page (and an
# unknown one) and the manager's page (its sign-in, and signed in) at 390 and 1366 px, and
# checks that no page scrolls sideways at 320 and 390 px, that at 320×640 and 360×740 the first
# search result, a guide's title and a ticket's number are on the first screen, that material names use their cards'
# width there, that guides print on A4, and that the board at 1920×1080 without the autoplay flag
# leaves a call uncovered and its service names at 28 px or more, and marks appointment tickets (约).
# Fails on any violation. Installs what it needs:
# Debian's chromium and chromium-driver, and a Python venv in .build/a11y-venv. Usage: scripts/a11y.sh [ONEWINDOWD_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh chromium chromium-driver python3-venv fonts-noto-cjk

venv=.build/a11y-venv
axe_package="axe-playwright-python==0.1.8"
if ! cmp -s scripts/a11y/requirements.txt "$venv/requirements.txt" 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r scripts/a11y/requirements.txt
    "$venv/bin/pip" install -q --disable-pip-version-check --no-deps "$axe_package"
    cp scripts/a11y/requirements.txt "$venv/requirements.txt"
fi

binary=${1:-.build/debug/onewindowd}
[ -x "$binary" ] || swift build --product onewindowd
work=$(mktemp -d)
# A kiosk token, so that the checks can take a ticket and look at its status page (/t/{id}).
A11Y_KIOSK_TOKEN=$("$binary" token create --role kiosk --name a11y-kiosk --database "$work/onewindow.sqlite")
export A11Y_KIOSK_TOKEN
# An admin token, so that they can sign in to the manager's page (/manage).
A11Y_ADMIN_TOKEN=$("$binary" token create --role admin --name a11y-admin --database "$work/onewindow.sqlite")
export A11Y_ADMIN_TOKEN
# A clerk, to end a visit that is then rated badly: /manage then shows a review with its forms.
clerk=$("$binary" token create --role clerk --name a11y-clerk --window 1 --catalogue services.json \
    --database "$work/onewindow.sqlite")
: >"$work/log"  # before the daemon's own redirection, which may come after the first read below
# The shipped catalogue with appointments for A (婚姻登记), so that /book has slots to walk.
python3 - "$work/services.json" <<'PY'
import json, sys
catalogue = json.load(open("services.json"))
catalogue["hall"]["appointments"] = {"sessions": [{"from": "00:00", "to": "23:30"}], "slotMinutes": 30,
                                     "capacity": {"A": 2}, "daysAhead": 14}
# 今日排队 is offered on working days only: today is one, whatever day the check runs.
from datetime import datetime
from zoneinfo import ZoneInfo
today = datetime.now(ZoneInfo(catalogue["hall"]["timeZone"])).strftime("%Y-%m-%d")
catalogue["hall"]["workdays"] = catalogue["hall"].get("workdays", []) + [today]
json.dump(catalogue, open(sys.argv[1], "w"), ensure_ascii=False)
PY
export A11Y_DATABASE="$work/onewindow.sqlite"
# No closing time: 今日排队 is offered only before it, and the check may run at any hour.
"$binary" serve --port 0 --catalogue "$work/services.json" --database "$work/onewindow.sqlite" \
    --closing-time none 2>"$work/log" &
daemon=$!
trap 'kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/log")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/log" >&2; echo "onewindowd did not start" >&2; exit 1; }
post() { curl -sf -X POST -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3" "http://127.0.0.1:$port$2"; }
issued=$(post "$A11Y_KIOSK_TOKEN" /api/v1/tickets '{"serviceId":"MZ-HY-001"}')
field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
ticket=$(field id <<<"$issued")
code=$(field evaluationCode <<<"$issued")
post "$clerk" /api/v1/windows/1/call-next '' >/dev/null
post "$clerk" "/api/v1/tickets/$ticket/complete" '{"window":"1","outcome":"completed"}' >/dev/null
# Rated at the kiosk as an applicant would: the receipt's code, and why after a 1.
post "$A11Y_KIOSK_TOKEN" "/api/v1/tickets/$ticket/evaluation" \
    "{\"rating\":1,\"code\":\"$code\",\"reasons\":[\"efficiency\"],\"comment\":\"等候太久\"}" >/dev/null
"$venv/bin/python" scripts/a11y/check_pages.py "http://127.0.0.1:$port"
"$venv/bin/python" scripts/a11y/check_board.py "http://127.0.0.1:$port"
scripts/a11y/board_marks.sh "$binary" "$venv/bin/python"
