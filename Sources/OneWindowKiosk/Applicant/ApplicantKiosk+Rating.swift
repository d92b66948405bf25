extension ApplicantKiosk {
    /// The 好差评 screens: the ticket's letter, its digits, then one of the five national levels.
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
        case .ratingChoice(let number):
            buffer.write(l.pick("您对 \(number) 号的服务满意吗？", "How was the service for \(number)?"), row: top, column: 4)
            for (offset, rating) in (1...5).reversed().enumerated() {
                let row = top + 2 + offset
                let used = buffer.write("\(rating)  \(Self.ratingName(rating, l))", row: row, column: 6, style: .bold)
                buffer.tapTarget(row: row, columns: 0..<(6 + used + 4), input: .select(rating))
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
