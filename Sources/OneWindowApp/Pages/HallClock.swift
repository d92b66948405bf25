import Foundation

/// Times as the hall's wall clock shows them (the catalogue's time zone, not the server's).
struct HallClock {
    let calendar: Calendar
    let now: Date

    init(timeZone: String, now: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .current
        self.calendar = calendar
        self.now = now
    }

    /// `14:05`, or `14:05:09` with seconds.
    func time(_ date: Date, seconds: Bool = false) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let two = { (value: Int?) in String(format: "%02d", value ?? 0) }
        return two(parts.hour) + ":" + two(parts.minute) + (seconds ? ":" + two(parts.second) : "")
    }

    /// The wall-clock time `seconds` from now.
    func time(in seconds: Int) -> String { time(now.addingTimeInterval(Double(seconds))) }
}
