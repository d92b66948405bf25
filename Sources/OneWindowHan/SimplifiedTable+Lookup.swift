extension SimplifiedTable {
    /// A text with its traditional characters as simplified ones (結婚 → 结婚), one character at
    /// a time; text without Han characters comes back as it is, without a copy.
    public static func simplified(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x3400 }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(simplified(scalar))
        }
        return String(scalars)
    }

    /// The simplified form of one character, found by a binary search of `pairs` in place.
    static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        guard (0x3400...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value) else { return scalar }
        // Three bytes of UTF-8, compared as one number: the pairs are ordered by code point,
        // which is the order of their UTF-8 bytes.
        let key = (0xE0 | value >> 12) << 16 | (0x80 | (value >> 6) & 0x3F) << 8 | (0x80 | value & 0x3F)
        return pairs.withUTF8Buffer { pairs -> Unicode.Scalar in
            var low = 0
            var high = pairs.count / 6
            while low < high {
                let middle = (low + high) / 2
                let record = middle * 6
                let found = UInt32(pairs[record]) << 16 | UInt32(pairs[record + 1]) << 8 | UInt32(pairs[record + 2])
                if found == key {
                    let simplified =
                        (UInt32(pairs[record + 3]) & 0x0F) << 12 | (UInt32(pairs[record + 4]) & 0x3F) << 6
                        | (UInt32(pairs[record + 5]) & 0x3F)
                    return Unicode.Scalar(simplified) ?? scalar
                }
                if found < key { low = middle + 1 } else { high = middle }
            }
            return scalar
        }
    }
}
