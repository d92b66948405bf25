import Foundation

extension ApplicantKiosk {
    public func render(into buffer: inout ScreenBuffer, now: Date) {
        let l = language
        let clock = HallTime(identifier: hall?.timeZone).clock(now)
        var chrome = ScreenChrome(
            title: hall.map { l == .en ? ($0.nameEn ?? $0.name) : $0.name } ?? l.pick("一窗通 政务服务", "OneWindow"),
            clock: clock, notice: notice,
            help: l.pick("数字键选择，也可点按屏幕", "Digits choose, or tap"))
        chrome.keys = footerKeys
        chrome.warning = idleWarning(now)
        switch screen {
        case .start:
            chrome.heading = l.pick("欢迎！请选择您要办理的业务", "Welcome! What would you like to do?")
            // The choices appear once the catalogue is there: a key pressed before would do nothing.
            guard !catalogue.isEmpty else {
                if notice == nil { chrome.notice = .init(l.pick("正在连接服务器…", "Connecting…")) }
                chrome.draw(into: &buffer)
                return
            }
            let rows = chrome.draw(into: &buffer)
            let items = [
                l.pick("个人办事", "Services for individuals"), l.pick("单位办事", "Services for organisations"),
                l.pick("搜索事项", "Search services"), l.pick("凭办件号续办（再次来办）", "Return with a case number"),
                l.pick("服务评价（好差评）", "Rate a visit"), l.pick("预约签到", "Check in with a booking"),
            ]
            buffer.choices(items, rows: rows, page: 0, style: .bold, language: l)
            buffer.write("0  " + l.pick("English", "中文"), row: rows.lowerBound + items.count + 1, column: 4)
            buffer.tapTarget(row: rows.lowerBound + items.count + 1, columns: 0..<20, input: .text("0"))
        case .categories(let audience):
            chrome.heading =
                audience == .individuals
                ? l.pick("个人办事：请选择类别", "For individuals: choose a category")
                : l.pick("单位办事：请选择类别", "For organisations: choose a category")
            let rows = chrome.draw(into: &buffer)
            let items = categories(for: audience).map { category in
                let count = services(for: audience).filter { $0.category == category }.count
                return l.pick("\(category)（\(count) 项）", "\(category) (\(count))")
            }
            buffer.choices(items, rows: rows, page: page, language: l)
        case .services(let audience, let category):
            chrome.heading = l.pick("\(category)：请选择事项", "\(category): choose a service")
            let rows = chrome.draw(into: &buffer)
            let items = services(for: audience).filter { $0.category == category }
            buffer.choices(items.map(name), rows: rows, page: page, language: l)
        case .searchEntry(let query):
            chrome.heading = l.pick("搜索事项", "Search services")
            renderSearchEntry(query, rows: chrome.draw(into: &buffer), into: &buffer)
        case .searchResults(let query, let items):
            chrome.heading = l.pick("“\(query)”的搜索结果", "Results for “\(query)”")
            buffer.choices(items.map(name), rows: chrome.draw(into: &buffer), page: page, language: l)
        case .loadingGuide, .loadingCase:
            chrome.heading = l.pick("正在加载，请稍候…", "Loading…")
            chrome.draw(into: &buffer)
        case .guide(let guide):
            chrome.heading = name(guide)
            let rows = chrome.draw(into: &buffer)
            if let plan = checklistPlan(width: buffer.width, height: buffer.height) {
                renderChecklist(
                    plan, action: l.pick("我已备齐，取号", "I have them: take a ticket"), rows: rows, into: &buffer)
            }
        case .priority(let pending):
            chrome.heading = l.pick("是否需要优先办理？", "Do you need priority service?")
            let rows = chrome.draw(into: &buffer)
            buffer.write(pending.serviceName, row: rows.lowerBound, column: 4)
            buffer.write(
                l.pick("老年人、残疾人、孕妇、军人等可优先办理", "For the elderly, disabled, pregnant women and servicemen"),
                row: rows.lowerBound + 1, column: 4, style: .dim)
            let options = [l.pick("否，普通取号", "No, an ordinary ticket"), l.pick("是，优先办理", "Yes, priority")]
            buffer.choices(options, rows: (rows.lowerBound + 3)...rows.upperBound, page: 0, style: .bold, language: l)
        case .issuing(let pending):
            chrome.heading = l.pick("正在取号，请稍候…", "Taking a ticket, please wait…")
            let rows = chrome.draw(into: &buffer)
            buffer.write(pending.serviceName, row: rows.lowerBound, column: 4)
        case .issueFailed(let pending, let message):
            chrome.heading = l.pick("取号未成功", "No ticket was issued")
            let rows = chrome.draw(into: &buffer)
            buffer.write(pending.serviceName, row: rows.lowerBound, column: 4)
            buffer.write(message, row: rows.lowerBound + 2, column: 4, style: TextStyle(bold: true, color: .red))
            buffer.choices(
                [l.pick("再试一次", "Try again")], rows: (rows.lowerBound + 4)...rows.upperBound, page: 0, style: .bold,
                language: l)
        case .ticket(let ticket, let guide, let printNotice):
            chrome.notice = printNotice.map { .init($0) } ?? notice
            chrome.heading = checkInNote
            renderTicket(ticket, guide: guide, rows: chrome.draw(into: &buffer), into: &buffer)
        case .caseEntry(let typed):
            chrome.heading = l.pick("凭办件号续办", "Return with a case number")
            renderCaseEntry(typed, rows: chrome.draw(into: &buffer), into: &buffer)
        case .caseFound(let found, let guide):
            chrome.heading = l.pick("办件 \(found.id)", "Case \(found.id)")
            let rows = chrome.draw(into: &buffer)
            if let plan = checklistPlan(width: buffer.width, height: buffer.height) {
                renderChecklist(
                    plan, action: l.pick("我已备齐，取号续办", "I have them: take a ticket for this case"), rows: rows,
                    into: &buffer)
            } else {
                renderClosedCase(found, guide: guide, rows: rows, into: &buffer)
            }
        case .ratingLetter, .ratingNumber, .ratingCode, .ratingChoice, .ratingReasons, .evaluating, .rated:
            renderRating(&chrome, into: &buffer)
        case .bookingEntry, .checkingIn, .checkInEarly:
            renderCheckIn(&chrome, into: &buffer)
        }
    }

