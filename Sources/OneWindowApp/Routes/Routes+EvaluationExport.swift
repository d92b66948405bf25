import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// `GET /api/v1/evaluations/export`: the evaluations of a range of hall days, each as the
    /// push's record, for halls that upload files to the provincial system instead.
    static func evaluationExport(_ state: AppState) -> [Route] {
        [
            Route("GET", "/api/v1/evaluations/export", access: .admin, query: ["from", "to", "format"]) { request in
                let from = try hallDay(request, "from")
                let to = try hallDay(request, "to")
                guard from <= to else { throw HTTPError(.invalidParameter, "from must not be after to") }
                let days = WorkingDays.date(to)!.timeIntervalSince(WorkingDays.date(from)!) / 86_400
                guard days < 366 else { throw HTTPError(.invalidParameter, "the range is at most 366 days") }
                let format = try request.queryValue("format") ?? "ndjson"
                guard format == "ndjson" || format == "csv" else {
                    throw HTTPError(.invalidParameter, "format must be ndjson or csv, found “\(format)”")
                }
                let catalogue = state.catalogue.published
                let rows: [EvaluationRecord]
                do {
                    rows = try state.storage.evaluationsWithVisits(from: from, to: to).map {
                        EvaluationRecord($0.0, visit: $0.1, catalogue: catalogue)
                    }
                } catch {
                    throw HTTPError(.storageUnavailable, "the evaluations cannot be read now; try again")
                }
                let name = "onewindow-evaluations-\(from)-\(to).\(format)"
                let body: Data
                let type: String
                if format == "csv" {
                    body = CSVText.document([EvaluationRecord.csvHeaders] + rows.map(\.csvRow))
                    type = "text/csv; charset=utf-8"
                } else {
                    body = rows.reduce(into: Data()) { data, row in
                        data.append(row.json())
                        data.append(0x0A)
                    }
                    type = "application/x-ndjson"
                }
                return Response(
                    status: 200,
                    headers: [
                        "Content-Type": type, "Content-Disposition": "attachment; filename=\"\(name)\"",
                        "Cache-Control": "no-store",
                    ],
                    body: body)
            }
        ]
    }
}

extension EvaluationRecord {
    /// The CSV's columns: the JSON record's keys, in its order (the case's facts are not in an
    /// export of evaluations).
    static let csvHeaders = [
        "schema", "topic", "caseId", "serviceId", "serviceCode", "serviceName", "window", "terminal", "ticketNumber",
        "hallDay", "evaluationId", "channel", "rating", "level", "evaluatedAt", "reasons", "comment", "followUpState",
        "followUpStateName", "rectifyBy", "progressNote", "rectification", "rectifiedAt", "visitBackResult",
        "visitedBackAt",
    ]

    var csvRow: [String] {
        [
            String(schema), topic, caseId ?? "", serviceId, serviceCode ?? "", serviceName ?? "", window ?? "",
            terminal ?? "", ticketNumber ?? "", hallDay ?? "", evaluationId ?? "", channel ?? "",
            rating.map(String.init) ?? "", level ?? "", evaluatedAt ?? "", reasons?.joined(separator: ";") ?? "",
            comment ?? "", followUpState ?? "", followUpStateName ?? "", rectifyBy ?? "", progressNote ?? "",
            rectification ?? "", rectifiedAt ?? "", visitBackResult ?? "", visitedBackAt ?? "",
        ]
    }
}
