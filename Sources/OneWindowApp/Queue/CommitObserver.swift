import OneWindowCore
import OneWindowStorage

/// Hears about every committed group, in commit order, on the commit thread, just before the
/// group's requests are answered. The board hub is one; metrics are another. Observers see
/// committed groups only, like reads (`QueueService.read`): a group whose commit failed never
/// reaches them. An observer must be quick: the group's answers and the next group wait for it.
public protocol CommitObserver: Sendable {
    func committed(_ group: CommittedGroup)
}

/// What one group commit wrote.
public struct CommittedGroup: Sendable {
    /// The events appended, with their row ids, in order.
    public let events: [StoredEvent]
    /// The tickets the group changed, as they stand after it.
    public let tickets: [String: Ticket]
    /// The catalogue the group ran with (window names, services).
    public let catalogue: Catalogue
    /// How many jobs ran in the group, those whose write failed included.
    public let jobs: Int
    /// How many of them failed alone (their write undone, their answer a 503) while the
    /// others committed.
    public let failedJobs: Int
}
