#!/usr/bin/env bash
# Installs what is missing, checks formatting, builds and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/metrics-venv.sh  # prometheus-client's parser, which the /metrics tests use
echo "== swift format lint"
swift format lint --strict -r Sources Tests
echo "== build"
swift build --build-tests
echo "== catalogue"
.build/debug/onewindowd check services.json >/dev/null
echo "== tests"
swift test
echo "== pages in Chromium (axe-core, phone widths, print)"
scripts/a11y.sh .build/debug/onewindowd
