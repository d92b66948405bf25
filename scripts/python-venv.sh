#!/usr/bin/env bash
# Makes .build/NAME-venv from scripts/NAME/requirements.txt (pinned): the Python tools a test
# runs as the outside world would (prometheus-client's parser, a JSON Schema validator).
# Does nothing when the venv is there and current.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/python-venv.sh NAME}
scripts/install-deps.sh python3-venv
venv=.build/$name-venv
if ! cmp -s "scripts/$name/requirements.txt" "$venv/requirements.txt" 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "scripts/$name/requirements.txt"
    cp "scripts/$name/requirements.txt" "$venv/requirements.txt"
fi
