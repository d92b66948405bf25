/// Hall days (yyyy-MM-dd) as days since 1970-01-01 and back, by the civil calendar's arithmetic
/// (H. Hinnant's days_from_civil): summing a year of rollups compares and indexes cohort days
/// as integers, where parsing dates or hashing their text cost a third of the time. Public so
/// that adapters (the city) step between days by the same arithmetic, not by 86,400 seconds.
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
            (1...12).contains(month), day >= 1, day <= daysIn(month, of: year)
        else { return nil }
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `text` names, if it is a date written yyyy-MM-dd.
    public static func of(_ text: String) -> Int? { of(ArraySlice(text.utf8)) }

    /// The hall day before `day`, if `day` is a date written yyyy-MM-dd.
    public static func dayBefore(_ day: String) -> String? { of(day).map { text($0 - 1) } }

    /// The day `number` as yyyy-MM-dd (years 1000–9999).
    public static func text(_ number: Int) -> String {
        let days = number + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
