import Foundation
import OneWindowStorage

/// The idempotency keys claimed in the last 24 hours, by device and key, so a retry is
/// recognised without reading the database. Older keys stay in the database, where a reuse
/// meets them when the key is claimed.
struct RecentKeys {
    /// How long a retry with the same key returns the same ticket.
    static let retention: TimeInterval = 24 * 3600

    private struct Slot: Hashable {
        let device: String
        let key: String
    }

    private var byKey: [Slot: IdempotencyRecord] = [:]
    /// Claims in time order, for pruning from the front; `start` skips the pruned ones.
    private var order: [Slot] = []
    private var start = 0

    init(_ records: [IdempotencyRecord] = []) {
        for record in records { remember(record) }
    }

    func record(device: String, key: String) -> IdempotencyRecord? {
        byKey[Slot(device: device, key: key)]
    }

    mutating func remember(_ record: IdempotencyRecord) {
        let slot = Slot(device: record.device, key: record.key)
        if byKey.updateValue(record, forKey: slot) == nil { order.append(slot) }
    }

    /// Forgets claims older than the retention, oldest first; cheap when there are none.
    mutating func prune(now: Date) {
        let cutoff = now.addingTimeInterval(-Self.retention)
        while start < order.count, let record = byKey[order[start]], record.createdAt < cutoff {
            byKey[order[start]] = nil
            start += 1
        }
        if start > 4096, start * 2 > order.count {
            order.removeFirst(start)
            start = 0
        }
    }

    var count: Int { byKey.count }
}

/// What a kiosk's `Idempotency-Key` asks: the same key with the same request gets the same
/// ticket for 24 hours.
public struct IdempotencyClaim: Sendable {
    public let device: String
    public let key: String
    /// The request in a canonical form: service, priority and case.
    public let fingerprint: String

    public init(device: String, key: String, fingerprint: String) {
        self.device = device
        self.key = key
        self.fingerprint = fingerprint
    }
}
