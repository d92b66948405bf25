#!/usr/bin/env bash
# Checks deploy/prometheus with promtool (Debian's): both configs, the rules, the rules' unit
# tests, and that every recorded series the Grafana dashboard reads is one the rules record.
set -euo pipefail
cd "$(dirname "$0")/.."
promtool="$(scripts/promtool.sh)"
cd deploy/prometheus
"$promtool" check config hall.yml
"$promtool" check config city.yml
"$promtool" check rules rules.yml
"$promtool" test rules rules-test.yml
python3 - <<'PY'
import json, re, sys
recorded = set(re.findall(r"^\s*- record: (\S+)", open("rules.yml").read(), re.M))
dashboard = json.load(open("grafana-city.json"))
used = set()
for panel in dashboard["panels"]:
    for target in panel.get("targets", []):
        used |= set(re.findall(r"[a-z_]+:onewindow_[a-z0-9_]+:[a-z0-9_]+", target["expr"]))
missing = sorted(used - recorded)
if missing:
    sys.exit(f"grafana-city.json reads series no rule records: {missing}")
print(f"grafana-city.json: {len(dashboard['panels'])} panels, {len(used)} recorded series, all in rules.yml")
PY
