import OneWindowCore

extension GuidePage {
    static func placeAndHours(_ item: ServiceItem) -> Markup? {
        section("办理地点和时间", facts([("办理地点", item.place), ("办理时间", item.hours)]))
    }

    /// 可在以下窗口办理: under the one-window principle this is usually every comprehensive window
    /// plus the specialised ones that list the item.
    static func windows(_ windows: [Window]) -> Markup? {
        let names = windows.map(\.name)
        return section("可在以下窗口办理", list(names, tag: "ul", empty: "请到大厅咨询台询问办理窗口。"))
    }

    static func phones(_ phones: Phones) -> Markup? {
        let list = Markup.element("dl", [.class("facts")]) {
            for (label, phone) in [("咨询电话", phones.consultation), ("投诉电话", phones.complaint)] {
                Markup.dt { label }
                // A phone still to be filled in reads as advice, not as “咨询电话：请咨询窗口”.
                Markup.dd { phone == PublicText.askAtWindow ? .text("请到大厅咨询台询问") : phoneLink(phone) }
            }
        }
        return section("咨询与投诉", list)
    }

    /// A phone as a `tel:` link when it looks dialable, else as text: a placeholder such as
    /// 【待配置:咨询电话】 from an unfinished services.json must not become a broken link.
    static func phoneLink(_ phone: String) -> Markup {
        guard looksLikePhoneNumber(phone), let url = SafeURL("tel:" + phone) else { return .text(phone) }
        return .a(href: url) { phone }
    }

    /// Digits and dashes only, starting and ending with a digit, at least three digits (12345, 0411-12345).
    static func looksLikePhoneNumber(_ phone: String) -> Bool {
        let scalars = phone.unicodeScalars
        let isDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
        guard let first = scalars.first, let last = scalars.last, isDigit(first), isDigit(last) else { return false }
        return scalars.allSatisfy { isDigit($0) || $0 == "-" } && scalars.filter(isDigit).count >= 3
    }
}
