"""What check_board.py and check_board_marks.py share: the board (/board) open in headless
Chromium at 1920×1080 with its live state, the hall's API to take and call tickets, the wait
with a deadline, the covered-element probe, and the end that lists every problem."""
import json
import os
import sys
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# Whether an element is on the screen and nothing covers its middle (and what does).
COVERED = """
const element = document.getElementById(arguments[0]);
const box = element.getBoundingClientRect();
const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
return {visible: box.width > 0 && box.height > 0 && box.bottom <= innerHeight && box.right <= innerWidth,
  clear: top !== null && (top === element || element.contains(top)),
  top: top ? top.tagName + (top.id ? "#" + top.id : "") + "." + top.className : null};
"""


def post(base, path, token, body=None):
    """POSTs JSON with a bearer token; the status and the JSON answer (HTTPError for 4xx/5xx)."""
    request = urllib.request.Request(
        base + path, data=json.dumps(body).encode() if body is not None else b"", method="POST",
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return answer.status, json.loads(answer.read() or b"{}")


def take_ticket(base, service_id):
    """Takes a ticket for the service with the kiosk token in A11Y_KIOSK_TOKEN."""
    return post(base, "/api/v1/tickets", os.environ["A11Y_KIOSK_TOKEN"], {"serviceId": service_id})


def call_next(base):
    """Calls the next ticket at the first window free to call one (a window with a ticket still
    called answers 409 and is passed over), with the admin token in A11Y_ADMIN_TOKEN; its number."""
    for window in range(1, 30):
        try:
            status, called = post(base, f"/api/v1/windows/{window}/call-next", os.environ["A11Y_ADMIN_TOKEN"])
        except urllib.error.HTTPError:
            continue
        if status == 200:
            return called["ticket"]["number"]
    raise SystemExit("no window called a ticket")


def wait_for(driver, script, what, seconds=10):
    """Waits until the script returns true in the page, at most `seconds`; else ends the check."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if driver.execute_script(script):
            return True
        time.sleep(0.1)
    raise SystemExit(f"/board: {what} not within {seconds} s")


def open_board(base):
    """Headless Chromium at 1920×1080 with /board loaded and live. No --autoplay-policy:
    Chromium's default blocks sound until a tap, as in a browser nobody configured, so the board
    shows its sound offer. (user-gesture-required would let WebAudio run.)"""
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
        driver.get(base + "/board")
        wait_for(driver, "return !document.body.classList.contains('stale')", "the live state")
    except BaseException:
        driver.quit()
        raise
    return driver


def finish(problems):
    """Lists every problem on stderr and exits 1 if there is one."""
    for problem in problems:
        print("FAIL " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)
