/// The access log's formatting, byte by byte into a buffer that already has room: the same
/// logfmt as the daemon's other lines, without a `String` built per line.
extension [UInt8] {
    /// Everything after the timestamp's milliseconds, up to and including the line feed.
    mutating func append(line record: RequestRecord) {
        append(text: "Z level=info source=OneWindowHTTP msg=request client=")
        append(logfmt: record.client)
        append(text: " method=")
        append(logfmt: record.method)
        append(text: " ms=")
        append(digits: record.microseconds / 1000, width: 1)
        append(UInt8(ascii: "."))
        append(digits: record.microseconds % 1000, width: 3)
        append(text: " request_id=")
        append(logfmt: record.requestId)
        append(text: " route=")
        append(logfmt: record.route)
        append(text: " status=")
        append(digits: record.status, width: 1)
        if let device = record.device {
            append(text: " device=")
            append(logfmt: device)
        }
        if record.aborted { append(text: " aborted=true") }
        append(UInt8(ascii: "\n"))
    }

    mutating func append(text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// `value` in decimal, zero-padded to `width` digits; a negative value as `-` and digits.
    mutating func append(digits value: Int, width: Int) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            append(digits: 0 - value, width: width)
            return
        }
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        for _ in count..<Swift.max(count, width) { append(UInt8(ascii: "0")) }
        let end = self.count + count
        for _ in 0..<count { append(0) }
        var remaining = value
        var index = end - 1
        for _ in 0..<count {
            self[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            index -= 1
        }
    }

    /// A logfmt value: bare when it has no space, quote, `=` or line break, else quoted with
    /// `"` and `\` escaped and line feeds as `\n`.
    mutating func append(logfmt value: String) {
        var value = value
        value.withUTF8 { utf8 in
            guard utf8.isEmpty || utf8.contains(where: Self.needsQuotes) || Self.hasUnicodeBreak(utf8) else {
                append(contentsOf: utf8)
                return
            }
            append(UInt8(ascii: "\""))
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): append(text: "\\\"")
                case UInt8(ascii: "\\"): append(text: "\\\\")
                case UInt8(ascii: "\n"): append(text: "\\n")
                default: append(byte)
                }
            }
            append(UInt8(ascii: "\""))
        }
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "=")
            || (0x0A...0x0D).contains(byte)
    }

    /// U+0085, U+2028 or U+2029: line breaks too, as Swift's `Character.isNewline` says.
    private static func hasUnicodeBreak(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count >= 2 else { return false }
        for index in 0..<(utf8.count - 1) {
            if utf8[index] == 0xC2, utf8[index + 1] == 0x85 { return true }
            if index + 2 < utf8.count, utf8[index] == 0xE2, utf8[index + 1] == 0x80,
                utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
            {
                return true
            }
        }
        return false
    }
}
