import Foundation
import OneWindowCore
import OneWindowStorage

/// What a queue rebuilt from the database keeps of the queue it replaces.
struct QueueSettings: Sendable {
    let catalogue: Catalogue
    let day: String
    let callsBeforeNoShow: Int
    let noShowAfter: TimeInterval

    init(_ queue: HallQueue) {
        catalogue = queue.catalogue
        day = queue.day
        callsBeforeNoShow = queue.callsBeforeNoShow
        noShowAfter = queue.noShowAfter
    }
}

extension HallQueue {
    /// The queue `stored` holds, with `settings` from the queue it replaces.
    init(stored: StoredQueue, _ settings: QueueSettings) {
        self.init(
            catalogue: settings.catalogue, day: settings.day, tickets: stored.tickets, windows: stored.windows,
            callsBeforeNoShow: settings.callsBeforeNoShow, noShowAfter: settings.noShowAfter, cases: stored.cases,
            evaluated: stored.evaluations, bookings: stored.bookings, remoteTickets: stored.remoteTickets)
    }
}
