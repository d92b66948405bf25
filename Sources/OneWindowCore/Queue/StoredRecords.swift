/// What a command names and the queue does not hold in memory (a case closed long ago, any
/// evaluation), as read from the database by the caller before the command is applied.
public struct StoredRecords: Sendable {
    public var caseRecord: CaseRecord?
    public var evaluation: Evaluation?
    /// The open cases of services the catalogue renamed (`moveToReplacements`).
    public var openCases: [CaseRecord]

    public init(caseRecord: CaseRecord? = nil, evaluation: Evaluation? = nil, openCases: [CaseRecord] = []) {
        self.caseRecord = caseRecord
        self.evaluation = evaluation
        self.openCases = openCases
    }
}
