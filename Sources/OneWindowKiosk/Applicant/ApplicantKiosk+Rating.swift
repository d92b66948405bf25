extension ApplicantKiosk {
    /// The 好差评 screens: the ticket's letter, its digits, the receipt's evaluation code, one of
    /// the five national levels and, after a 1 or 2, why.
    func renderRating(_ chrome: inout ScreenChrome, into buffer: inout ScreenBuffer) {
        let l = language
        chrome.heading = l.pick("服务评价（好差评）", "Rate your visit")
        let rows = chrome.draw(into: &buffer)
        let top = rows.lowerBound
        switch screen {
        case .ratingLetter:
            buffer.write(
                l.pick("请输入小票上的号码。先选号码的字母：", "Enter the number on your ticket. First its letter:"), row: top, column: 4)
            buffer.choices(queuePrefixes, rows: (top + 2)...rows.upperBound, page: page, style: .bold, language: l)
        case .ratingNumber(let prefix, let digits):
            buffer.write(l.pick("再输入号码的数字，按回车：", "Now its digits, then Enter:"), row: top, column: 4)
            buffer.write(prefix + digits + "_", row: top + 2, column: 6, style: TextStyle(bold: true, reverse: true))
            digitPad(row: top + 4, into: &buffer)
        case .ratingCode(let number, let digits):
            buffer.write(
                l.pick(
                    "请输入小票上 \(number) 号的评价码（6 位数字），按回车：", "Enter the evaluation code on ticket \(number), then Enter:"),
                row: top, column: 4)
            let slots = digits + String(repeating: "_", count: max(0, 6 - digits.count))
            buffer.write(slots, row: top + 2, column: 6, style: TextStyle(bold: true, reverse: true))
            digitPad(row: top + 4, into: &buffer)
            buffer.write(
                l.pick("也可以用手机扫描小票上的二维码评价", "Or scan the QR code on your ticket with your phone"), row: top + 7,
                column: 4, style: .dim)
        case .ratingChoice(let number, _):
            buffer.write(l.pick("您对 \(number) 号的服务满意吗？", "How was the service for \(number)?"), row: top, column: 4)
            for (offset, rating) in (1...5).reversed().enumerated() {
                let row = top + 2 + offset
                let used = buffer.write("\(rating)  \(Self.ratingName(rating, l))", row: row, column: 6, style: .bold)
                buffer.tapTarget(row: row, columns: 0..<(6 + used + 4), input: .select(rating))
            }
        case .ratingReasons(let request):
            buffer.write(
                l.pick("请选择不满意的原因（可多选，按数字选择，回车提交）：", "Why? Choose one or more by number, then Enter:"), row: top,
                column: 4)
            for (offset, reason) in RatingReasons.all.enumerated() {
                let row = top + 2 + offset
                let mark = request.reasons.contains(reason.id) ? "[x]" : "[ ]"
                let text = "\(offset + 1)  \(mark) \(l.pick(reason.label, reason.english))"
                let used = buffer.write(text, row: row, column: 6, style: .bold)
                buffer.tapTarget(row: row, columns: 0..<(6 + used + 4), input: .select(offset + 1))
            }
        case .evaluating:
            buffer.write(l.pick("正在提交…", "Sending…"), row: top, column: 4)
        case .rated(let rating):
            buffer.write(
                l.pick(
                    "感谢您的评价：\(Self.ratingName(rating, l))", "Thank you for your rating: \(Self.ratingName(rating, l))"),
                row: top, column: 4, style: .bold)
        default: break
        }
    }

    /// The national five levels of 好差评.
    static func ratingName(_ rating: Int, _ l: Language) -> String {
        switch rating {
        case 5: l.pick("非常满意", "very satisfied")
        case 4: l.pick("满意", "satisfied")
        case 3: l.pick("基本满意", "fairly satisfied")
        case 2: l.pick("不满意", "dissatisfied")
        default: l.pick("非常不满意", "very dissatisfied")
        }
    }
}
