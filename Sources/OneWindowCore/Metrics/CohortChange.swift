/// Cases of one cohort (the hall day of their first visit) that closed at a later visit, or
/// were cancelled, on some later day.
public struct CohortChange: Sendable, Equatable {
    public var closedLater = 0
    public var cancelled = 0
    /// Calendar days from opening to closing of the cases closed later.
    public var daysToClose: [Int: Int] = [:]

    public init() {}

    public mutating func add(_ other: CohortChange) {
        closedLater += other.closedLater
        cancelled += other.cancelled
        daysToClose.merge(other.daysToClose, uniquingKeysWith: +)
    }
}
