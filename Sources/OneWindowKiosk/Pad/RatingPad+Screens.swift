import Foundation

extension RatingPad {
    public mutating func handle(_ input: InputEvent, now: Date) -> [PadEffect] {
        if input == .text("0"), screen == .waiting {
            language = language.other
            return []
        }
        switch screen {
        case .ask(let visit):
            guard let rating = choice(input), (1...5).contains(rating) else { return [] }
            notice = nil
            guard rating > 2 else {
                screen = .reasons(visit, rating: rating, chosen: [])
                return []
            }
            return send(visit, PadRating(number: visit.number, rating: rating))
        case .reasons(let visit, let rating, let chosen):
            if input == .enter {
                guard !chosen.isEmpty else {
                    notice = .init(
                        language.pick("请至少选择一项原因", "Please choose at least one reason"), kind: .problem)
                    return []
                }
                return send(visit, PadRating(number: visit.number, rating: rating, reasons: chosen))
            }
            if input == .escape || input == .backspace {
                screen = .ask(visit)
                return []
            }
            guard let number = choice(input), RatingReasons.all.indices.contains(number - 1) else { return [] }
            notice = nil
            let id = RatingReasons.all[number - 1].id
            let next = chosen.contains(id) ? chosen.filter { $0 != id } : chosen + [id]
            screen = .reasons(visit, rating: rating, chosen: RatingReasons.all.map(\.id).filter(next.contains))
        case .waiting, .sending, .thanks: break
        }
        return []
    }

    private func choice(_ input: InputEvent) -> Int? {
        switch input {
        case .select(let number): number
        case .text(let key): Int(String(key))
        default: nil
        }
    }

    private mutating func send(_ visit: EndedVisit, _ rating: PadRating) -> [PadEffect] {
        screen = .sending(visit, rating: rating.rating)
        return [.evaluate(rating)]
    }

    public func render(into buffer: inout ScreenBuffer, now: Date) {
        let l = language
        let windowName = hall?.windows.first { $0.id == window }?.name ?? l.pick("\(window)号窗口", "window \(window)")
        var chrome = ScreenChrome(
            title: l.pick("服务评价  ", "Rate the service  ") + windowName,
            clock: HallTime(identifier: hall?.timeZone).clock(now), notice: notice,
            help: l.pick("点按选择，也可按数字键", "Tap to choose, or press a digit"))
        if !live, notice == nil {
            chrome.notice = .init(l.pick("连接中断，正在重新连接…", "Disconnected; reconnecting…"), kind: .problem)
        }
        switch screen {
        case .waiting:
            let rows = chrome.draw(into: &buffer)
            buffer.center(l.pick("欢迎办理业务", "Welcome"), row: rows.lowerBound + 2, style: .bold)
            buffer.center(
                l.pick("办理结束后，请在这里为本次服务评价", "When your visit ends, please rate it here"),
                row: rows.lowerBound + 4)
        case .ask(let visit), .sending(let visit, _):
            chrome.heading = l.pick(
                "\(visit.number) 号 \(serviceName(visit)) 办理结束", "Ticket \(visit.number): \(serviceName(visit))")
            let rows = chrome.draw(into: &buffer)
            buffer.write(
                l.pick("您对本次服务满意吗？请点按：", "How was the service? Tap one:"), row: rows.lowerBound, column: 4, style: .bold
            )
            for (offset, rating) in (1...5).reversed().enumerated() {
                let row = rows.lowerBound + 2 + offset
                let used = buffer.write(
                    "\(rating)  \(ApplicantKiosk.ratingName(rating, l))", row: row, column: 6, style: .bold)
                buffer.tapTarget(row: row, columns: 0..<max(6 + used + 4, buffer.width / 2), input: .select(rating))
            }
            if case .sending = screen { buffer.write(l.pick("正在提交…", "Sending…"), row: rows.upperBound, column: 4) }
        case .reasons(let visit, let rating, let chosen):
            chrome.heading = l.pick(
                "\(visit.number) 号：\(ApplicantKiosk.ratingName(rating, l))",
                "\(visit.number): \(ApplicantKiosk.ratingName(rating, l))")
            chrome.keys = [.init(l.pick("返回", "Back"), .escape), .init(l.pick("提交", "Send"), .enter)]
            let rows = chrome.draw(into: &buffer)
            buffer.write(
                l.pick("请选择不满意的原因（可多选），再点“提交”：", "Why? Choose one or more, then Send:"), row: rows.lowerBound,
                column: 4)
            for (offset, reason) in RatingReasons.all.enumerated() {
                let row = rows.lowerBound + 2 + offset
                let mark = chosen.contains(reason.id) ? "[x]" : "[ ]"
                let used = buffer.write(
                    "\(offset + 1)  \(mark) \(l.pick(reason.label, reason.english))", row: row, column: 6, style: .bold)
                buffer.tapTarget(row: row, columns: 0..<max(6 + used + 4, buffer.width / 2), input: .select(offset + 1))
            }
        case .thanks(let rating, _):
            let rows = chrome.draw(into: &buffer)
            buffer.center(
                l.pick(
                    "感谢您的评价：\(ApplicantKiosk.ratingName(rating, l))",
                    "Thank you: \(ApplicantKiosk.ratingName(rating, l))"),
                row: rows.lowerBound + 3, style: .bold)
        }
    }

    func serviceName(_ visit: EndedVisit) -> String {
        visit.serviceId.flatMap { serviceNames[$0] } ?? ""
    }
}
