import Foundation
import OneWindowTesting
import Testing

/// A short hall day for the manager's tests, on Friday 2026-11-27 from 09:00 Shanghai, with
/// answers worked out by hand. 最低生活保障 (T-JZ-001): C001 issued at 0 s and C002 at 60 s;
/// window 1 calls C001 at 300 s and ends it at 600 s needing 家庭收入证明 (m2), calls C002 at
/// 600 s and completes it at 900 s. So 2 issued, 2 served, waits 300 and 540 s (mean 420, median
/// 300, p90 540), service 300 s each, 1 case closed in one visit, 1 open, ratings 5 (C001) and
/// 2 (C002, a bad review due in 15 working days). 内地居民结婚登记 (T-HY-001): A001 issued at
/// 120 s, called at 900 s to window 2, recalled twice and a no-show at 1080 s (its wait of 780 s
/// counts: every first call does). The cohort of 最低生活保障: 2 first visits, 1 closed at once,
/// 1 open (50 %, where the closed cases alone would say 100 %).
struct ManagerDay {
    static let day = "2026-11-27"
    let clock: ManualClock
    let app: TestApplication
    let admin: String
    let clerk: String
    let kiosk: String

    /// - Parameter hall: the hall's id in the city (`--hall-id`), the `hall` label of /metrics.
    init(database: String? = nil, hall: String? = nil) throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_741_200))
        self.clock = clock
        app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { clock.read() }
            if let database { $0.databasePath = database }
            $0.hallId = hall
        }
        admin = try app.createToken(role: .admin, name: "manager")
        clerk = try app.createToken(role: .clerk, name: "clerk", window: "1")
        let clerk2 = try app.createToken(role: .clerk, name: "clerk-2", window: "2")
        kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        var at = 0.0
        func time(_ seconds: Double) {
            clock.advance(seconds - at)
            at = seconds
        }
        func post(_ path: String, _ token: String, _ json: String = "") throws -> [String: Any] {
            let response = try app.post(path, token: token, json: json)
            #expect((200..<300).contains(response.status), "\(path): \(response.text)")
            return response.json
        }
        func id(_ reply: [String: Any]) -> String { (reply["ticket"] as? [String: Any] ?? reply)["id"] as! String }
        time(0)
        let c1Issued = try post("/api/v1/tickets", kiosk, #"{"serviceId":"T-JZ-001"}"#)
        let c1 = id(c1Issued)
        time(60)
        let c2Issued = try post("/api/v1/tickets", kiosk, #"{"serviceId":"T-JZ-001"}"#)
        let c2 = id(c2Issued)
        time(120)
        let a1 = id(try post("/api/v1/tickets", kiosk, #"{"serviceId":"T-HY-001"}"#))
        time(300)
        _ = try post("/api/v1/windows/1/call-next", clerk)
        time(600)
        _ = try post(
            "/api/v1/tickets/\(c1)/complete", clerk, #"{"window":"1","outcome":"needs_more","missingMaterials":["m2"]}"#
        )
        _ = try post("/api/v1/windows/1/call-next", clerk)
        time(900)
        _ = try post("/api/v1/tickets/\(c2)/complete", clerk, #"{"window":"1","outcome":"completed"}"#)
        _ = try post("/api/v1/windows/2/call-next", clerk2)
        time(960)
        _ = try post("/api/v1/windows/2/recall", clerk2)
        time(1020)
        _ = try post("/api/v1/windows/2/recall", clerk2)
        time(1080)
        _ = try post("/api/v1/tickets/\(a1)/no-show", clerk2, #"{"window":"2"}"#)
        // Rated at the kiosk with the codes printed on the receipts.
        let code1 = c1Issued["evaluationCode"] as? String ?? ""
        let code2 = c2Issued["evaluationCode"] as? String ?? ""
        _ = try post("/api/v1/tickets/\(c1)/evaluation", kiosk, #"{"rating":5,"code":"\#(code1)"}"#)
        _ = try post(
            "/api/v1/tickets/\(c2)/evaluation", kiosk,
            #"{"rating":2,"reasons":["efficiency"],"comment":"等得太久","code":"\#(code2)"}"#)
        // Observers hear a group a moment after its answers: wait until the metrics have it all.
        let state = app.application.state
        let last = try state.storage.lastQueueEventId()
        let deadline = Date().addingTimeInterval(5)
        while state.metrics.read(\.lastEventId) < last, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }
}
