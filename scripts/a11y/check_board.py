"""Checks the hall display board (/board) in headless Chromium at 1920×1080, started without
the autoplay flag (sound blocked until a tap, as in a browser nobody configured): once a ticket
is called, the current call is visible and nothing covers it (the sound offer is a corner
button, not an overlay), and each queue letter's service names are at least 28 px.

Usage: check_board.py BASE_URL, with a kiosk token in A11Y_KIOSK_TOKEN and an admin token in
A11Y_ADMIN_TOKEN (to take a ticket and call it). Exits 1 and lists every problem there is.
"""
import json
import sys

from board_driver import COVERED, call_next, finish, open_board, take_ticket, wait_for

BASE = sys.argv[1].rstrip("/")
SMALLEST_SERVICES_PX = 28


def main():
    driver = open_board(BASE)
    problems = []
    try:
        take_ticket(BASE, "MZ-HY-001")
        number = call_next(BASE)
        wait_for(driver, f"return document.getElementById('now-number').textContent === {json.dumps(number)}",
                 f"the call {number}")
        # The sound offer comes 0.8 s after loading; the check is for the board with it shown.
        wait_for(driver, "return !document.getElementById('unlock').hidden", "the sound offer")
        for element in ["now-number", "now-window"]:
            seen = driver.execute_script(COVERED, element)
            if not (seen["visible"] and seen["clear"]):
                problems.append(f"/board: #{element} of the call {number} is not seen: {seen}")
        banner = driver.execute_script("""
            const box = document.getElementById('unlock').getBoundingClientRect();
            return [box.left, box.top, box.width, box.height];""")
        print(f"board 1920x1080: call {number} {'covered' if problems else 'visible and uncovered'}; sound offer "
              f"{banner[2]:.0f}x{banner[3]:.0f} px at ({banner[0]:.0f}, {banner[1]:.0f})")
        sizes = driver.execute_script("""
            return [...document.querySelectorAll('#queues .services')].map(names =>
                [names.textContent.slice(0, 12), parseFloat(getComputedStyle(names).fontSize),
                 names.clientHeight / parseFloat(getComputedStyle(names).lineHeight),
                 Number(names.dataset.pages)]);""")
        if not sizes:
            problems.append("/board: no queue letter shows its service names")
        for names, size, lines, pages in sizes:
            print(f"board 1920x1080: services {names}… {size:.1f} px, {lines:.2f} lines a page, {pages} pages")
            # Names that do not fit are paged a whole line at a time, never cut through a line.
            if abs(lines - round(lines)) > 0.05 or round(lines) < 1:
                problems.append(f"/board: service names “{names}…” show {lines:.2f} lines, a line cut through")
            if size < SMALLEST_SERVICES_PX:
                problems.append(f"/board: service names “{names}…” are {size:.1f} px, under {SMALLEST_SERVICES_PX} px")
    finally:
        driver.quit()
    finish(problems)


if __name__ == "__main__":
    main()
