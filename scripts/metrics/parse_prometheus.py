"""Parses Prometheus text (standard input) with prometheus-client's own parser and prints the
families and samples as JSON, for the Swift tests to check; a NaN value (a ratio without
data) is printed as the string "NaN", as JSON has no NaN. Exits 1, naming the problem, when
the text does not parse."""
import json
import math
import sys

from prometheus_client.parser import text_string_to_metric_families

try:
    families = list(text_string_to_metric_families(sys.stdin.read()))
except Exception as error:  # the parser raises ValueError and others on bad input
    print(f"not Prometheus text: {error}", file=sys.stderr)
    sys.exit(1)
print(json.dumps({
    "families": {family.name: {"type": family.type, "help": family.documentation} for family in families},
    "samples": [
        {"name": sample.name, "labels": sample.labels, "value": "NaN" if math.isnan(sample.value) else sample.value}
        for family in families for sample in family.samples
    ],
}))
