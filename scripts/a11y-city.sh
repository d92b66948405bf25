#!/usr/bin/env bash
# Checks the city's pages in headless Chromium: /disclosure, /city's sign-in form and /city signed
# in, with axe-core at 1280 px (desktop) and 360×740 (a phone), and no sideways scroll at 320 and
# 360 px. Starts what they need, as in production: a PostgreSQL cluster in a temporary folder
# (initdb and pg_ctl; as `nobody` when run as root), `onewindow-city` on it, and a hall
# (`onewindowd`) that sends its events there after a few tickets, visits (one with a missing
# material) and a bad rating. Fails on any violation. With A11Y_SHOTS=DIR it leaves screenshots
# there. Usage: scripts/a11y-city.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh postgresql chromium chromium-driver python3-venv fonts-noto-cjk

venv=.build/a11y-venv
axe_package="axe-playwright-python==0.1.8"
if ! cmp -s scripts/a11y/requirements.txt "$venv/requirements.txt" 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r scripts/a11y/requirements.txt
    "$venv/bin/pip" install -q --disable-pip-version-check --no-deps "$axe_package"
    cp scripts/a11y/requirements.txt "$venv/requirements.txt"
fi

build=${1:-.build/debug}
[ -x "$build/onewindowd" ] && [ -x "$build/onewindow-city" ] || swift build --product onewindow-city
[ -x "$build/onewindowd" ] || swift build --product onewindowd
work=$(mktemp -d)
pgdir=$(mktemp -d)
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg=()
if [ "$(id -u)" = 0 ]; then
    chown nobody "$pgdir"
    as_pg=(runuser -u nobody --)
fi
pgport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work" "$pgdir"
}
trap cleanup EXIT
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U onewindow --auth=trust -E UTF8 --no-sync >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null
"${as_pg[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U onewindow onewindow_city
export ONEWINDOW_CITY_PG_PORT=$pgport ONEWINDOW_CITY_PG_USER=onewindow ONEWINDOW_CITY_PG_DATABASE=onewindow_city
"$build/onewindow-city" migrate >/dev/null
"$build/onewindow-city" hall-add xigang 西岗区政务服务中心 >"$work/xigang.token"
"$build/onewindow-city" hall-add zhongshan 中山区政务服务中心 >/dev/null
chmod 600 "$work/xigang.token"
A11Y_CITY_TOKEN=$("$build/onewindow-city" reader-add a11y-reader)
export A11Y_CITY_TOKEN

# Waits for "listening on http://127.0.0.1:PORT" in log $1; prints PORT.
listening() {
    for _ in $(seq 1 100); do
        port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1" | head -1)
        [ -n "$port" ] && { echo "$port"; return; }
        sleep 0.1
    done
    cat "$1" >&2
    return 1
}
hallport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$build/onewindow-city" serve --port 0 --catalogue services.json --guide-base "http://127.0.0.1:$hallport" \
    2>"$work/city.log" &
pids+=($!)
cityport=$(listening "$work/city.log")
kiosk=$("$build/onewindowd" token create --role kiosk --name a11y-kiosk --database "$work/hall.sqlite")
clerk=$("$build/onewindowd" token create --role clerk --name a11y-clerk --window 1 --catalogue services.json \
    --database "$work/hall.sqlite")
: >"$work/hall.log"
"$build/onewindowd" serve --port "$hallport" --catalogue services.json --database "$work/hall.sqlite" \
    --city-url "http://127.0.0.1:$cityport" --hall-id xigang --city-token-file "$work/xigang.token" \
    2>"$work/hall.log" &
pids+=($!)
listening "$work/hall.log" >/dev/null
post() { curl -sf -X POST -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3" "http://127.0.0.1:$hallport$2"; }
field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
material=m1  # services.json's first material of MZ-HY-001 (婚姻登记)
for ending in "\"outcome\":\"needs_more\",\"missingMaterials\":[\"$material\"]" '"outcome":"completed"'; do
    issued=$(post "$kiosk" /api/v1/tickets '{"serviceId":"MZ-HY-001"}')
    ticket=$(field id <<<"$issued")
    post "$clerk" /api/v1/windows/1/call-next '' >/dev/null
    post "$clerk" "/api/v1/tickets/$ticket/complete" "{\"window\":\"1\",$ending}" >/dev/null
done
post "$kiosk" "/api/v1/tickets/$ticket/evaluation" \
    "{\"rating\":1,\"code\":\"$(field evaluationCode <<<"$issued")\",\"reasons\":[\"efficiency\"]}" >/dev/null
post "$kiosk" /api/v1/tickets '{"serviceId":"MZ-HY-001"}' >/dev/null
# The hall sends on its own; wait (10 s at most) until the city holds the four tickets.
today=$(TZ=Asia/Shanghai date +%F)
for _ in $(seq 1 100); do
    issued=$(curl -sf -H "Authorization: Bearer $A11Y_CITY_TOKEN" \
        "http://127.0.0.1:$cityport/api/v1/city/metrics?from=$today&to=$today" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["city"]["ticketsIssued"])')
    [ "${issued:-0}" -ge 3 ] && break
    sleep 0.1
done
[ "$issued" -ge 3 ] || { cat "$work/hall.log" "$work/city.log" >&2; echo "the city did not get the hall's events" >&2; exit 1; }
"$venv/bin/python" scripts/a11y/check_city.py "http://127.0.0.1:$cityport"
