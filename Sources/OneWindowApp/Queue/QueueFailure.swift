import OneWindowCore

/// Why an executed command did not succeed.
public enum QueueFailure: Error, Sendable, Equatable {
    /// The queue refused the command (illegal transition, unknown ticket …).
    case refused(QueueError)
    /// The database could not commit; nothing changed.
    case storage
    /// The database disk is full; nothing changed.
    case full
    /// The queue could not be rebuilt from the database after a failed write: writes are
    /// refused until it can be.
    case unavailable
    /// Too many commands are waiting for the commit thread.
    case busy
    /// The daemon is stopping.
    case stopping
    /// The Idempotency-Key was used before with another request, or more than 24 hours ago.
    case keyReused(String)
}
