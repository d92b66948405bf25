#!/usr/bin/env bash
# Installs what is missing, builds onewindowd (release) and serves on the built-in defaults:
# http://127.0.0.1:8080, catalogue ./services.json, database ./var/onewindow.sqlite.
# Extra arguments go to `onewindowd serve`, e.g. scripts/run.sh --port 9090.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product onewindowd
exec .build/release/onewindowd serve "$@"
