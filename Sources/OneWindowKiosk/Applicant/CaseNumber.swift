/// Case numbers (办件号) as printed, C20261129-0007, typed on a keypad as their 12 digits.
public enum CaseNumber {
    /// The case number for what was typed: 12 digits, or the printed form; nil if neither.
    public static func normalize(_ typed: String) -> String? {
        let digits = typed.filter { $0.isASCII && $0.isNumber }
        let rest = typed.filter { !($0.isASCII && $0.isNumber) && $0 != "-" }
        guard digits.count == 12, rest.isEmpty || rest == "C" else { return nil }
        return "C" + digits.prefix(8) + "-" + digits.suffix(4)
    }
}
