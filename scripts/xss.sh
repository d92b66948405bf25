#!/usr/bin/env bash
# Puts script payloads (<script>, "><img onerror>, </style>, javascript: URLs, '><svg onload>)
# into every free text a device or the catalogue can give the daemon: the catalogue's texts (a
# test copy of services.json), the kiosk's, clerk's and admin's token names (the terminal on
# /manage, the signed-in device), a case note, a case's cancel reason, evaluation comments (by
# kiosk and by the phone form) and every review follow-up step (API and /manage form). Then
# loads every page that shows them in headless Chromium and fails if any payload ran or became
# an element (scripts/xss/check_pages.py). Usage: scripts/xss.sh [ONEWINDOWD_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh chromium chromium-driver python3-venv

venv=.build/a11y-venv  # the same browser driver as scripts/a11y.sh
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
python3 scripts/xss/catalogue.py services.json "$work/services.json"
"$binary" check "$work/services.json" >/dev/null
short() { python3 -c "import sys; sys.path.insert(0, 'scripts/xss'); from payloads import SHORT; print(SHORT[$1])"; }
db="$work/onewindow.sqlite"
XSS_KIOSK_TOKEN=$("$binary" token create --role kiosk --name "$(short 0)" --database "$db")
XSS_ADMIN_TOKEN=$("$binary" token create --role admin --name "$(short 1)" --database "$db")
XSS_CLERK_TOKEN=$("$binary" token create --role clerk --name "$(short 4)" --window 1 --catalogue "$work/services.json" \
    --database "$db")
export XSS_KIOSK_TOKEN XSS_ADMIN_TOKEN XSS_CLERK_TOKEN
: >"$work/log"
"$binary" serve --port 0 --catalogue "$work/services.json" --database "$db" 2>"$work/log" &
daemon=$!
trap 'kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/log")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/log" >&2; echo "onewindowd did not start" >&2; exit 1; }
"$venv/bin/python" scripts/xss/check_pages.py "http://127.0.0.1:$port"
