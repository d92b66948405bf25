"""Checks that the hall display board (/board) marks appointment tickets (约), in headless
Chromium at 1920×1080: a booking checked in at a kiosk and called shows the mark beside its
number in the current call and in the recent calls, readable (at least 20 px, not covered);
a walk-in called after it shows none.

Usage: check_board_marks.py BASE_URL, with a kiosk token in A11Y_KIOSK_TOKEN, an admin token in
A11Y_ADMIN_TOKEN and a booking code of a slot starting now in A11Y_BOOKING_CODE, for a service
of A11Y_SERVICE. Exits 1 and lists every problem there is.
"""
import json
import os
import sys
import urllib.error

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from check_board import BASE, COVERED, post, wait_for

SMALLEST_MARK_PX = 20
MARKS = """
const marks = (selector) => [...document.querySelectorAll(selector)].map((mark) =>
    [mark.textContent, parseFloat(getComputedStyle(mark).fontSize), mark.getBoundingClientRect().width]);
return {now: marks('#now-number .mark'), first: marks('#calls li:first-child .mark')};
"""


def call_next():
    """Calls the next ticket at the first window free to call one (a window with a ticket
    still called answers 409 and is passed over); its number."""
    for window in range(1, 30):
        try:
            status, called = post(f"/api/v1/windows/{window}/call-next", os.environ["A11Y_ADMIN_TOKEN"])
        except urllib.error.HTTPError:
            continue
        if status == 200:
            return called["ticket"]["number"]
    raise SystemExit("no window called a ticket")


def main():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    problems = []
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
        driver.get(BASE + "/board")
        wait_for(driver, "return !document.body.classList.contains('stale')", "the live state")
        status, checked = post(f"/api/v1/appointments/{os.environ['A11Y_BOOKING_CODE']}/check-in",
                               os.environ["A11Y_KIOSK_TOKEN"], {})
        if checked.get("ticket", {}).get("channel") != "appointment":
            raise SystemExit(f"the check-in gave no appointment ticket: {status} {checked}")
        number = call_next()
        if number != checked["ticket"]["number"]:
            problems.append(f"/board: {number} was called, not the appointment {checked['ticket']['number']}")
        wait_for(driver, f"return document.getElementById('now-number').textContent.startsWith({json.dumps(number)})",
                 f"the call {number}")
        marks = driver.execute_script(MARKS)
        seen = driver.execute_script(COVERED, "now-number")
        print(f"board 1920x1080: appointment {number}: marks {marks}; the number {seen}")
        for place, found in marks.items():
            if not found or found[0][0] != "约":
                problems.append(f"/board: no 约 beside the appointment {number} in the {place} call: {found}")
            elif found[0][1] < SMALLEST_MARK_PX:
                problems.append(f"/board: the 约 of {number} ({place}) is {found[0][1]:.1f} px, under {SMALLEST_MARK_PX}")
        if not (seen["visible"] and seen["clear"]):
            problems.append(f"/board: the call {number} with its mark is not seen: {seen}")
        post("/api/v1/tickets", os.environ["A11Y_KIOSK_TOKEN"], {"serviceId": os.environ["A11Y_SERVICE"]})
        walk_in = call_next()
        wait_for(driver, f"return document.getElementById('now-number').textContent === {json.dumps(walk_in)}",
                 f"the walk-in call {walk_in}")
        later = driver.execute_script(MARKS)
        print(f"board 1920x1080: walk-in {walk_in}: marks {later}")
        if later["now"] or later["first"]:
            problems.append(f"/board: the walk-in {walk_in} is marked: {later}")
    finally:
        driver.quit()
    for problem in problems:
        print("FAIL " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
