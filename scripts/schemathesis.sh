#!/usr/bin/env bash
# Holds the real daemon to its OpenAPI document with schemathesis, every check on, bounded.
#
# Builds nothing: it runs .build/debug/onewindowd (scripts/test.sh builds it first) on a free
# loopback port with a temporary database and the shipped services.json, creates one kiosk,
# one clerk and one admin token, and gives each operation the token of the role it is for
# (public operations get none). Exits non-zero if schemathesis found anything.
#
# Usage: scripts/schemathesis.sh [MAX_EXAMPLES_PER_OPERATION]   (default 100: about a minute)
# Schemathesis is pinned and installed from PyPI into .build/schemathesis-venv.
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.32.5
examples=${1:-100}
binary=.build/debug/onewindowd
venv=.build/schemathesis-venv

[ -x "$binary" ] || { echo "schemathesis.sh: $binary is missing; run swift build first" >&2; exit 1; }
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -qF "$version"; then
    echo "== installing schemathesis $version into $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv" 2>/dev/null || { scripts/install-deps.sh python3-venv && rm -rf "$venv" && python3 -m venv "$venv"; }
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

work=$(mktemp -d)
daemon=""
cleanup() {
    if [ -n "$daemon" ] && kill -0 "$daemon" 2>/dev/null; then
        kill -TERM "$daemon"
        wait "$daemon" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

database="$work/onewindow.sqlite"
token() { "$binary" token create --role "$1" --name "schemathesis-$1" --database "$database" "${@:2}" 2>/dev/null; }
export OW_KIOSK_TOKEN OW_CLERK_TOKEN OW_PAD_TOKEN OW_ADMIN_TOKEN
OW_KIOSK_TOKEN=$(token kiosk)
# A clerk's and a pad's token belong to one window (services.json's 1).
OW_CLERK_TOKEN=$(token clerk --window 1 --catalogue services.json)
OW_PAD_TOKEN=$(token pad --window 1 --catalogue services.json)
OW_ADMIN_TOKEN=$(token admin)

# No closing time: a run that crosses 17:30 must not expire tickets half-way. No issue rate
# limit: schemathesis takes hundreds of tickets with one token, and each should reach the
# queue's own checks rather than 429 (the limit has its own tests).
ONEWINDOW_ISSUE_RATE=0 "$binary" serve --host 127.0.0.1 --port 0 --catalogue services.json --database "$database" \
    --closing-time none >"$work/daemon.log" 2>&1 &
daemon=$!
port=""
for _ in $(seq 1 300); do
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/daemon.log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    kill -0 "$daemon" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "schemathesis.sh: the daemon did not start:" >&2
    cat "$work/daemon.log" >&2
    exit 1
fi

# Each operation gets the token of the role it is for; an admin token would do everywhere, but
# the narrowest role shows that the document's roles are the ones the server accepts.
cat >"$work/schemathesis.toml" <<'EOF'
max-stream-events = 1
# Each run starts afresh, and writes nothing into the repository.
cache.enabled = false
request-timeout = 10.0

[checks.positive_data_acceptance]
# 303: the elderly-mode link's answer is a redirect back to the page.
# 409: the queue refused a transition of a valid request (e.g. recall with nobody called);
# 422: no open window takes the service today. None of them is a rejection of the data.
# No 401 or 403: every operation below gets the token of its role (a clerk's and a pad's
# bound to window 1, with the window in the path set to 1), so a refusal of the token is
# a failure. The few exceptions say why.
expected-statuses = ["2xx", "303", "404", "409", "422"]

[[operations]]
include-operation-id = "issueTicket"
headers = { Authorization = "Bearer ${OW_KIOSK_TOKEN}" }

# 预约签到: the shipped catalogue takes no appointments, so every code is 404 booking_not_found;
# the route's parsing, auth and errors are what this reaches.
[[operations]]
include-operation-id = "checkInBooking"
headers = { Authorization = "Bearer ${OW_KIOSK_TOKEN}" }

# The window's pad rates its own window's visits. A pad's rating of a visit that ended at
# another window is 403 wrong_window, a rule between the token and the stored visit that JSON
# Schema cannot state; so is a lock after wrong kiosk codes (429).
[[operations]]
include-operation-id = "evaluateVisit"
headers = { Authorization = "Bearer ${OW_PAD_TOKEN}" }
checks.positive_data_acceptance.expected-statuses = ["2xx", "403", "404", "409", "422", "429"]

# The clerk's own window in the path.
[[operations]]
include-operation-id = ["callNext", "recall", "pauseWindow", "resumeWindow"]
headers = { Authorization = "Bearer ${OW_CLERK_TOKEN}" }
parameters = { "path.window" = "1" }

# A ticket's no-show, transfer and completion name the window in the body, which schemathesis
# fills with made-up ids: the admin's token, which may act at any window, is the right one.
# (Window-bound clerks on another window's ticket are refused in WindowAccessTests.)
[[operations]]
include-operation-id = ["noShow", "transferTicket", "completeTicket"]
headers = { Authorization = "Bearer ${OW_ADMIN_TOKEN}" }

# getTicket takes a token optionally: a clerk's shows the ticket's case too.
[[operations]]
include-operation-id = ["getTicket", "getCase", "cancelCase", "listWindows"]
headers = { Authorization = "Bearer ${OW_CLERK_TOKEN}" }

[[operations]]
include-operation-id = ["closeDay", "listEvaluations", "rectifyEvaluation", "dailyReport"]
headers = { Authorization = "Bearer ${OW_ADMIN_TOKEN}" }

# from after to, or a range over 366 days, is 400: a rule between two parameters that JSON
# Schema cannot state, so valid-looking dates may be refused.
[[operations]]
include-operation-id = "metrics"
headers = { Authorization = "Bearer ${OW_CLERK_TOKEN}" }
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "404"]

