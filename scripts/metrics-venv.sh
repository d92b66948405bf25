#!/usr/bin/env bash
# Makes .build/metrics-venv with prometheus-client (pinned), whose parser the tests use to read
# GET /metrics as Prometheus itself would.
exec "$(dirname "$0")/python-venv.sh" metrics
