"""Checks the pages applicants see in headless Chromium: axe-core finds no violation at
390 and 1366 px, nothing scrolls sideways at 320 and 390 px and material names use their
cards' width there, and a guide prints on A4.

Usage: check_pages.py BASE_URL. With a kiosk token in A11Y_KIOSK_TOKEN it takes a ticket and
checks its status page (/t/{id}) too; at 320×640 and 360×740 the first search result, a guide's
title and a ticket's number must be on the first screen (phone_screens.py) (and, with the admin token, an ended visit's page with its
rating form); with an admin token in A11Y_ADMIN_TOKEN it checks the
manager's sign-in page and, signed in, /manage (axe at both widths, no sideways scroll). Exits 1 and lists every problem when there is one.
"""
import base64
import importlib.util
import json
import os
import pathlib
import re
import sys
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

import phone_screens

BASE = sys.argv[1].rstrip("/")
AXE_PAGES = ["/", "/?q=%E4%BD%8E%E4%BF%9D", "/guides/MZ-HY-001", "/board", "/disclosure"]
AXE_WIDTHS = [390, 1366]
# A waiting ticket's status page reloads itself every 15 s (its purpose, without script); axe's
# meta-refresh rule (WCAG 2.2.1) cannot see that the page links to ?refresh=off to stop it, so
# the rule is left out there, and the ?refresh=off page is checked with every rule.
REFRESHING_PAGE_SKIPS = ["meta-refresh"]
OVERFLOW_WIDTHS = [320, 390]
RUN_AXE = """
const done = arguments[arguments.length - 1];
const rules = Object.fromEntries(arguments[0].map((id) => [id, {enabled: false}]));
axe.run(document, {rules}).then(r => done({
  version: r.testEngine.version, passes: r.passes.length,
  violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}))
})).catch(e => done({error: String(e)}));
"""


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    return (pathlib.Path(spec.submodule_search_locations[0]) / "axe.min.js").read_text()


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def set_width(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 800})


def guide_paths():
    with urllib.request.urlopen(BASE + "/api/v1/services") as answer:
        return ["/guides/" + s["id"] for s in json.load(answer)["services"]]


