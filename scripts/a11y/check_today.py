"""今日排队 (线上取号) on /book, walked as an applicant does, then the remote ticket's status page
(/t/{id}) under axe at phone widths, 360×740 included: the offer on a service's step 2, the
number, the code (read from the waiting message in the database), the ticket with its check-in
code and QR code, and its page saying it is not called before check-in. Called by check_pages.py;
the a11y catalogue makes today a working day and the daemon runs without a closing time."""

from check_book import latest_code, overflow, submit


def check_today(driver, base, database, run_axe, axe, widths, problems, phone="13900139000"):
    driver.delete_all_cookies()
    driver.set_window_size(360, 740)
    driver.get(base + "/book")
    links = driver.find_elements("css selector", "ul.services a")
    if not links:
        problems.append("/book: no bookable service for 今日排队")
        return
    links[0].click()
    offer = [a for a in driver.find_elements("css selector", "section.today a.button")]
    if not offer:
        problems.append(f"{driver.current_url[len(base):]}: no 今日排队 offer while the hall is open")
        return
    offer[0].click()
    path = driver.current_url[len(base):]
    for width in widths:
        driver.set_window_size(width, 900)
        driver.get(base + path)
        run_axe(driver, axe, f"{width}px {path}", problems)
        overflow(driver, f"{width}px {path}", problems)
    driver.set_window_size(360, 740)
    driver.find_element("name", "phone").send_keys(phone)
    submit(driver)
    run_axe(driver, axe, "/book/code (今日排队)", problems)
    code = latest_code(database)
    if not code:
        problems.append("/book/code (今日排队): no verification message in the outbox")
        return
    driver.find_element("name", "code").send_keys(code)
    submit(driver)
    if "取号成功" not in driver.page_source or "<svg" not in driver.page_source:
        said = driver.execute_script("return (document.querySelector('main') || document.body).innerText")
        problems.append(f"/book/confirm (今日排队): no ticket with its check-in code; the page said: {said[:400]!r}")
        return
    run_axe(driver, axe, "/book/confirm (今日排队)", problems)
    overflow(driver, "/book/confirm (今日排队)", problems)
    ticket = driver.find_element("css selector", "main a[href^='/t/']").get_attribute("href")
    ticket = ticket[ticket.index("/t/"):] + "?refresh=off"
    for width, height in [(360, 740), (320, 640), (390, 844), (1366, 900)]:
        driver.set_window_size(width, height)
        driver.get(base + ticket)
        if "签到码" not in driver.page_source or "尚未签到" not in driver.page_source:
            problems.append(f"{width}px {ticket}: the remote ticket's page does not give its check-in code")
        run_axe(driver, axe, f"{width}×{height} {ticket} (remote ticket)", problems)
        overflow(driver, f"{width}px {ticket}", problems)
    print(f"/book 今日排队: 3 steps and the remote ticket's page checked at 320–1366 px")
