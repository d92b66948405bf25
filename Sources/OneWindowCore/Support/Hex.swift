/// Lowercase hexadecimal, as hashes and keys are stored and shown.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Two lowercase digits per byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of an even-length hex text (either case); nil for anything else.
    public static func decode(_ text: String) -> [UInt8]? {
        var result: [UInt8] = []
        var high: UInt8?
        for scalar in text.utf8 {
            let value: UInt8
            switch scalar {
            case 48...57: value = scalar - 48
            case 97...102: value = scalar - 87
            case 65...70: value = scalar - 55
            default: return nil
            }
            if let first = high {
                result.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return high == nil ? result : nil
    }
}
