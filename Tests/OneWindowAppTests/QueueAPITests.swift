import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

/// Tickets and the call flow over real HTTP, with device tokens.
@Suite("The queue API over HTTP", .timeLimit(.minutes(2)))
struct QueueAPITests {
    let app: TestApplication
    let kiosk: String
    let clerk: String
    /// The clerk terminal of window 2: a clerk token acts only at its own window.
    let clerk2: String
    let admin: String

    init() throws {
        app = try TestApplication(catalogue: Fixtures.validCatalogue)
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerk = try app.createToken(role: .clerk, name: "clerk-1", window: "1")
        clerk2 = try app.createToken(role: .clerk, name: "clerk-2", window: "2")
        admin = try app.createToken(role: .admin, name: "admin")
    }

    /// POSTs `body` as JSON, or nothing when it is empty (the window actions take no body).
    func post(_ path: String, token: String?, _ body: [String: Any] = [:], headers: [String: String] = [:]) throws
        -> TestResponse
    {
        var all = headers
        if let token { all["Authorization"] = "Bearer \(token)" }
        guard !body.isEmpty else { return try app.client.send("POST", path, headers: all) }
        all["Content-Type"] = "application/json"
        return try app.client.send("POST", path, headers: all, body: JSONSerialization.data(withJSONObject: body))
    }

    func issue(_ service: String, priority: Bool = false, key: String? = nil) throws -> [String: Any] {
        let response = try post(
            "/api/v1/tickets", token: kiosk, ["serviceId": service, "priority": priority],
            headers: key.map { ["Idempotency-Key": $0] } ?? [:])
        #expect(response.status == 201, "\(response.text)")
        return response.json
    }

    func ticket(_ response: TestResponse) -> [String: Any] { response.json["ticket"] as? [String: Any] ?? [:] }

    @Test("a kiosk takes a ticket: 201 with number, state, place and estimate; anyone can read it")
    func issueTicket() throws {
        defer { app.stop() }
        let first = try issue("T-JZ-001")
        #expect(first["number"] as? String == "C001")
        #expect(first["status"] as? String == "waiting")
        #expect(first["priority"] as? Bool == false)
        #expect(first["ahead"] as? Int == 0)
        #expect(first["estimatedWaitSeconds"] as? Int == 0)
        #expect(first["estimatedWaitMinutes"] as? Int == 1, "a waiting ticket is told at least a minute")
        #expect(first["issuedAt"] as? String != nil)
        let second = try issue("T-JZ-002")
        #expect(second["number"] as? String == "C002")
        #expect(second["ahead"] as? Int == 1)
        #expect(second["estimatedWaitSeconds"] as? Int == 300 && second["estimatedWaitMinutes"] as? Int == 5)
        #expect(try issue("T-HY-001")["number"] as? String == "A001")
        let read = try app.client.get("/api/v1/tickets/\(second["id"] as! String)")
        #expect(read.status == 200)
        #expect(read.json["number"] as? String == "C002")
        #expect(try app.client.get("/api/v1/tickets/nope").errorCode == "ticket_not_found")
    }

