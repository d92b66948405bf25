/// One refresh of the waiting counts at a time: events that arrive while one is on its way
/// ask for one more afterwards, not one each (a busy hall sends many events a second).
public struct RefreshGate: Sendable, Equatable {
    private var inFlight = false
    private var again = false

    public init() {}

    /// Whether to send a refresh now.
    public mutating func request() -> Bool {
        guard !inFlight else {
            again = true
            return false
        }
        inFlight = true
        return true
    }

    /// The refresh came back (or failed); whether to send another at once.
    public mutating func finished() -> Bool {
        inFlight = false
        guard again else { return false }
        again = false
        return request()
    }

    /// The stream is gone: whatever was on its way is forgotten.
    public mutating func reset() {
        inFlight = false
        again = false
    }
}
