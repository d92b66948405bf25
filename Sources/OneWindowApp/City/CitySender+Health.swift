import Foundation
import OneWindowCore

extension CitySender {
    /// The city export as `/healthz` shows it: how far behind the city is.
    public struct Health: Encodable, Sendable {
        public var hallId: String
        /// Events the city does not hold yet, and the age of the oldest in whole seconds.
        public var eventsBehind: Int
        public var oldestSeconds: Int?
        public var heldSeq: Int64
        public var lastError: String?
    }

    /// Reads the backlog now; an unreadable one shows as empty (the database's check says so).
    public func health() -> Health {
        let backlog = (try? storage.cityBacklog()) ?? .init()
        return Health(
            hallId: export.hallId, eventsBehind: backlog.events,
            oldestSeconds: backlog.oldest.map { max(0, Int(clock().timeIntervalSince($0))) },
            heldSeq: backlog.heldSeq, lastError: backlog.events > 0 ? backlog.lastError : nil)
    }
}