    @Test("a missing, unknown or revoked token is 401; a token of the wrong role is 403")
    func roles() throws {
        app.stop()
        // The token cache off, so the revocation at the end shows at once.
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.tokenCacheSeconds = 0 }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        let clerk = try app.createToken(role: .clerk, name: "clerk-1")
        let admin = try app.createToken(role: .admin, name: "admin")
        func post(_ path: String, token: String?, _ body: [String: Any] = [:]) throws -> TestResponse {
            var headers: [String: String] = [:]
            if let token { headers["Authorization"] = "Bearer \(token)" }
            guard !body.isEmpty else { return try app.client.send("POST", path, headers: headers) }
            headers["Content-Type"] = "application/json"
            return try app.client.send(
                "POST", path, headers: headers, body: JSONSerialization.data(withJSONObject: body))
        }
        let body = ["serviceId": "T-JZ-001"]
        let missing = try post("/api/v1/tickets", token: nil, body)
        #expect(missing.status == 401 && missing.errorCode == "unauthorized")
        #expect(missing.headers["www-authenticate"] == "Bearer realm=\"onewindow\"")
        #expect(try post("/api/v1/tickets", token: "ow_unknown", body).status == 401)
        #expect(try post("/api/v1/tickets", token: clerk, body).status == 403)
        #expect(try post("/api/v1/windows/1/call-next", token: kiosk).status == 403)
        #expect(try post("/api/v1/tickets", token: admin, body).status == 201)
        #expect(try post("/api/v1/hall/close-day", token: clerk).status == 403)
        _ = try app.application.state.storage.revokeDeviceToken(name: "kiosk-1", at: Date())
        #expect(try post("/api/v1/tickets", token: kiosk, body).status == 401)
    }

    @Test("a repeated Idempotency-Key returns the same ticket, never a new number")
    func idempotency() throws {
        defer { app.stop() }
        let first = try issue("T-JZ-001", key: "kiosk-1:0001")
        let again = try issue("T-JZ-001", key: "kiosk-1:0001")
        #expect(again["id"] as? String == first["id"] as? String)
        #expect(again["number"] as? String == "C001")
        #expect(try issue("T-JZ-001", key: "kiosk-1:0002")["number"] as? String == "C002")
    }

    @Test("bad ticket requests: unknown service 404, bad body 400 naming the field, no open window 422")
    func issueErrors() throws {
        defer { app.stop() }
        let unknown = try post("/api/v1/tickets", token: kiosk, ["serviceId": "NOPE"])
        #expect(unknown.status == 404 && unknown.errorCode == "service_not_found")
        let missing = try post("/api/v1/tickets", token: kiosk, ["priority": true])
        #expect(missing.status == 400 && missing.errorCode == "malformed_body")
        #expect(missing.json["error"].map { "\($0)" }?.contains("serviceId") == true)
        let wrongType = try post("/api/v1/tickets", token: kiosk, ["serviceId": "T-JZ-001", "priority": "yes"])
        #expect(wrongType.status == 400)
        #expect(wrongType.json["error"].map { "\($0)" }?.contains("priority") == true)
        #expect(try post("/api/v1/windows/1/pause", token: clerk).status == 200)
        let closed = try post("/api/v1/tickets", token: kiosk, ["serviceId": "T-JZ-001"])
        #expect(closed.status == 422 && closed.errorCode == "service_not_served")
        // The marriage item is still served by the specialised window 2.
        #expect(try post("/api/v1/tickets", token: kiosk, ["serviceId": "T-HY-001"]).status == 201)
    }

    @Test("the call flow: call-next, recall, no-show after 3 calls, complete, 204 when nothing waits")
    func callFlow() throws {
        defer { app.stop() }
        #expect(try post("/api/v1/windows/1/call-next", token: clerk).status == 204)
        let normal = try issue("T-JZ-001")
        let urgent = try issue("T-JZ-002", priority: true)
        let called = try post("/api/v1/windows/1/call-next", token: clerk)
        #expect(called.status == 200)
        #expect(ticket(called)["id"] as? String == urgent["id"] as? String)
        #expect(ticket(called)["status"] as? String == "called")
        #expect(ticket(called)["window"] as? String == "1")
        #expect(ticket(called)["callCount"] as? Int == 1)
        let id = urgent["id"] as! String
        let early = try post("/api/v1/tickets/\(id)/no-show", token: clerk, ["window": "1"])
        #expect(early.status == 409 && early.errorCode == "too_few_calls")
        #expect(ticket(try post("/api/v1/windows/1/recall", token: clerk))["callCount"] as? Int == 2)
        #expect(ticket(try post("/api/v1/windows/1/recall", token: clerk))["callCount"] as? Int == 3)
        let gone = try post("/api/v1/tickets/\(id)/no-show", token: clerk, ["window": "1"])
        #expect(ticket(gone)["status"] as? String == "no_show")
        let next = try post("/api/v1/windows/1/call-next", token: clerk)
        #expect(ticket(next)["id"] as? String == normal["id"] as? String)
        let done = try post(
            "/api/v1/tickets/\(normal["id"] as! String)/complete", token: clerk,
            ["window": "1", "outcome": "completed"])
        #expect(ticket(done)["status"] as? String == "completed")
        #expect(ticket(done)["outcome"] as? String == "completed")
        let windows = try app.client.get("/api/v1/windows").json["windows"] as? [[String: Any]]
        #expect(windows?.first?["currentTicket"] == nil)
        let queue = try app.client.get("/api/v1/queue").json
        #expect((queue["lastCalls"] as? [[String: Any]])?.count == 2)
    }

    @Test("illegal transitions are 409 with a code naming the state")
    func illegalTransitions() throws {
        defer { app.stop() }
        let waiting = try issue("T-HY-001")
        let id = waiting["id"] as! String
        let complete = try post(
            "/api/v1/tickets/\(id)/complete", token: clerk, ["window": "1", "outcome": "completed"])
        #expect(complete.status == 409 && complete.errorCode == "ticket_waiting")
        #expect(try post("/api/v1/windows/1/recall", token: clerk).errorCode == "no_current_ticket")
        _ = try issue("T-HY-001")
        #expect(try post("/api/v1/windows/2/call-next", token: clerk2).status == 200)
        let busy = try post("/api/v1/windows/2/call-next", token: clerk2)
        #expect(busy.status == 409 && busy.errorCode == "window_busy")
        let other = try post("/api/v1/tickets/\(id)/complete", token: clerk, ["window": "1", "outcome": "completed"])
        #expect(other.status == 409 && other.errorCode == "ticket_at_other_window")
        let outcome = try post("/api/v1/tickets/\(id)/complete", token: clerk2, ["window": "2", "outcome": "nonsense"])
        #expect(outcome.status == 400)
        // A window that does not exist is not the clerk's own; only an admin learns it does not exist.
        #expect(try post("/api/v1/windows/9/call-next", token: clerk).errorCode == "wrong_window")
        #expect(try post("/api/v1/windows/9/call-next", token: admin).errorCode == "window_not_found")
        #expect(try post("/api/v1/windows/1/pause", token: clerk).status == 200)
        #expect(try post("/api/v1/windows/1/call-next", token: clerk).errorCode == "window_paused")
        #expect(try post("/api/v1/windows/1/resume", token: clerk).status == 200)
    }

    @Test("transfer sends the ticket to another service without sending it to the back")
    func transfer() throws {
        defer { app.stop() }
        let first = try issue("T-JZ-001")
        _ = try issue("T-HY-001")
        _ = try post("/api/v1/windows/1/call-next", token: clerk)
        let moved = try post(
            "/api/v1/tickets/\(first["id"] as! String)/transfer", token: clerk,
            ["window": "1", "serviceId": "T-HY-001"])
        #expect(ticket(moved)["status"] as? String == "waiting")
        #expect(ticket(moved)["serviceId"] as? String == "T-HY-001")
        #expect(ticket(moved)["issuedAt"] as? String == first["issuedAt"] as? String)
        #expect(ticket(try post("/api/v1/windows/2/call-next", token: clerk2))["number"] as? String == "C001")
    }

    @Test("close-day expires open tickets; every change is in the append-only event log")
    func closeDayAndEvents() throws {
        defer { app.stop() }
        _ = try issue("T-JZ-001")
        _ = try issue("T-JZ-002")
        _ = try post("/api/v1/windows/1/call-next", token: clerk)
        let closed = try post("/api/v1/hall/close-day", token: admin)
        #expect(closed.json["expired"] as? Int == 2)
        let events = try app.application.state.storage.queueEvents().map(\.event).filter(\.kind.isQueueEvent)
        #expect(events.map(\.kind) == [.issued, .issued, .called, .expired, .expired])
        #expect(events.first?.actor == "kiosk-1")
        #expect(events[2].actor == "clerk-1" && events[2].window == "1")
        #expect(events.last?.actor == "admin")
    }

    @Test("8 clerks at 8 windows calling at once never get the same ticket, and every ticket is called")
    func concurrentCalls() throws {
        app.stop()
        // The fixture with eight comprehensive windows, all serving one shared queue.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue)))
            as! [String: Any]
        var hall = document["hall"] as! [String: Any]
        hall["windows"] = (1...8).map { ["id": "\($0)", "name": "\($0)号综合窗口", "kind": "comprehensive"] }
        document["hall"] = hall
        let path = directory.path("eight.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        let hallApp = try TestApplication(catalogue: path)
        defer { hallApp.stop() }
        let kioskToken = try hallApp.createToken(role: .kiosk, name: "kiosk")
        let clerkToken = try hallApp.createToken(role: .clerk, name: "clerks")
        let client = hallApp.client
        @Sendable func post(_ path: String, _ token: String, _ body: [String: String]? = nil) -> TestResponse? {
            var headers = ["Authorization": "Bearer \(token)"]
            guard let body else { return try? client.send("POST", path, headers: headers) }
            headers["Content-Type"] = "application/json"
            return try? client.send("POST", path, headers: headers, body: JSONSerialization.data(withJSONObject: body))
        }
        var issued: Set<String> = []
        for index in 0..<160 {
            let service = ["T-JZ-001", "T-JZ-002", "T-HY-001"][index % 3]
            let response = try #require(post("/api/v1/tickets", kioskToken, ["serviceId": service]))
            issued.insert(try #require(response.json["id"] as? String))
        }
        let calls = CallLog()
        let group = DispatchGroup()
        for window in 1...8 {
            group.enter()
            Thread {
                defer { group.leave() }
                for _ in 0..<400 {
                    guard let response = post("/api/v1/windows/\(window)/call-next", clerkToken) else { continue }
                    if response.status == 204 { return }
                    guard response.status == 200, let id = (response.json["ticket"] as? [String: Any])?["id"] as? String
                    else { continue }
                    calls.add(id)
                    _ = post(
                        "/api/v1/tickets/\(id)/complete", clerkToken, ["window": "\(window)", "outcome": "completed"])
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(calls.ids.count == Set(calls.ids).count, "a ticket was called twice")
        #expect(Set(calls.ids) == issued)
        let tickets = try hallApp.application.state.storage.tickets(day: hallApp.application.state.queue.read(\.day))
        #expect(tickets.count == 160 && tickets.allSatisfy { $0.status == .completed })
    }
}

/// Ticket ids called, from many threads.
final class CallLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func add(_ id: String) { lock.withLock { stored.append(id) } }
    var ids: [String] { lock.withLock { stored } }
}
