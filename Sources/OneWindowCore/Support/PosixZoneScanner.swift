/// Reads the parts of a POSIX TZ string (POSIX.1-2017 §8.3, with RFC 8536's extensions:
/// hours of a rule's time from −167 to 167).
struct PosixZoneScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[position] }

    mutating func take(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, peek == ascii else { return false }
        position += 1
        return true
    }

    /// A zone's name: three or more letters, or `<…>` of letters, digits, `+` and `-`.
    mutating func name() -> Bool {
        let start = position
        if take("<") {
            while let byte = peek, byte != UInt8(ascii: ">") { position += 1 }
            guard take(">") else { return false }
            return position - start >= 5
        }
        while let byte = peek, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) { position += 1 }
        return position - start >= 3
    }

    /// `[+|-]hh[:mm[:ss]]` in seconds, signed.
    mutating func offset(hoursUpTo limit: Int) -> Int? {
        var sign = 1
        if take("-") { sign = -1 } else { _ = take("+") }
        guard let hours = number(), hours <= limit else { return nil }
        var seconds = hours * 3600
        if take(":") {
            guard let minutes = number(), minutes < 60 else { return nil }
            seconds += minutes * 60
            if take(":") {
                guard let rest = number(), rest < 60 else { return nil }
                seconds += rest
            }
        }
        return sign * seconds
    }

    /// `Jn`, `n` or `Mm.w.d`, each with an optional `/time` (02:00 when left out).
    mutating func ruleDate() -> PosixZoneRule.RuleDate? {
        if take("J") {
            guard let day = number(), (1...365).contains(day), let time = time() else { return nil }
            return .julian(day: day, time: time)
        }
        if take("M") {
            guard let month = number(), (1...12).contains(month), take("."), let week = number(),
                (1...5).contains(week), take("."), let weekday = number(), (0...6).contains(weekday),
                let time = time()
            else { return nil }
            return .monthWeek(month: month, week: week, weekday: weekday, time: time)
        }
        guard let day = number(), (0...365).contains(day), let time = time() else { return nil }
        return .zeroBased(day: day, time: time)
    }

    private mutating func time() -> Int? {
        guard take("/") else { return 7200 }
        return offset(hoursUpTo: 167)
    }

    private mutating func number() -> Int? {
        let start = position
        var value = 0
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), position - start < 3 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            position += 1
        }
        return position > start ? value : nil
    }
}
