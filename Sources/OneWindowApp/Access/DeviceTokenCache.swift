import Foundation
import OneWindowStorage
import Synchronization

/// Remembers valid device tokens for a moment, so a kiosk's every request does not read the
/// database: that read was half the cost of issuing a ticket.
///
/// Only tokens found valid are kept, each for `lifetime`; unknown tokens always go to the
/// database. So a new token works at once, and a revoked one stops working within `lifetime`
/// (1 second by default) even though `onewindowd token revoke` runs in another process.
public final class DeviceTokenCache: Sendable {
    private let lifetime: TimeInterval
    private let clock: @Sendable () -> Date
    private let entries = Mutex<[String: (record: DeviceTokenRecord, checkedAt: Date)]>([:])

    /// - Parameter lifetime: 0 turns the cache off.
    public init(lifetime: TimeInterval, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// The record for `hash`, from memory while fresh, else from `load` (and then remembered).
    func record(for hash: String, load: (String) throws -> DeviceTokenRecord?) rethrows -> DeviceTokenRecord? {
        guard lifetime > 0 else { return try load(hash) }
        let now = clock()
        if let entry = entries.withLock({ $0[hash] }), now.timeIntervalSince(entry.checkedAt) < lifetime {
            return entry.record
        }
        let record = try load(hash)
        entries.withLock { $0[hash] = record.map { ($0, now) } }
        return record
    }
}
