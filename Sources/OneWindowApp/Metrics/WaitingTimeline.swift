import Foundation
import Logging
import OneWindowCore
import OneWindowStorage
import Synchronization

/// How many tickets waited over the hall's current day, for the manager's page: a point at
/// every change. Like `MetricsService`, it reads the day's events at start-up on a thread of
/// its own, then hears every committed group; events are folded in strictly in id order, so
/// the line is the same after a restart.
///
/// A ticket waits from its issue to its first call, and again after a transfer until its next
/// call; it stops waiting when it is called, ends or expires.
public final class WaitingTimeline: CommitObserver {
    public struct Point: Sendable, Equatable {
        public var at: Date
        public var waiting: Int
    }

    private struct Line {
        var day = ""
        var waiting: Set<String> = []
        var points: [Point] = []
        var lastEventId: Int64 = 0
        var loading = true
        var pending: [StoredEvent] = []

        mutating func apply(_ stored: StoredEvent) {
            guard stored.id > lastEventId else { return }
            lastEventId = stored.id
            let event = stored.event
            guard let day = event.hallDay, day >= self.day, let ticket = event.ticketId else { return }
            if day > self.day {
                self = Line(day: day, lastEventId: stored.id, loading: loading, pending: pending)
            }
            let before = waiting.count
            switch event.kind {
            case .issued, .transferred: waiting.insert(ticket)
            case .called, .completed, .noShow, .expired: waiting.remove(ticket)
            default: return
            }
            guard waiting.count != before else { return }
            if let last = points.last, last.at == event.at {
                points[points.count - 1].waiting = waiting.count
            } else {
                points.append(Point(at: event.at, waiting: waiting.count))
            }
        }
    }

    private let line = Mutex(Line())

    public init() {}

    /// Reads `day`'s events on a thread of its own, then goes live.
    public func load(from storage: Storage, day: String, logger: Logger) {
        line.withLock { $0.day = day }
        let thread = Thread { [self] in
            var stored: [StoredEvent] = []
            do {
                stored = try storage.waitingEvents(hallDay: day)
            } catch {
                logger.error("cannot read today's events for the waiting line: \(error); it starts from now")
            }
            line.withLock { line in
                for event in stored { line.apply(event) }
                for event in line.pending { line.apply(event) }
                line.pending = []
                line.loading = false
            }
        }
        thread.name = "onewindow-waiting-load"
        thread.start()
    }

    public func committed(_ group: CommittedGroup) {
        line.withLock { line in
            if line.loading {
                line.pending += group.events
            } else {
                for event in group.events { line.apply(event) }
            }
        }
    }

    /// The points of `day`, oldest first; empty when the line is on another day or still loading.
    public func points(day: String) -> [Point] {
        line.withLock { $0.day == day && !$0.loading ? $0.points : [] }
    }
}
