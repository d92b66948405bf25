import Foundation

/// Readers for the guide's typed values: closed word lists, links, dates and nullable numbers.
extension ObjectReader {
    /// One word of a closed list (`CatalogueTerm`), reported with the words allowed.
    mutating func term<T: CatalogueTerm>(_ key: String, required: Bool = true) -> T? {
        guard let text = string(key, required: required) else { return nil }
        return Self.term(text, at: path.appending(key: key), log: log)
    }

    /// A non-empty list of distinct words of a closed list.
    mutating func terms<T: CatalogueTerm>(_ key: String, minimum: Int = 1) -> [T]? {
        guard let texts = strings(key, minimum: minimum) else { return nil }
        var result: [T] = []
        for (index, text) in texts.enumerated() {
            let itemPath = path.appending(key: key).appending(index: index)
            guard let term: T = Self.term(text, at: itemPath, log: log) else { return nil }
            guard !result.contains(term) else {
                log.report(itemPath, "“\(text)” is listed twice")
                return nil
            }
            result.append(term)
        }
        return result
    }

    static func term<T: CatalogueTerm>(_ text: String, at path: JSONPath, log: IssueLog) -> T? {
        if let term = T(rawValue: text) { return term }
        let allowed = T.allCases.map { "“\($0.rawValue)”" }.joined(separator: ", ")
        log.report(path, "must be one of \(allowed), found “\(text)”")
        return nil
    }

    /// An `http` or `https` address that a browser can open; optional unless `required`.
    mutating func url(_ key: String, required: Bool = false) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard Self.isWebAddress(text) else {
            log.report(path.appending(key: key), "must be an http:// or https:// address, found “\(text)”")
            return nil
        }
        return text
    }

    /// An optional address: `.some(nil)` when absent, nil when given but wrong (reported).
    mutating func optionalURL(_ key: String) -> String?? {
        let before = log.issues.count
        let address = url(key)
        return log.issues.count == before ? .some(address) : nil
    }

    static func isWebAddress(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), let host = url.host
        else { return false }
        return !host.isEmpty
    }

    /// A calendar date written `YYYY-MM-DD` that exists (no 30 February).
    mutating func date(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.map(\.count) == [4, 2, 2], let year = Int(parts[0]),
            let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
            (1...Self.days(inMonth: month, year: year)).contains(day)
        else {
            log.report(path.appending(key: key), "must be a date written YYYY-MM-DD, found “\(text)”")
            return nil
        }
        return text
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A whole number in `range`, or an explicit `null`; the field itself must be there.
    /// Returns `.some(nil)` for `null` and `nil` when missing or wrong (reported).
    mutating func integerOrNull(_ key: String, in range: ClosedRange<Int>) -> Int?? {
        guard let value = raw(key) else {
            log.report(path.appending(key: key), "required field is missing (write null for none)")
            return nil
        }
        if value == .null { return .some(nil) }
        return integer(key, in: range).map { .some($0) }
    }
}
