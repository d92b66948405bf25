"""Writes a copy of services.json whose free texts carry script payloads, for scripts/xss.sh.

Usage: catalogue.py SOURCE TARGET. Every text a page shows from the catalogue (the hall's
English name, a window's name, the first service's name, category, conditions, materials,
steps, FAQ, place, hours and fee basis) gets a payload; ids and URLs stay valid, as the loader
refuses anything but http(s) URLs (a `javascript:` one included) before a page could show it.
"""
import json
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from payloads import FULL, SHORT  # noqa: E402

source, target = sys.argv[1], sys.argv[2]
catalogue = json.load(open(source, encoding="utf-8"))
hall = catalogue["hall"]
hall["nameEn"] = "Hall " + SHORT[1]
hall["windows"][0]["name"] = "1号" + SHORT[0]
service = catalogue["services"][0]
service["name"] += FULL
service["nameEn"] = (service.get("nameEn") or "") + SHORT[1]
service["category"] += SHORT[2]
service["conditions"][0] += FULL
for material in service["materials"]:
    material["name"] += SHORT[4]
    material["note"] = FULL
service["steps"][0]["description"] += FULL
service["faq"] = (service.get("faq") or []) + [{"q": "问" + FULL, "a": "答" + FULL}]
service["place"] += FULL
service["hours"] = "9:00–12:00" + FULL
service["fee"]["basis"] = FULL
json.dump(catalogue, open(target, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
