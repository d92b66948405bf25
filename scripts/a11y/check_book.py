"""The booking pages (/book) under axe and at phone widths, walked as an applicant does: the
service, its slots, the number, the code (read from the waiting message in the database, as the
notifier would have sent it), the booking code with its QR code. Called by check_pages.py."""

import json
import sqlite3

from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def latest_code(database):
    """The code of the newest verification message waiting in the outbox."""
    with sqlite3.connect(database) as db:
        row = db.execute(
            "SELECT payload FROM outbox WHERE topic = 'message' ORDER BY seq DESC LIMIT 1").fetchone()
    return json.loads(row[0])["params"]["code"] if row else None


def check_book(driver, base, database, run_axe, axe, widths, problems, phone="13800138000"):
    """Axe at each width on every step; nothing scrolls sideways; the last step shows the QR code."""
    steps = []
    driver.delete_all_cookies()
    driver.get(base + "/book")
    steps.append("/book")
    links = driver.find_elements("css selector", "ul.services a")
    if not links:
        problems.append("/book: no bookable service (the a11y catalogue has appointments for A)")
        return
    links[0].click()
    steps.append(driver.current_url[len(base):])
    slot = driver.find_elements("css selector", "nav.actions a.button")
    if not slot:
        problems.append(f"{steps[-1]}: no free slot to choose")
        return
    slot[0].click()
    steps.append(driver.current_url[len(base):])
    for path in steps:
        for width in widths:
            driver.set_window_size(width, 900)
            driver.get(base + path)
            run_axe(driver, axe, f"{width}px {path}", problems)
            overflow(driver, f"{width}px {path}", problems)
    driver.find_element("name", "phone").send_keys(phone)
    submit(driver)
    run_axe(driver, axe, "/book/code (step 4)", problems)
    overflow(driver, "/book/code (step 4)", problems)
    code = latest_code(database)
    if not code:
        problems.append("/book/code: no verification message in the outbox")
        return
    driver.find_element("name", "code").send_keys(code)
    submit(driver)
    if "预约成功" not in driver.page_source or "<svg" not in driver.page_source:
        said = driver.execute_script("return (document.querySelector('main') || document.body).innerText")
        problems.append(f"/book/confirm: no booking code with its QR code; the page said: {said[:400]!r}")
    run_axe(driver, axe, "/book/confirm (step 5)", problems)
    overflow(driver, "/book/confirm (step 5)", problems)
    print(f"/book: {len(steps) + 2} steps checked at {', '.join(map(str, widths))}px and after the forms")


def submit(driver):
    """Clicks the form's button and waits (10 s at most) for the page it posts to: a click
    returns before the next page loads, and reading the old page then failed in CI."""
    page = driver.find_element("tag name", "html")
    driver.find_element("css selector", "form button").click()
    WebDriverWait(driver, 10).until(expected_conditions.staleness_of(page))


def overflow(driver, label, problems):
    scroll, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    if scroll > inner:
        problems.append(f"{label}: scrolls sideways (scrollWidth {scroll} > innerWidth {inner})")
