/// The request target (`/path?query`) as the client sent it, decoded strictly.
///
/// libmicrohttpd hands the access handler a path it has percent-decoded into a C string, so a
/// `%00` ends the string early: `/guides/MZ-HY-001%00.php` arrived as `/guides/MZ-HY-001`.
/// The server therefore takes the raw target (from the URI log callback) and decodes it here:
/// a NUL, a control character, a broken `%` escape or bytes that are not UTF-8, in the path or
/// in the query, make the whole request a 400.
struct RequestTarget: Equatable {
    var path: String
    var query: [Pair]

    struct Pair: Equatable {
        var name: String
        var value: String
    }

    enum Problem: Error, Equatable {
        case path(String)
        case query(String)
    }

    static func parse(_ raw: String) throws(Problem) -> RequestTarget {
        let bytes = Array(raw.utf8)
        guard bytes.first == UInt8(ascii: "/") else {
            throw .path("the request target must be a path starting with “/”")
        }
        let mark = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.endIndex
        guard let path = decode(bytes[..<mark], plusIsSpace: false) else {
            throw .path("the path has a NUL or control character, a broken %-escape, or is not UTF-8")
        }
        var query: [Pair] = []
        if mark < bytes.endIndex {
            for part in bytes[(mark + 1)...].split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
                let equals = part.firstIndex(of: UInt8(ascii: "=")) ?? part.endIndex
                let value = equals < part.endIndex ? part[(equals + 1)...] : part[part.endIndex...]
                guard let name = decode(part[..<equals], plusIsSpace: true),
                    let text = decode(value, plusIsSpace: true)
                else {
                    throw .query(
                        "a query parameter has a NUL or control character, a broken %-escape, or is not UTF-8")
                }
                query.append(Pair(name: name, value: text))
            }
        }
        return RequestTarget(path: path, query: query)
    }

    /// Percent-decodes `part`; nil for a broken escape, a control character or bad UTF-8.
    static func decode(_ part: ArraySlice<UInt8>, plusIsSpace: Bool, lineBreaks: Bool = false) -> String? {
        // A form's text area sends tabs and line breaks (as %09, %0D%0A): allowed there only.
        func control(_ byte: UInt8) -> Bool {
            (byte < 0x20 || byte == 0x7F) && !(lineBreaks && (byte == 0x09 || byte == 0x0A || byte == 0x0D))
        }
        // Most targets have nothing to decode: check and take them as they are.
        let plain = !part.contains { byte in
            byte == UInt8(ascii: "%") || control(byte) || (plusIsSpace && byte == UInt8(ascii: "+"))
        }
        if plain { return String(validating: part, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(part.count)
        var index = part.startIndex
        while index < part.endIndex {
            var byte = part[index]
            if byte == UInt8(ascii: "%") {
                guard let high = hex(part[safe: index + 1]), let low = hex(part[safe: index + 2]) else { return nil }
                byte = high << 4 | low
                index += 3
            } else {
                if plusIsSpace, byte == UInt8(ascii: "+") { byte = UInt8(ascii: " ") }
                index += 1
            }
            if control(byte) { return nil }
            out.append(byte)
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8?) -> UInt8? {
        guard let byte else { return nil }
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension ArraySlice {
    fileprivate subscript(safe index: Index) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
