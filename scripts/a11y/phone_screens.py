"""What a phone shows on its first screen (issue 15): at 320×640 and 360×740, standard and 长者模式,
the first search result is on the first screen whole (the category chips fold above results), a
guide's title and a ticket's number are too, and on the guide of a service the hall does not
take, the notice that says where to go instead. Used by check_pages.py."""

SCREENS = [(320, 640), (360, 740)]
# The page, what must be on its first screen, and what to call it.
SEARCHES = ["/?q=%E4%BD%8E%E4%BF%9D", "/?q=jiehun", "/?category=%E7%A4%BE%E4%BC%9A%E6%95%91%E5%8A%A9"]
FIRST_RESULT = "ul.services li"

BOTTOM = """
const e = document.querySelector(arguments[0]);
if (!e) return null;
const box = e.getBoundingClientRect();
return [box.top, box.bottom, window.innerHeight];
"""


def check(driver, base, tickets, problems):
    """Adds to `problems` every page whose element that matters is below its first screen."""
    wanted = [(path, FIRST_RESULT, "first result") for path in SEARCHES]
    wanted += [("/guides/MZ-HY-001", "h1", "title"), ("/guides/MZ-BZ-004", "h1", "title")]
    # A service the hall does not take says where to go instead before the applicant scrolls.
    wanted += [("/guides/MZ-BZ-004", ".not-here", "notice that the hall does not take it")]
    wanted += [("/disclosure", "h1", "title")]
    if tickets:
        wanted += [(tickets[0], "h1", "ticket number")]
    for width, height in SCREENS:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
        for large in (False, True):
            driver.delete_all_cookies()
            if large:
                driver.get(base + "/elderly-mode?on=1")
            for path, selector, what in wanted:
                driver.get(base + path)
                found = driver.execute_script(BOTTOM, selector)
                label = f"{width}×{height} {'large ' if large else ''}{path}"
                if found is None:
                    problems.append(f"{label}: no {what} ({selector})")
                elif found[1] > found[2]:
                    problems.append(f"{label}: the {what} ends at {found[1]:.0f} px, below the first screen "
                                    f"({found[2]} px)")
        print(f"first screen {width}×{height}: {len(wanted)} pages, standard and large")
