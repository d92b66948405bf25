import Foundation
import GRDB
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// A hall for the rating tests: a database the test can reach (to make a write fail), a hall
/// clock, a kiosk, and a clerk terminal and a pad at each of the fixture's two windows.
struct RatingHall {
    let app: TestApplication
    let pool: DatabasePool
    let clock: ManualClock
    let kiosk: String
    let clerks: [String: String]
    let pads: [String: String]

    init() throws {
        let directory = try TemporaryDirectory()
        pool = try DatabasePool(path: directory.path("ratings.sqlite"), configuration: Storage.configuration())
        let storage = try Storage(writer: pool)
        clock = ManualClock(Date(timeIntervalSince1970: 1_795_744_800))  // Friday 2026-11-27, 10:00 in Shanghai
        let clock = clock
        app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.storage = storage
            $0.clock = { clock.read() }
        }
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerks = [
            "1": try app.createToken(role: .clerk, name: "clerk-1", window: "1"),
            "2": try app.createToken(role: .clerk, name: "clerk-2", window: "2"),
        ]
        pads = [
            "1": try app.createToken(role: .pad, name: "pad-1", window: "1"),
            "2": try app.createToken(role: .pad, name: "pad-2", window: "2"),
        ]
    }

    /// A ticket issued, called to `window` and completed there; the issue answer (with its code).
    func visit(window: String = "1", service: String = "T-JZ-001") throws -> [String: Any] {
        let ticket = try app.issue(token: kiosk, service: service).json
        let clerk = clerks[window]!
        _ = try app.post("/api/v1/windows/\(window)/call-next", token: clerk, json: "")
        let done = try app.post(
            "/api/v1/tickets/\(ticket["id"] as! String)/complete", token: clerk,
            json: #"{"window":"\#(window)","outcome":"completed"}"#)
        #expect(done.status == 200, "\(done.text)")
        return ticket
    }

    func rate(_ reference: String, token: String, json: String) throws -> TestResponse {
        try app.post("/api/v1/tickets/\(reference)/evaluation", token: token, json: json)
    }

    /// What a refusal must leave alone: the event log and the stored evaluations.
    func recorded() throws -> (events: Int, evaluations: Int) {
        let storage = app.application.state.storage
        return (
            try storage.queueEventsWithTickets(after: 0, limit: 100_000).count, try storage.evaluations(bad: nil).count
        )
    }
}

/// A suite on a `RatingHall`: its parts and helpers by their short names.
protocol RatingHallTests {
    var hall: RatingHall { get }
}

extension RatingHallTests {
    var app: TestApplication { hall.app }
    var pool: DatabasePool { hall.pool }
    var clock: ManualClock { hall.clock }
    var kiosk: String { hall.kiosk }
    var clerks: [String: String] { hall.clerks }
    var pads: [String: String] { hall.pads }

    func visit(window: String = "1", service: String = "T-JZ-001") throws -> [String: Any] {
        try hall.visit(window: window, service: service)
    }

    func rate(_ reference: String, token: String, json: String) throws -> TestResponse {
        try hall.rate(reference, token: token, json: json)
    }

    func recorded() throws -> (events: Int, evaluations: Int) {
        try hall.recorded()
    }
}