    /// The footer's tappable keys: 返回 and 首页 wherever there is somewhere to go back to,
    /// and the Enter key where something is typed.
    var footerKeys: [ScreenChrome.Key] {
        let l = language
        let back = ScreenChrome.Key(l.pick("返回", "Back"), .escape)
        let home = ScreenChrome.Key(l.pick("首页", "Start"), .home)
        switch screen {
        case .start: return []
        case .ticket, .rated, .checkInEarly: return [home]
        case .bookingEntry: return [back, home, .init(l.pick("回车 签到", "Enter: check in"), .enter)]
        case .searchEntry: return [back, home, .init(l.pick("回车 搜索", "Enter: search"), .enter)]
        case .caseEntry, .ratingNumber, .ratingCode, .ratingReasons:
            return [back, home, .init(l.pick("回车 确认", "Enter: OK"), .enter)]
        default: return [back, home]
        }
    }

    func name(_ item: ServiceSummary) -> String {
        let name = language == .en ? (item.nameEn ?? item.name) : item.name
        // Said in the list already, before anyone opens a service the hall does not take.
        guard let channels = item.channels, channels.hall == nil else { return name }
        return name + language.pick("（不在本大厅办理）", " (not at this hall)")
    }

    func name(_ guide: ServiceGuide) -> String {
        language == .en ? (guide.nameEn ?? guide.name) : guide.name
    }
}
