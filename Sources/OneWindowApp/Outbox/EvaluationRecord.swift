import Foundation
import OneWindowCore
import OneWindowStorage

/// One record for the provincial 好差评 system, as pushed and as exported
/// (`docs/evaluation-push.schema.json`). Every field is always present; what is unknown is null.
///
/// The topic says what happened: `evaluation` (a rating, or a step of a bad review's
/// follow-up: the record then carries the follow-up as it now stands) or `case_closed`.
struct EvaluationRecord: Encodable, Sendable {
    /// The payload's version; a change that breaks a reader gets the next number.
    var schema = 1
    var topic: String
    /// 办件编号.
    var caseId: String?
    var serviceId: String
    /// 事项编码 and 事项名称, from the catalogue as it stood when the record was written.
    var serviceCode: String?
    var serviceName: String?
    /// 办理窗口 and 办理终端 (the clerk device that ended the visit), and the visit's ticket.
    var window: String?
    var terminal: String?
    var ticketNumber: String?
    var hallDay: String?
    var evaluationId: String?
    /// 评价渠道: pad, phone or kiosk (null only for ratings from before channels).
    var channel: String?
    /// 评价等级 1–5 and its name, 评价时间.
    var rating: Int?
    var level: String?
    var evaluatedAt: String?
    /// 差评原因 (`EvaluationReason` ids; empty for a good rating) and 评价内容.
    var reasons: [String]?
    var comment: String?
    /// 整改状态 (`pending`, `in_progress`, `rectified`, `visited_back`) with its Chinese name.
    var followUpState: String?
    var followUpStateName: String?
    var rectifyBy: String?
    var progressNote: String?
    /// 整改说明, 整改时间, 回访结果 and when.
    var rectification: String?
    var rectifiedAt: String?
    var visitBackResult: String?
    var visitedBackAt: String?
    /// For `case_closed`: the case's facts.
    var caseFacts: CaseFacts?

    struct CaseFacts: Encodable, Sendable {
        var state: String
        var outcome: String?
        var openedAt: String
        var endedAt: String?
        var visits: Int
    }

    static let evaluationTopic = "evaluation"
    static let caseClosedTopic = "case_closed"

    /// The record of an evaluation as it now stands.
    init(_ evaluation: Evaluation, visit: VisitFacts?, catalogue: Catalogue) {
        self.init(topic: Self.evaluationTopic, serviceId: evaluation.serviceId, visit: visit, catalogue: catalogue)
        caseId = evaluation.caseId
        hallDay = evaluation.hallDay
        evaluationId = evaluation.id
        rating = evaluation.rating
        level = Evaluation.levels[evaluation.rating]
        evaluatedAt = Timestamp.iso8601(evaluation.at)
        channel = evaluation.channel.rawValue
        reasons = evaluation.reasons
        comment = evaluation.comment
        followUpState = evaluation.followUpState?.rawValue
        followUpStateName = evaluation.followUpState?.name
        rectifyBy = evaluation.rectifyBy
        progressNote = evaluation.progressNote
        rectification = evaluation.rectification
        rectifiedAt = evaluation.rectifiedAt.map(Timestamp.iso8601)
        visitBackResult = evaluation.visitBackResult
        visitedBackAt = evaluation.visitedBackAt.map(Timestamp.iso8601)
    }

    /// The record of a case that closed, with the visit that closed it.
    init(closed record: CaseRecord, visit: VisitFacts?, catalogue: Catalogue) {
        self.init(topic: Self.caseClosedTopic, serviceId: record.serviceId, visit: visit, catalogue: catalogue)
        caseId = record.id
        hallDay = visit?.ticket.hallDay
        caseFacts = CaseFacts(
            state: record.state.rawValue, outcome: visit?.ticket.outcome, openedAt: Timestamp.iso8601(record.openedAt),
            endedAt: record.endedAt.map(Timestamp.iso8601), visits: record.visits)
    }

    private init(topic: String, serviceId: String, visit: VisitFacts?, catalogue: Catalogue) {
        self.topic = topic
        self.serviceId = serviceId
        let service = catalogue.service(id: serviceId)
        serviceCode = service?.code
        serviceName = service?.name
        window = visit?.ticket.window
        terminal = visit?.terminal
        ticketNumber = visit?.ticket.number
    }

    /// The JSON as pushed and as one NDJSON line: keys sorted, nulls written out.
    func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
