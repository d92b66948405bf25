extension PinyinTable {
    /// A Han character's readings without tones, the usual one first, or nil for anything else
    /// and for the rare characters the table has no reading of. ü comes both as u and as v
    /// (女 nu, nv): applicants type either.
    public static func readings(of character: Character) -> [String]? {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first, (0x3400...0x9FFF).contains(scalar.value) else {
            return nil
        }
        let table = [reading(of: scalar)].compactMap { $0 } + (polyphones[character] ?? [])
        var readings: [String] = []
        for reading in table.flatMap({ $0.contains("v") ? [String($0.map { $0 == "v" ? "u" : $0 }), $0] : [$0] })
        where !readings.contains(reading) {
            readings.append(reading)
        }
        return readings.isEmpty ? nil : readings
    }

    /// The generated reading of a code point from U+3400 to U+9FFF, or nil.
    static func reading(of scalar: Unicode.Scalar) -> String? {
        let offset = (Int(scalar.value) - 0x3400) * 2
        let number = codes.withUTF8Buffer { codes -> Int in
            guard offset >= 0, offset + 1 < codes.count else { return 0 }
            return digit(codes[offset]) * 64 + digit(codes[offset + 1])
        }
        guard number > 0 else { return nil }
        return syllableList[number - 1]
    }

    /// The syllables in order, split once.
    private static let syllableList = syllables.split(separator: " ").map(String.init)

    /// A base-64 digit of `codes` (A–Z, a–z, 0–9, +, -) as its value.
    private static func digit(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): 62
        default: 63
        }
    }
}
