import Foundation

/// A message for another system, to be written in the transaction of the change it tells of
/// (a topic such as `evaluation`, the key of what it is about, a JSON body).
///
/// The outbox knows nothing of evaluations: appointments' messages and the city's event export
/// go through it the same way, each with a topic of its own.
public struct OutboxMessage: Sendable, Equatable {
    public var topic: String
    /// What the message is about, e.g. an evaluation's id; several messages may share a key.
    public var key: String
    /// The body as sent, byte for byte, on every attempt.
    public var payload: Data

    public init(topic: String, key: String, payload: Data) {
        self.topic = topic
        self.key = key
        self.payload = payload
    }
}

/// A message as stored, with its delivery so far.
public struct OutboxRecord: Sendable, Equatable {
    /// Random and unique: receivers see it as the `Idempotency-Key`, and a restored backup
    /// never reuses one for another message.
    public var id: String
    public var topic: String
    public var key: String
    public var payload: Data
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var deliveredAt: Date?
}

/// How far delivery is behind, for `/healthz` and Prometheus.
public struct OutboxBacklog: Sendable, Equatable {
    /// Records not yet delivered.
    public var depth: Int
    /// When the oldest of them was written.
    public var oldest: Date?
    /// Those whose last attempt failed.
    public var failing: Int
    /// The newest reason an attempt failed, among those.
    public var lastError: String?

    public init(depth: Int = 0, oldest: Date? = nil, failing: Int = 0, lastError: String? = nil) {
        self.depth = depth
        self.oldest = oldest
        self.failing = failing
        self.lastError = lastError
    }
}

/// A failed delivery attempt: why, and when to try again.
public struct OutboxFailure: Sendable, Equatable {
    public var id: String
    public var error: String
    public var retryAt: Date

    public init(id: String, error: String, retryAt: Date) {
        self.id = id
        self.error = error
        self.retryAt = retryAt
    }
}

/// Which receiver a record goes to: `records` (evaluations, closed cases: the 好差评 push) or
/// `messages` (topic `message`: the applicant's phone, through `--notify-url`). Each lane is
/// delivered by its own sender, in its own order, so a message can never reach the 好差评
/// push, and a receiver that is down holds back only its own lane.
public enum OutboxLane: Sendable, Equatable {
    case records
    case messages

    /// The topic of every message to a phone.
    public static let messageTopic = "message"

    /// The SQL condition on `topic` (one `?`: the message topic).
    var condition: String {
        switch self {
        case .records: "topic != ?"
        case .messages: "topic = ?"
        }
    }
}
