/// Hall days (yyyy-MM-dd) as days since 1970-01-01 and back, by the civil calendar's arithmetic
/// (`CivilDay`, which the hall calendar uses too): summing a year of rollups compares and
/// indexes cohort days as integers, where parsing dates or hashing their text cost a third of
/// the time. Public so that adapters (the city) step between days by the same arithmetic, not
/// by 86,400 seconds.
public enum DayNumber {
    /// The day `text` names, if it is a date written yyyy-MM-dd.
    static func of(_ text: ArraySlice<UInt8>) -> Int? {
        guard text.count == 10 else { return nil }
        let first = text.startIndex
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in first + from..<first + from + count {
                let byte = text[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard text[first + 4] == UInt8(ascii: "-"), text[first + 7] == UInt8(ascii: "-"),
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            (1...12).contains(month), day >= 1, day <= CivilDay.days(inMonth: month, of: year)
        else { return nil }
        return CivilDay(year: year, month: month, day: day).number
    }

    /// The day `text` names, if it is a date written yyyy-MM-dd.
    public static func of(_ text: String) -> Int? { of(ArraySlice(text.utf8)) }

    /// The hall day before `day`, if `day` is a date written yyyy-MM-dd.
    public static func dayBefore(_ day: String) -> String? { of(day).map { text($0 - 1) } }

    /// The day `number` as yyyy-MM-dd (years 1000–9999).
    public static func text(_ number: Int) -> String {
        let civil = CivilDay(number: number)
        let (month, day) = (civil.month, civil.day)
        return "\(civil.year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