def post(path, token, body=None):
    request = urllib.request.Request(
        BASE + path, data=json.dumps(body).encode() if body is not None else b"", method="POST",
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return answer.status, json.loads(answer.read() or b"{}")


def ticket_pages():
    """A waiting ticket's status page (first), the same without reloads, and an unknown
    ticket's page, when a kiosk token is given; with an admin token too, an ended visit's page
    with its rating form (好差评 by phone)."""
    token = os.environ.get("A11Y_KIOSK_TOKEN")
    if not token:
        return []
    ended = []
    admin = os.environ.get("A11Y_ADMIN_TOKEN")
    if admin:
        _, ticket = post("/api/v1/tickets", token, {"serviceId": "MZ-HY-001"})
        for window in range(1, 30):
            try:
                status, called = post(f"/api/v1/windows/{window}/call-next", admin)
            except urllib.error.HTTPError:
                continue
            if status == 200 and called["ticket"]["id"] == ticket["id"]:
                post(f"/api/v1/tickets/{ticket['id']}/complete", admin,
                     {"window": str(window), "outcome": "completed"})
                ended = ["/t/" + ticket["id"]]
                break
    _, waiting = post("/api/v1/tickets", token, {"serviceId": "MZ-HY-001"})
    path = "/t/" + waiting["id"]
    return [path, path + "?refresh=off", "/t/no-such-ticket"] + ended


def run_axe(driver, axe, label, problems, skipped=()):
    """Runs axe on the page the driver shows; adds its violations to `problems`."""
    driver.execute_script(axe)
    result = driver.execute_async_script(RUN_AXE, list(skipped))
    if "error" in result or result["passes"] == 0:
        problems.append(f"{label}: axe did not run: {result}")
        return
    print(f"axe {result['version']} {label}: "
          f"{len(result['violations'])} violations, {result['passes']} rules passed"
          + (f" ({', '.join(skipped)} left out)" if skipped else ""))
    for violation in result["violations"]:
        problems.append(f"{label}: {violation['id']} ({violation['impact']}): "
                        f"{violation['help']} at {violation['nodes']}")


def check_manage(driver, axe, problems):
    """The manager's sign-in page, then /manage signed in with A11Y_ADMIN_TOKEN."""
    token = os.environ.get("A11Y_ADMIN_TOKEN")
    if not token:
        return
    driver.delete_all_cookies()
    for width in AXE_WIDTHS:
        set_width(driver, width)
        driver.get(BASE + "/manage")
        run_axe(driver, axe, f"{width}px /manage (sign-in)", problems)
    field = driver.find_element("name", "token")
    field.send_keys(token)
    field.submit()
    for width in sorted(set(AXE_WIDTHS + OVERFLOW_WIDTHS)):
        set_width(driver, width)
        driver.get(BASE + "/manage")
        if "退出登录" not in driver.page_source:
            problems.append(f"{width}px /manage: not signed in with A11Y_ADMIN_TOKEN")
            return
        if width in AXE_WIDTHS:
            run_axe(driver, axe, f"{width}px /manage", problems)
        scroll, inner = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        if scroll > inner:
            problems.append(f"{width}px /manage: scrolls sideways (scrollWidth {scroll} > innerWidth {inner})")
    print(f"overflow {', '.join(map(str, OVERFLOW_WIDTHS))}px: /manage checked, signed in")


def main():
    axe = axe_source()
    tickets = ticket_pages()
    problems = []
    driver = browser()
    try:
        for width in AXE_WIDTHS:
            set_width(driver, width)
            for path in AXE_PAGES + tickets:
                driver.get(BASE + path)
                skipped = REFRESHING_PAGE_SKIPS if tickets and path == tickets[0] else []
                run_axe(driver, axe, f"{width}px {path}", problems, skipped)
        pages = ["/", "/?q=%E4%BD%8E%E4%BF%9D", "/?category=%E7%A4%BE%E4%BC%9A%E6%95%91%E5%8A%A9", "/disclosure"] + guide_paths() + tickets
        for width in OVERFLOW_WIDTHS:
            set_width(driver, width)
            for large in (False, True):
                driver.delete_all_cookies()
                if large:
                    driver.get(BASE + "/elderly-mode?on=1")
                for path in pages:
                    driver.get(BASE + path)
                    scroll, inner = driver.execute_script(
                        "return [document.documentElement.scrollWidth, window.innerWidth]")
                    if scroll > inner:
                        problems.append(f"{width}px {'large ' if large else ''}{path}: scrolls sideways "
                                        f"(scrollWidth {scroll} > innerWidth {inner})")
                    # On a phone each material is a card: its name takes the card's whole width
                    # (a column width left over from the desktop table squeezed it to a few
                    # characters a line).
                    squeezed = driver.execute_script("""
                        return [...document.querySelectorAll('table.checklist tbody tr')].map(row => {
                            const name = row.querySelector('.name');
                            const style = getComputedStyle(row);
                            const inner = row.clientWidth - parseFloat(style.paddingLeft)
                                - parseFloat(style.paddingRight);
                            return [name.textContent, name.getBoundingClientRect().width, inner];
                        }).filter(([_, used, inner]) => used < 0.9 * inner);""")
                    for name, used, inner in squeezed:
                        problems.append(f"{width}px {'large ' if large else ''}{path}: material “{name}” "
                                        f"uses {used:.0f} of its card's {inner:.0f} px")
            print(f"overflow {width}px: {len(pages)} pages checked, standard and large")
        phone_screens.check(driver, BASE, tickets, problems)
        driver.delete_all_cookies()
        driver.get(BASE + "/guides/MZ-HY-001")
        pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
        boxes = {(round(float(w)), round(float(h))) for w, h in re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)}
        if boxes != {(595, 842)}:
            problems.append(f"print: /guides/MZ-HY-001 is not laid out on A4 paper (pages {boxes} pt)")
        else:
            print(f"print: /guides/MZ-HY-001 on A4, {pdf.count(b'/Type /Page') - pdf.count(b'/Type /Pages')} pages")
        check_manage(driver, axe, problems)
        if os.environ.get("A11Y_DATABASE"):
            sys.path.insert(0, str(pathlib.Path(__file__).parent))
            from check_book import check_book
            check_book(driver, BASE, os.environ["A11Y_DATABASE"], run_axe, axe, AXE_WIDTHS + OVERFLOW_WIDTHS,
                       problems)
            from check_today import check_today
            check_today(driver, BASE, os.environ["A11Y_DATABASE"], run_axe, axe, AXE_WIDTHS + OVERFLOW_WIDTHS,
                        problems)
    finally:
        driver.quit()
    for problem in problems:
        print("FAIL " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
