#!/usr/bin/env bash
# Makes .build/metrics-venv with prometheus-client (pinned), whose parser the tests use to read
# GET /metrics as Prometheus itself would. Does nothing when it is there and current.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh python3-venv
venv=.build/metrics-venv
if ! cmp -s scripts/metrics/requirements.txt "$venv/requirements.txt" 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r scripts/metrics/requirements.txt
    cp scripts/metrics/requirements.txt "$venv/requirements.txt"
fi
