"""Checks the city's pages in headless Chromium: axe-core finds no violation on /disclosure,
/city's sign-in form and /city signed in (with the reader token in A11Y_CITY_TOKEN) at 1280 px
and on a 360×740 phone, and nothing scrolls sideways at 320 and 360 px. With A11Y_SHOTS=DIR it
saves a screenshot of each page at each size there.

Usage: check_city.py CITY_BASE_URL. Exits 1 and lists every problem when there is one.
"""
import os
import sys

from check_pages import axe_source, browser, run_axe

BASE = sys.argv[1].rstrip("/")
SIZES = [(1280, 900), (360, 740)]
OVERFLOW_WIDTHS = [320, 360]


def set_size(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800})


def look(driver, axe, path, width, height, label, problems, shots):
    set_size(driver, width, height)
    driver.get(BASE + path)
    if (width, height) in SIZES:
        run_axe(driver, axe, f"{width}px {label}", problems)
        if shots:
            name = label.strip("/").replace("/", "-").replace(" ", "-").replace("(", "").replace(")", "") or "root"
            driver.save_screenshot(os.path.join(shots, f"{name}-{width}.png"))
    scroll, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    if scroll > inner:
        problems.append(f"{width}px {label}: scrolls sideways (scrollWidth {scroll} > innerWidth {inner})")


def main():
    token = os.environ["A11Y_CITY_TOKEN"]
    shots = os.environ.get("A11Y_SHOTS")
    axe = axe_source()
    problems = []
    driver = browser()
    sizes = SIZES + [(width, 740) for width in OVERFLOW_WIDTHS if width not in dict(SIZES)]
    try:
        for width, height in sizes:
            look(driver, axe, "/disclosure", width, height, "/disclosure", problems, shots)
            look(driver, axe, "/city", width, height, "/city (sign-in)", problems, shots)
        field = driver.find_element("name", "token")
        field.send_keys(token)
        field.submit()
        for width, height in sizes:
            look(driver, axe, "/city", width, height, "/city", problems, shots)
            if "退出登录" not in driver.page_source or "各大厅对比" not in driver.page_source:
                problems.append(f"{width}px /city: not signed in with A11Y_CITY_TOKEN")
                break
        print(f"city pages: {len(sizes)} sizes, /disclosure, /city signed out and in")
    finally:
        driver.quit()
    for problem in problems:
        print("FAIL " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
