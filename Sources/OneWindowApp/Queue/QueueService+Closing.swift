import Foundation
import OneWindowCore

extension QueueService {
    /// The closing instant of the hall day `now` falls on, if a closing time is configured
    /// (earlier than `now` once the hall has closed). Reads only the catalogue's time zone,
    /// which no commit changes, so the applied queue serves any thread.
    public func closing(onDayOf now: Date) -> Date? {
        guard let closingTime else { return nil }
        let calendar = state.withLock { HallCalendar(timeZone: $0.queue.catalogue.hall.timeZone) }
        return calendar.instant(onDayOf: now, hour: closingTime.hour, minute: closingTime.minute)
    }

    /// The next closing instant after `now`, if a closing time is configured.
    func nextClosing(after now: Date) -> Date? {
        guard let today = closing(onDayOf: now) else { return nil }
        return today > now ? today : closing(onDayOf: now + 86_400)
    }
}
