import OneWindowCore

extension GuidePage {
    static func placeAndHours(_ item: ServiceItem) -> String {
        section("办理地点和时间", facts([("办理地点", item.place), ("办理时间", item.hours)]))
    }

    /// 可在以下窗口办理: under the one-window principle this is usually every comprehensive window
    /// plus the specialised ones that list the item.
    static func windows(_ windows: [Window]) -> String {
        let names = windows.map(\.name)
        return section("可在以下窗口办理", list(names, tag: "ul", empty: "请到大厅咨询台询问办理窗口。"))
    }

    static func phones(_ phones: Phones) -> String {
        let rows = [("咨询电话", phones.consultation), ("投诉电话", phones.complaint)].map { label, phone in
            // A phone still to be filled in reads as advice, not as “咨询电话：请咨询窗口”.
            let value = phone == PublicText.askAtWindow ? "请到大厅咨询台询问" : phoneHTML(phone)
            return "<dt>\(label)</dt><dd>\(value)</dd>"
        }
        return section("咨询与投诉", "<dl class=\"facts\">\n\(rows.joined(separator: "\n"))\n</dl>")
    }

    /// A phone as a `tel:` link when it looks dialable, else as text: a placeholder such as
    /// 【待配置:咨询电话】 from an unfinished services.json must not become a broken link.
    static func phoneHTML(_ phone: String) -> String {
        let text = HTML.escape(phone)
        return looksLikePhoneNumber(phone) ? "<a href=\"tel:\(text)\">\(text)</a>" : text
    }

    /// Digits and dashes only, starting and ending with a digit, at least three digits (12345, 0411-12345).
    static func looksLikePhoneNumber(_ phone: String) -> Bool {
        let scalars = phone.unicodeScalars
        let isDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
        guard let first = scalars.first, let last = scalars.last, isDigit(first), isDigit(last) else { return false }
        return scalars.allSatisfy { isDigit($0) || $0 == "-" } && scalars.filter(isDigit).count >= 3
    }
}
