import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

/// A clerk terminal acts only at its own window; an admin anywhere, under its own name; a
/// clerk token from before tokens were bound to windows opens nothing.
@Suite("Window-bound device tokens", .timeLimit(.minutes(2)))
struct WindowAccessTests {
    let app: TestApplication
    let kiosk: String
    let clerk1: String
    let clerk2: String
    let admin: String

    init() throws {
        app = try TestApplication(catalogue: Fixtures.validCatalogue)
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerk1 = try app.createToken(role: .clerk, name: "clerk-1", window: "1")
        clerk2 = try app.createToken(role: .clerk, name: "clerk-2", window: "2")
        admin = try app.createToken(role: .admin, name: "manager")
    }

    /// The event log and the windows as the API shows them: what a refusal must leave alone.
    func snapshot() throws -> (events: Int, windows: String) {
        (
            try app.application.state.storage.queueEventsWithTickets(after: 0, limit: 100_000).count,
            try app.client.get("/api/v1/windows").text
        )
    }

    @Test("a clerk of window 1 cannot call, recall, pause, resume, complete, transfer or mark a no-show at window 2")
    func otherWindowRefused() throws {
        defer { app.stop() }
        let ticket = try app.issue(token: kiosk, service: "T-HY-001").json
        let id = ticket["id"] as! String
        #expect(try app.post("/api/v1/windows/2/call-next", token: clerk2, json: "").status == 200)
        let before = try snapshot()
        for action in ["call-next", "recall", "pause", "resume"] {
            let refused = try app.post("/api/v1/windows/2/\(action)", token: clerk1, json: "")
            #expect(refused.status == 403 && refused.errorCode == "wrong_window", "\(action): \(refused.text)")
            #expect(refused.text.contains("clerk-1") && refused.text.contains("window 1"))
        }
        let bodies = [
            "complete": #"{"window":"2","outcome":"rejected","note":"x"}"#,
            "transfer": #"{"window":"2","serviceId":"T-JZ-001"}"#,
            "no-show": #"{"window":"2"}"#,
        ]
        for (action, body) in bodies {
            let refused = try app.post("/api/v1/tickets/\(id)/\(action)", token: clerk1, json: body)
            #expect(refused.status == 403 && refused.errorCode == "wrong_window", "\(action): \(refused.text)")
        }
        // Naming its own window does not reach a ticket called to window 2 either.
        let own = try app.post(
            "/api/v1/tickets/\(id)/complete", token: clerk1, json: #"{"window":"1","outcome":"completed"}"#)
        #expect(own.status == 409 && own.errorCode == "ticket_at_other_window", "\(own.text)")
        let after = try snapshot()
        #expect(after.events == before.events && after.windows == before.windows)
        #expect(try app.client.get("/api/v1/tickets/\(id)").json["status"] as? String == "called")
    }

    @Test("an admin acts at any window, and the event log names the admin device")
    func adminAnywhere() throws {
        defer { app.stop() }
        _ = try app.issue(token: kiosk, service: "T-HY-001")
        let called = try app.post("/api/v1/windows/2/call-next", token: admin, json: "")
        #expect(called.status == 200, "\(called.text)")
        #expect(try app.post("/api/v1/windows/1/pause", token: admin, json: "").status == 200)
        let events = try app.application.state.storage.queueEventsWithTickets(after: 0, limit: 100).map(\.0.event)
        #expect(events.first { $0.kind == .called }?.actor == "manager")
        #expect(events.first { $0.kind == .paused }?.actor == "manager")
    }

    @Test("the access log names the device of each request: an admin's acts and a clerk's refusal")
    func accessLogNamesTheDevice() throws {
        let log = CapturedLog()
        let app = try TestApplication(catalogue: Fixtures.validCatalogue, logger: log.logger())
        defer { app.stop() }
        let admin = try app.createToken(role: .admin, name: "manager")
        let clerk = try app.createToken(role: .clerk, name: "clerk-1", window: "1")
        #expect(try app.post("/api/v1/windows/2/pause", token: admin, json: "").status == 200)
        #expect(try app.post("/api/v1/windows/2/resume", token: clerk, json: "").status == 403)
        var lines: [CapturedLog.Line] = []
        for _ in 0..<200 where lines.count < 2 {
            lines = log.all.filter { $0.message == "request" && $0.metadata["device"] != nil }
            if lines.count < 2 { Thread.sleep(forTimeInterval: 0.01) }
        }
        let byAdmin = lines.first { $0.metadata["device"] == "manager" }
        #expect(byAdmin?.metadata["route"] == "/api/v1/windows/{window}/pause" && byAdmin?.metadata["status"] == "200")
        let refused = lines.first { $0.metadata["device"] == "clerk-1" }
        #expect(refused?.metadata["status"] == "403", "\(lines)")
    }

    @Test("a clerk token without a window is refused with 403 token_unbound, which says how to mend it")
    func unboundClerkRefused() throws {
        defer { app.stop() }
        let token = DeviceTokens.generate()
        try app.application.state.storage.createDeviceToken(
            name: "old-clerk", role: .clerk, tokenHash: DeviceTokens.hash(token), at: Date())
        _ = try app.issue(token: kiosk, service: "T-JZ-001")
        let before = try snapshot()
        let refused = try app.post("/api/v1/windows/1/call-next", token: token, json: "")
        #expect(refused.status == 403 && refused.errorCode == "token_unbound", "\(refused.text)")
        #expect(refused.text.contains("--window"))
        let read = try app.client.get("/api/v1/cases/X", headers: ["Authorization": "Bearer \(token)"])
        #expect(read.errorCode == "token_unbound")
        #expect(try snapshot().events == before.events)
    }

    @Test("the daemon warns at start-up of a clerk token that belongs to no window")
    func startUpWarning() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("onewindow.sqlite")
        try Storage(path: database).createDeviceToken(name: "old-clerk", role: .clerk, tokenHash: "h", at: Date())
        let daemon = try DaemonProcess(arguments: ["--catalogue", Fixtures.validCatalogue, "--database", database])
        defer {
            daemon.signal(SIGTERM)
            _ = daemon.waitForExit()
        }
        #expect(daemon.waitForLog("old-clerk"), "no warning in: \(daemon.log)")
        #expect(daemon.log.contains("belongs to no window"))
    }
}
