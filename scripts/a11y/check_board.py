"""Checks the hall display board (/board) in headless Chromium at 1920×1080, started without
the autoplay flag (sound blocked until a tap, as in a browser nobody configured): once a ticket
is called, the current call is visible and nothing covers it (the sound offer is a corner
button, not an overlay), and each queue letter's service names are at least 28 px.

Usage: check_board.py BASE_URL, with a kiosk token in A11Y_KIOSK_TOKEN and an admin token in
A11Y_ADMIN_TOKEN (to take a ticket and call it). Exits 1 and lists every problem there is.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

BASE = sys.argv[1].rstrip("/")
SMALLEST_SERVICES_PX = 28
COVERED = """
const element = document.getElementById(arguments[0]);
const box = element.getBoundingClientRect();
const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
return {visible: box.width > 0 && box.height > 0 && box.bottom <= innerHeight && box.right <= innerWidth,
  clear: top !== null && (top === element || element.contains(top)),
  top: top ? top.tagName + (top.id ? "#" + top.id : "") + "." + top.className : null};
"""


def post(path, token, body=None):
    request = urllib.request.Request(
        BASE + path, data=json.dumps(body).encode() if body is not None else b"", method="POST",
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return answer.status, json.loads(answer.read() or b"{}")


def call_one():
    """Takes a ticket and calls the next ticket at the first window that has one; its number."""
    post("/api/v1/tickets", os.environ["A11Y_KIOSK_TOKEN"], {"serviceId": "MZ-HY-001"})
    for window in range(1, 30):
        try:
            status, called = post(f"/api/v1/windows/{window}/call-next", os.environ["A11Y_ADMIN_TOKEN"])
        except urllib.error.HTTPError:
            continue
        if status == 200:
            return called["ticket"]["number"]
    raise SystemExit("no window called a ticket")


def wait_for(driver, script, what, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if driver.execute_script(script):
            return True
        time.sleep(0.1)
    raise SystemExit(f"/board: {what} not within {seconds} s")


def main():
    options = webdriver.ChromeOptions()
    # No --autoplay-policy: Chromium's default blocks sound until a tap, so the board shows its
    # sound offer (the wait below makes sure). (user-gesture-required would let WebAudio run.)
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
        number = call_one()
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
    for problem in problems:
        print("FAIL " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
