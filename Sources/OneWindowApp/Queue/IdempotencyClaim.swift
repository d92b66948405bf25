import Foundation

/// What a kiosk's `Idempotency-Key` asks: the same key with the same request gets the same
/// ticket for 24 hours.
public struct IdempotencyClaim: Sendable {
    public let device: String
    public let key: String
    /// The request in a canonical form: service, priority and case.
    public let fingerprint: String

    /// How long a retry with the same key returns the same ticket.
    public static let replayWindow: TimeInterval = 24 * 3600

    public init(device: String, key: String, fingerprint: String) {
        self.device = device
        self.key = key
        self.fingerprint = fingerprint
    }
}
