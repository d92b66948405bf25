/// A mainland mobile number (手机号), the applicant's key for bookings and messages.
///
/// Written by people in many ways (`138 0013 8000`, `138-0013-8000`, `+86 13800138000`); kept
/// as its 11 digits. Only the masked form (`138****8000`) is ever shown to anyone but its owner.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 11 digits.
    public let digits: String

    /// Nil unless `text` is 11 digits starting 13–19, after spaces, dashes and a `+86`/`86`
    /// prefix are taken away.
    public init?(_ text: String) {
        var kept = String(text.unicodeScalars.filter { $0 != " " && $0 != "-" })
        if kept.hasPrefix("+86") {
            kept.removeFirst(3)
        } else if kept.hasPrefix("86") && kept.utf8.count == 13 {
            kept.removeFirst(2)
        }
        let bytes = Array(kept.utf8)
        guard bytes.count == 11, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[0] == UInt8(ascii: "1"),
            bytes[1] >= UInt8(ascii: "3")
        else { return nil }
        digits = kept
    }

    /// `138****8000`: the most any page, log or export shows.
    public var masked: String {
        String(digits.prefix(3)) + "****" + String(digits.suffix(4))
    }

    /// The masked form, so that a number printed by mistake shows no more.
    public var description: String { masked }
}
