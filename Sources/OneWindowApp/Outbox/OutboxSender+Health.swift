import Foundation

extension OutboxSender {
    /// The outbox as `/healthz` shows it.
    public struct Health: Encodable, Sendable {
        /// Whether a push URL is configured.
        public var push: Bool
        /// Records not yet delivered, and the age of the oldest in whole seconds.
        public var depth: Int
        public var oldestSeconds: Int?
        /// Undelivered records whose last attempt failed; the newest reason.
        public var failingRecords: Int
        public var lastError: String?
        /// Whether delivery is failing now: the hall is `degraded`, not down.
        public var failing: Bool { push && failingRecords > 0 }

        enum CodingKeys: String, CodingKey {
            case push, depth, oldestSeconds, failingRecords, lastError
        }
    }

    /// Reads the backlog now; an unreadable outbox shows as empty (the database's own check
    /// reports that).
    public func health() -> Health {
        let backlog = (try? storage.outboxBacklog()) ?? .init()
        return Health(
            push: push != nil, depth: backlog.depth,
            oldestSeconds: backlog.oldest.map { max(0, Int(clock().timeIntervalSince($0))) },
            failingRecords: backlog.failing, lastError: backlog.lastError)
    }
}
