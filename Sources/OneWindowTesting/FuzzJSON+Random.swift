import Foundation

/// Random JSON and random changes to it, for fuzzing the parts that read JSON.
extension FuzzJSON {
    /// Texts that break naive code: empty, blank, NUL, quotes, paths, SQL, markup, CJK,
    /// combining marks, emoji, right-to-left marks, lone high code points and long runs.
    public static let awkwardTexts: [String] = [
        "", " ", "\0", "\u{7}", "\t\n", "\"", "\\", "../../etc/passwd", "..%2f..%2f", "%00", "%",
        "' OR 1=1 --", "'; DROP TABLE ticket; --", "<script>alert(1)</script>", "{{x}}", "${HOME}",
        "低保", "结婚登记", "e\u{301}", "👩‍👩‍👧", "\u{202E}abc", "\u{FEFF}", "\u{10FFFF}", "A012", "MZ-HY-001",
        String(repeating: "a", count: 300), String(repeating: "办", count: 120),
    ]

    /// Numbers that break naive code: huge, tiny, negative zero, fractions where integers belong.
    public static let awkwardNumbers: [String] = [
        "0", "-0", "1", "-1", "2", "3", "0.5", "1e400", "-1e400", "1e-400", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "4.0", "1E2",
    ]

    /// A random string: awkward, printable ASCII, or any Unicode scalars.
    public static func randomString(using rng: inout some RandomNumberGenerator) -> String {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0, 1: return awkwardTexts.randomElement(using: &rng)!
        case 2:
            let length = Int.random(in: 0...12, using: &rng)
            return String(
                (0..<length).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x20...0x7e, using: &rng))) })
        default:
            let length = Int.random(in: 0...8, using: &rng)
            var text = String.UnicodeScalarView()
            for _ in 0..<length {
                let value = UInt32.random(in: 0...0x10FFFF, using: &rng)
                text.append(UnicodeScalar(value) ?? "\u{FFFD}")
            }
            return String(text)
        }
    }

    /// A random value at most `depth` levels deep; `keys` are used for most object keys.
    public static func random(
        depth: Int = 3, keys: [String] = [], using rng: inout some RandomNumberGenerator
    ) -> FuzzJSON {
        let kinds = depth > 0 ? 6 : 4
        switch Int.random(in: 0..<kinds, using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .number(awkwardNumbers.randomElement(using: &rng)!)
        case 3: return .string(randomString(using: &rng))
        case 4:
            let count = Int.random(in: 0...3, using: &rng)
            return .array((0..<count).map { _ in random(depth: depth - 1, keys: keys, using: &rng) })
        default:
            let count = Int.random(in: 0...4, using: &rng)
            return .object(
                (0..<count).map { _ in
                    let key =
                        !keys.isEmpty && Bool.random(using: &rng)
                        ? keys.randomElement(using: &rng)! : randomString(using: &rng)
                    return Member(key, random(depth: depth - 1, keys: keys, using: &rng))
                })
        }
    }

    /// This value with one random change somewhere inside: a value replaced, removed,
    /// duplicated or given a new neighbour.
    public func mutated(keys: [String] = [], using rng: inout some RandomNumberGenerator) -> FuzzJSON {
        // Go deeper with a good chance, so changes land anywhere in the tree.
        let descend = Int.random(in: 0..<5, using: &rng) > 0
        switch self {
        case .array(var items) where !items.isEmpty:
            let index = Int.random(in: 0..<items.count, using: &rng)
            if descend {
                items[index] = items[index].mutated(keys: keys, using: &rng)
            } else {
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: items.remove(at: index)
                case 1: items.insert(items[index], at: index)
                default: items.insert(Self.random(depth: 2, keys: keys, using: &rng), at: index)
                }
            }
            return .array(items)
        case .object(var members) where !members.isEmpty:
            let index = Int.random(in: 0..<members.count, using: &rng)
            if descend {
                members[index].value = members[index].value.mutated(keys: keys, using: &rng)
            } else {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: members.remove(at: index)
                case 1: members.append(members[index])
                case 2: members[index].key = Self.randomString(using: &rng)
                default: members.append(Member(Self.randomString(using: &rng), Self.random(depth: 1, using: &rng)))
                }
            }
            return .object(members)
        default:
            return Self.random(depth: 2, keys: keys, using: &rng)
        }
    }
}

extension Data {
    /// These bytes with a few random byte-level changes: flipped, inserted, removed, or cut short.
    public func mutatedBytes(using rng: inout some RandomNumberGenerator) -> Data {
        var bytes = [UInt8](self)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !bytes.isEmpty else {
                bytes.append(UInt8.random(in: 0...255, using: &rng))
                continue
            }
            let index = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            case 1: bytes.insert(Array(#"{}[]",:0"\ "#.utf8).randomElement(using: &rng)!, at: index)
            case 2: bytes.remove(at: index)
            default: bytes.removeSubrange(index...)
            }
        }
        return Data(bytes)
    }
}
