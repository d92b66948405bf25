import Foundation
import OneWindowApp

/// A scripted month of a small hall on a manual clock, from Monday 2026-11-02 09:00 Shanghai:
/// every working day new tickets for three services, calls, outcomes of every kind (completed,
/// accepted, rejected, needs more), recalls and no-shows, return visits and cancellations of
/// earlier days' open cases, ratings good and bad (some rectified days later), and a ticket
/// left waiting that expires at the rollover. A pseudo-random sequence with a fixed seed picks,
/// so every run is the same month. The daemon is restarted on the same database mid-month.
/// The hall's equality tests and the city's play it (a refused request or metrics that do not
/// catch up throw `ScriptedMonth.Failure`, which fails the test).
public final class ScriptedMonth {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let start = Date(timeIntervalSince1970: 1_793_581_200)
    public let clock = ManualClock(ScriptedMonth.start)
    public let directory: TemporaryDirectory
    public private(set) var app: TestApplication
    public let admin: String
    public let clerk: String
    public let kiosk: String
    private var seed: UInt64 = 20_261_102
    /// Cases that needed more, waiting for a return visit or a cancellation.
    private var open: [String] = []

    public var database: String { directory.path("hall.sqlite") }

    public init() throws {
        directory = try TemporaryDirectory()
        let clock = clock
        let path = directory.path("hall.sqlite")
        app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { clock.read() }
            $0.databasePath = path
        }
        admin = try app.createToken(role: .admin, name: "manager")
        clerk = try app.createToken(role: .clerk, name: "clerk", window: "1")
        kiosk = try app.createToken(role: .kiosk, name: "kiosk")
    }

    /// Stops the daemon and starts a new one on the same database (start-up reads the rollups).
    public func restart() throws {
        app.application.stop()
        let clock = clock
        let path = database
        app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { clock.read() }
            $0.databasePath = path
        }
    }

    public func stop() {
        app.stop()
        directory.remove()
    }

    private func next(_ bound: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % UInt64(bound))
    }

    @discardableResult
    private func post(_ path: String, _ token: String, _ json: String = "", _ accepted: Set<Int> = [200, 201])
        throws -> [String: Any]
    {
        let response = try app.post(path, token: token, json: json)
        guard accepted.contains(response.status) else {
            throw Failure(description: "\(path): \(response.status) \(response.text)")
        }
        return response.json
    }

    /// Plays `days` hall days (weekends too: the hall counts every day it has events).
    public func play(days: Int, restartAfter: Int) throws {
        for day in 0..<days {
            if day == restartAfter { try restart() }
            try playDay()
            guard day < days - 1 else { break }  // the last day stays today, live
            clock.advance(86_400 - clock.read().timeIntervalSince(Self.start).truncatingRemainder(dividingBy: 86_400))
        }
    }

    private func playDay() throws {
        var codes: [String: String] = [:]
        for _ in 0..<min(open.count, 1 + next(2)) {
            let caseId = open.removeFirst()
            if next(4) == 0 {
                try post("/api/v1/cases/\(caseId)/cancel", clerk, #"{"reason":"申请人撤回"}"#)
            } else {
                let reply = try post("/api/v1/tickets", kiosk, #"{"caseId":"\#(caseId)"}"#)
                let ticket = reply["ticket"] as? [String: Any] ?? reply
                codes[ticket["id"] as! String] = reply["evaluationCode"] as? String
            }
            clock.advance(Double(30 + next(90)))
        }
        let services = ["T-JZ-001", "T-HY-001", "T-JZ-002"]
        for _ in 0..<(4 + next(5)) {
            let reply = try post("/api/v1/tickets", kiosk, #"{"serviceId":"\#(services[next(3)])"}"#)
            let ticket = reply["ticket"] as? [String: Any] ?? reply
            codes[ticket["id"] as! String] = reply["evaluationCode"] as? String
            clock.advance(Double(20 + next(200)))
        }
        // Window 1 serves all but the last waiting ticket, which expires at midnight.
        for _ in 0..<(codes.count - 1) {
            clock.advance(Double(60 + next(900)))
            let called = try post("/api/v1/windows/1/call-next", clerk, "", [200, 204])
            guard let ticket = called["ticket"] as? [String: Any], let id = ticket["id"] as? String else { break }
            clock.advance(Double(30 + next(600)))
            try finish(id, caseId: ticket["caseId"] as? String, code: codes[id])
        }
        if next(3) == 0, let review = try app.application.state.storage.openBadReviews().first {
            try post("/api/v1/evaluations/\(review.id)/rectify", admin, #"{"note":"已向窗口培训"}"#)
        }
    }

    /// Ends a called visit: a no-show after recalls, or an outcome and maybe a rating.
    private func finish(_ id: String, caseId: String?, code: String?) throws {
        if next(8) == 0 {
            for _ in 0..<2 {
                try post("/api/v1/windows/1/recall", clerk)
                clock.advance(Double(10 + next(60)))
            }
            try post("/api/v1/tickets/\(id)/no-show", clerk, #"{"window":"1"}"#)
            return
        }
        let outcome = ["completed", "completed", "accepted", "rejected", "needs_more", "needs_more"][next(6)]
        let missing =
            outcome == "needs_more" ? #","missingMaterials":["m1"]"# : outcome == "rejected" ? #","note":"不符合条件""# : ""
        try post("/api/v1/tickets/\(id)/complete", clerk, #"{"window":"1","outcome":"\#(outcome)"\#(missing)}"#)
        if outcome == "needs_more", let caseId, !open.contains(caseId) { open.append(caseId) }
        guard let code, next(2) == 0 else { return }
        let rating = 1 + next(5)
        let reasons = rating <= 2 ? #","reasons":["efficiency"],"comment":"等得太久""# : ""
        try post("/api/v1/tickets/\(id)/evaluation", kiosk, #"{"rating":\#(rating),"code":"\#(code)"\#(reasons)}"#)
    }

    /// Waits (up to 5 s) until the daemon's metrics have folded every stored event.
    public func settle() throws {
        let state = app.application.state
        let last = try state.storage.lastQueueEventId()
        let deadline = Date().addingTimeInterval(5)
        while state.metrics.read(\.lastEventId) < last, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        guard state.metrics.read(\.lastEventId) == last else {
            throw Failure(description: "the metrics did not catch up within 5 s")
        }
    }
}
