import Foundation
import OneWindowCore

extension CataloguePuller {
    /// The pull as `/healthz` shows it.
    public struct Health: Encodable, Sendable {
        /// The code of the last pull's outcome (`CataloguePullOutcome.code`); nil before the first.
        public var lastOutcome: String?
        public var lastAttemptAt: String?
        /// When the city last answered with a good or unchanged catalogue.
        public var lastGoodAt: String?
        /// Why the last pull was not used; the hall serves its last good catalogue meanwhile.
        public var problem: String?
        /// Whether the last pull failed: the hall is `degraded`, not down.
        public var failing: Bool { problem != nil }

        enum CodingKeys: String, CodingKey {
            case lastOutcome, lastAttemptAt, lastGoodAt, problem, failing
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(lastOutcome, forKey: .lastOutcome)
            try container.encodeIfPresent(lastAttemptAt, forKey: .lastAttemptAt)
            try container.encodeIfPresent(lastGoodAt, forKey: .lastGoodAt)
            try container.encodeIfPresent(problem, forKey: .problem)
            try container.encode(failing, forKey: .failing)
        }

        mutating func record(_ outcome: CataloguePullOutcome, at now: Date) {
            lastOutcome = outcome.code
            lastAttemptAt = Timestamp.iso8601(now)
            problem = outcome.problem
            if problem == nil { lastGoodAt = lastAttemptAt }
        }
    }
}
