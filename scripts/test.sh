#!/usr/bin/env bash
# Installs what is missing, checks formatting, builds and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# systemd for `systemd-analyze verify` of the units (it need not be running).
# zbar-tools and chromium: QRCodeTests decode the booking page's QR code as a phone would see it.
# faketime: CityFailureTests moves one hall daemon's clock a day on (libfaketime, ProcessClock).
scripts/install-deps.sh systemd zbar-tools chromium faketime
scripts/metrics-venv.sh  # prometheus-client's parser, which the /metrics tests use
scripts/python-venv.sh schema  # a JSON Schema validator, which holds services.schema.json to the loader
echo "== deploy/prometheus (promtool from Debian's prometheus package)"
scripts/check-prometheus.sh
echo "== swift format lint"
swift format lint --strict -r Sources Tests
echo "== build"
swift build --build-tests
echo "== catalogue"
.build/debug/onewindowd check services.json >/dev/null
echo "== tests"
# Each PostgreSQL test starts a cluster of its own (PostgresCluster) and stops it; a test that
# crashed would leave its cluster running, so the clusters live in this run's folder and any
# still running at the end is stopped (immediate shutdown) before the folder goes.
pg_root=$(mktemp -d /tmp/onewindow-pg-run.XXXXXX)
chmod 755 "$pg_root"  # the clusters run as nobody when the tests run as root
export ONEWINDOW_TEST_PG_ROOT=$pg_root
stop_clusters() {
    for pid_file in "$pg_root"/*/data/postmaster.pid; do
        [ -f "$pid_file" ] || continue
        pid=$(head -1 "$pid_file")
        kill -QUIT "$pid" 2>/dev/null || continue
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
    rm -rf "$pg_root"
}
trap stop_clusters EXIT
# One test at a time: many tests wait on real processes and sockets, and on a 2-core machine
# tests run side by side took the few threads the kiosk's async tasks need (10 s longer, steady).
# CI shows only the end of what a run printed: a failure's lines are printed again at the end.
test_log="$pg_root/swift-test.log"
if ! swift test --no-parallel 2>&1 | tee "$test_log"; then
    echo "== failed tests (again, from above)"
    grep -a -A 4 -E '✘ Test .*(recorded an issue|failed)|error: |Fatal error|exited with signal' "$test_log" | head -200 || true
    exit 1
fi
echo "== pages in Chromium (axe-core, phone widths, print)"
scripts/a11y.sh .build/debug/onewindowd
echo "== the city's pages in Chromium (a PostgreSQL cluster of its own, a hall sending to the city)"
scripts/a11y-city.sh .build/debug
echo "== script payloads in every free text, pages in Chromium"
scripts/xss.sh .build/debug/onewindowd
scripts/schemathesis.sh
