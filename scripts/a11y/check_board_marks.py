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

from board_driver import COVERED, call_next, finish, open_board, post, take_ticket, wait_for

BASE = sys.argv[1].rstrip("/")
SMALLEST_MARK_PX = 20
MARKS = """
const marks = (selector) => [...document.querySelectorAll(selector)].map((mark) =>
    [mark.textContent, parseFloat(getComputedStyle(mark).fontSize), mark.getBoundingClientRect().width]);
return {now: marks('#now-number .mark'), first: marks('#calls li:first-child .mark')};
"""


def main():
    driver = open_board(BASE)
    problems = []
    try:
        status, checked = post(BASE, f"/api/v1/appointments/{os.environ['A11Y_BOOKING_CODE']}/check-in",
                               os.environ["A11Y_KIOSK_TOKEN"], {})
        if checked.get("ticket", {}).get("channel") != "appointment":
            raise SystemExit(f"the check-in gave no appointment ticket: {status} {checked}")
        number = call_next(BASE)
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
        take_ticket(BASE, os.environ["A11Y_SERVICE"])
        walk_in = call_next(BASE)
        wait_for(driver, f"return document.getElementById('now-number').textContent === {json.dumps(walk_in)}",
                 f"the walk-in call {walk_in}")
        later = driver.execute_script(MARKS)
        print(f"board 1920x1080: walk-in {walk_in}: marks {later}")
        if later["now"] or later["first"]:
            problems.append(f"/board: the walk-in {walk_in} is marked: {later}")
    finally:
        driver.quit()
    finish(problems)


if __name__ == "__main__":
    main()