# Public: from after to, or a range over 62 days, is 400 (the same rule between two parameters
# that JSON Schema cannot state); a service the hall books no slots for is 422 by design, and
# the shipped catalogue has no appointments yet.
[[operations]]
include-operation-id = "appointmentSlots"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "404", "422"]

# Failed sign-ins are throttled per client (429 after 5 in 15 minutes): a rule across
# requests that JSON Schema cannot state, and schemathesis signs in with made-up tokens,
# which are 401 (or 403: a token of another role).
[[operations]]
include-operation-id = "manageSignIn"
checks.positive_data_acceptance.expected-statuses = ["2xx", "303", "401", "403", "429"]

# The review form's role is a signed-in manager's session cookie with its CSRF token, which
# this script does not have: 403 is its answer (ManageReviewTests signs in and posts).
[[operations]]
include-operation-id = "manageFollowUpReview"
checks.positive_data_acceptance.expected-statuses = ["303", "403", "404", "409", "422"]

# The phone's rating form: a visit not yet ended, or rated already, is refused with 403 by a
# rule on the stored visit that JSON Schema cannot state.
[[operations]]
include-operation-id = "rateVisitByPhone"
checks.positive_data_acceptance.expected-statuses = ["303", "403", "404"]

# The same rule between from and to (and at most 366 days) for the export; the admin token
# it is for is given, so nothing but 2xx and that 400 is right.
[[operations]]
include-operation-id = "exportEvaluations"
headers = { Authorization = "Bearer ${OW_ADMIN_TOKEN}" }
checks.positive_data_acceptance.expected-statuses = ["2xx", "400"]

# Booking (预约): a code is limited per phone and per address (429, a rule across requests);
# a booking's code is checked against the code sent to the phone (403), its slot against the
# hall's calendar and places (409, 422; the shipped catalogue books nothing yet: 422); a
# booking code that does not exist, or another phone's, is 404.
[[operations]]
include-operation-id = "sendVerificationCode"
checks.positive_data_acceptance.expected-statuses = ["2xx", "422", "429"]

[[operations]]
include-operation-id = ["book", "readBooking", "cancelBooking"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "403", "404", "409", "422"]

# 线上取号: public like booking. A made-up code is 403 (the code sent to the phone is a rule
# across requests); an unknown service 404; one a phone a day and a service not received at the
# hall 409; a malformed phone, the hall closed now or a turn past closing 422.
[[operations]]
include-operation-id = "takeRemoteTicket"
checks.positive_data_acceptance.expected-statuses = ["2xx", "403", "404", "409", "422"]

# The booking pages: a day or start that is no date or time is 400 (in the query or the form); the
# forms answer 403 for a wrong code or another site's post, 409 and 422 for the hall's rules,
# 429 for too many codes.
[[operations]]
include-operation-id = "bookPage"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "422"]

[[operations]]
include-operation-id = ["bookPageSendCode", "bookPageConfirm"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "403", "409", "422", "429"]

# Check-in (the checkin helper's operation) is a kiosk's: its token. Made-up booking codes are
# 404; a booking too early or of a past day 422, cancelled 409.
[[operations]]
include-operation-id = "checkInBooking"
headers = { Authorization = "Bearer ${OW_KIOSK_TOKEN}" }
checks.positive_data_acceptance.expected-statuses = ["2xx", "404", "409", "422"]
EOF

# One worker: with two, CPython 3.11's ast.parse, called by hypothesis from both threads, can
# fail with "SystemError: AST constructor recursion depth mismatch" (seen here once in 5 runs).
echo "== schemathesis $version against onewindowd on port $port, $examples examples per operation"
status=0
"$venv/bin/schemathesis" --config-file "$work/schemathesis.toml" --no-color run \
    "http://127.0.0.1:$port/api/v1/openapi.json" --checks all --max-examples "$examples" \
    --seed "${SCHEMATHESIS_SEED:-20261129}" --workers 1 || status=$?

if ! kill -0 "$daemon" 2>/dev/null; then
    echo "schemathesis.sh: the daemon died during the run:" >&2
    cat "$work/daemon.log" >&2
    status=1
fi
if [ "$status" -ne 0 ]; then
    echo "== daemon log (last 40 lines)" >&2
    tail -40 "$work/daemon.log" >&2
fi
exit "$status"
