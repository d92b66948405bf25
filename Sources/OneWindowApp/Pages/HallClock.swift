import Foundation
import OneWindowCore

/// Times as the hall's wall clock shows them (the catalogue's time zone, not the server's).
struct HallClock {
    let calendar: HallCalendar
    let now: Date

    init(timeZone: String, now: Date) {
        calendar = HallCalendar(timeZone: timeZone)
        self.now = now
    }

    /// `14:05`, or `14:05:09` with seconds.
    func time(_ date: Date, seconds: Bool = false) -> String {
        let parts = calendar.wallClock(of: date)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return two(parts.hour) + ":" + two(parts.minute) + (seconds ? ":" + two(parts.second) : "")
    }

    /// The wall-clock time `seconds` from now.
    func time(in seconds: Int) -> String { time(now.addingTimeInterval(Double(seconds))) }
}
