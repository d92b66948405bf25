/// One command applied: its outcome or why it was refused, and everything it changed. The
/// changes are what storage writes, in the command's transaction; their events, once
/// committed, are what the metrics fold and the boards hear. A refused command may still have
/// changed something: the day rolled over before it was refused.
public struct AppliedCommand: Sendable, Equatable {
    public var outcome: Result<QueueOutcome, QueueError>
    public var changes: QueueChanges

    public init(outcome: Result<QueueOutcome, QueueError>, changes: QueueChanges) {
        self.outcome = outcome
        self.changes = changes
    }

    /// The events to append, in order.
    public var events: [QueueEvent] { changes.events }
}
