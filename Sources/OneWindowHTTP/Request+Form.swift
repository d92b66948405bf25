import Foundation

extension Request {
    /// The fields of an HTML form's body (`application/x-www-form-urlencoded`), decoded as a
    /// query is (`+` is a space). A value may hold tabs and line breaks, as a text area sends
    /// them (a CR LF becomes one LF); a broken escape, any other control character, bytes that
    /// are not UTF-8, or a repeated field is a client error.
    public func formValues() throws(HTTPError) -> [String: String] {
        var values: [String: String] = [:]
        for pair in Array(body).split(separator: UInt8(ascii: "&")) where !pair.isEmpty {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = RequestTarget.decode(parts[0], plusIsSpace: true),
                let value = RequestTarget.decode(parts.count > 1 ? parts[1] : [], plusIsSpace: true, lineBreaks: true)
            else { throw HTTPError(.malformedBody, "the form has a broken %-escape, a control character or bad UTF-8") }
            guard values[name] == nil else { throw HTTPError(.malformedBody, "form field “\(name)” is given twice") }
            values[name] = value.replacingOccurrences(of: "\r\n", with: "\n")
        }
        return values
    }
}
