import Foundation
import OneWindowTesting
import Testing

/// `GET /api/v1/evaluations/export`: the push's records as a file, for halls that upload.
@Suite("The evaluations export", .timeLimit(.minutes(2)))
struct EvaluationExportTests {
    let hall: OutboxPushTests.Hall
    let receiver: PushReceiver

    init() throws {
        receiver = try PushReceiver()
        hall = try OutboxPushTests.Hall(pushingTo: receiver.port)
    }

    func stop() {
        hall.app.stop()
        receiver.stop()
    }

    func export(_ query: String, token: String? = nil) throws -> TestResponse {
        try hall.app.client.get(
            "/api/v1/evaluations/export?\(query)", headers: ["Authorization": "Bearer \(token ?? hall.admin)"])
    }

    @Test("NDJSON gives one record per evaluation of the range, the push's shape, with the follow-up as it stands")
    func ndjson() throws {
        defer { stop() }
        let day = hall.app.application.state.queue.read(\.day)
        let bad = try hall.rate(try hall.visit(), 1).json["evaluation"] as? [String: Any]
        _ = try hall.rate(try hall.visit(), 5, comment: "很好")
        _ = try hall.followUp(bad?["id"] as! String, "rectified", "已培训")
        let response = try export("from=\(day)&to=\(day)")
        #expect(
            response.status == 200 && response.headers["content-type"] == "application/x-ndjson", "\(response.text)")
        #expect(response.headers["content-disposition"]?.contains("onewindow-evaluations-\(day)-\(day).ndjson") == true)
        let lines = response.text.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]
        }
        #expect(lines.count == 2)
        let schema = try PushRecordSchema.load()
        for line in lines { #expect(PushRecordSchema.problems(line, schema: schema).isEmpty, "\(line)") }
        #expect(lines.map { $0["rating"] as? Int } == [1, 5])
        #expect(lines[0]["followUpState"] as? String == "rectified" && lines[0]["rectification"] as? String == "已培训")
        #expect(lines[1]["followUpState"] is NSNull && lines[1]["terminal"] as? String == "柜台终端-1")
        let empty = try export("from=2020-01-01&to=2020-01-31")
        #expect(empty.status == 200 && empty.text.isEmpty)
    }

    @Test("CSV has a byte-order mark, the record's keys as header, and no cell a spreadsheet would run")
    func csv() throws {
        defer { stop() }
        let day = hall.app.application.state.queue.read(\.day)
        _ = try hall.rate(try hall.visit(), 2, comment: "=HYPERLINK(\\\"http://x\\\")")
        _ = try hall.rate(try hall.visit(), 1, comment: "\\t=1+1")
        _ = try hall.rate(try hall.visit(), 2, comment: "@SUM(A1)")
        let response = try export("from=\(day)&to=\(day)&format=csv")
        #expect(response.status == 200 && response.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(response.body.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark for Excel")
        let rows = response.text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n")
        #expect(rows[0].hasPrefix("schema,topic,caseId,serviceId,serviceCode,serviceName,window,terminal"))
        #expect(rows.count == 5 && rows[4].isEmpty, "a header, three rows, a final CRLF: \(rows)")
        #expect(rows[1].contains(#""'=HYPERLINK(""http://x"")""#), "\(rows[1])")
        // The comment is trimmed when stored, so its TAB is gone and `=` leads.
        #expect(rows[2].contains(",'=1+1,"), "\(rows[2])")
        #expect(rows[3].contains("'@SUM(A1)"), "\(rows[3])")
        #expect(rows[1].contains("11210200TEST0001,最低生活保障,1,柜台终端-1"), "\(rows[1])")
    }

    @Test("a missing or malformed date, a reversed or too long range, an unknown format or token are refused")
    func hostile() throws {
        defer { stop() }
        #expect(try export("to=2026-11-01").errorCode == "invalid_parameter")
        #expect(try export("from=2026-13-01&to=2026-12-01").errorCode == "invalid_parameter")
        #expect(try export("from=2026-12-02&to=2026-12-01").errorCode == "invalid_parameter")
        #expect(try export("from=2024-01-01&to=2026-12-01").errorCode == "invalid_parameter")
        #expect(try export("from=2026-12-01&to=2026-12-01&format=xlsx").errorCode == "invalid_parameter")
        #expect(try export("from=2026-12-01&to=2026-12-01&sort=x").status == 400)
        #expect(try export("from=2026-12-01&to=2026-12-01", token: hall.clerk).status == 403)
        #expect(try export("from=2026-12-01&to=2026-12-01", token: "ow_wrong").status == 401)
        #expect(try hall.app.client.get("/api/v1/evaluations/export?from=2026-12-01&to=2026-12-01").status == 401)
    }
}
