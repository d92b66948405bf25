import Foundation
import OneWindowTesting
import Testing

/// The board's event stream and page.
@Suite("Display board events", .timeLimit(.minutes(2)))
struct EventStreamTests {
    let app: TestApplication
    let kiosk: String
    let clerk: String

    init() throws {
        app = try TestApplication(catalogue: Fixtures.validCatalogue)
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerk = try app.createToken(role: .clerk, name: "clerk-1")
    }

    func issue(_ service: String) throws -> String {
        let response = try app.client.send(
            "POST", "/api/v1/tickets",
            headers: ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json"],
            body: Data(#"{"serviceId":"\#(service)"}"#.utf8))
        return try #require(response.json["number"] as? String)
    }

    func callNext(_ window: String) throws -> TestResponse {
        try app.client.send(
            "POST", "/api/v1/windows/\(window)/call-next", headers: ["Authorization": "Bearer \(clerk)"])
    }

    @Test("a board first gets the current state, then each call live with its number and window")
    func live() throws {
        defer { app.stop() }
        _ = try issue("T-JZ-001")
        let board = try EventStreamClient(port: app.port, path: "/api/v1/events")
        #expect(board.read(until: "event: state"))
        #expect(board.text.contains("Content-Type: text/event-stream"))
        let state = try #require(board.events("state").first)
        let queues = (state["queue"] as? [String: Any])?["queues"] as? [[String: Any]]
        #expect(queues?.first { $0["prefix"] as? String == "C" }?["waiting"] as? Int == 1)
        #expect(try callNext("1").status == 200)
        #expect(board.read(until: "event: called"), "no call arrived: \(board.text)")
        let called = try #require(board.events("called").first)
        #expect(called["number"] as? String == "C001")
        #expect(called["window"] as? String == "1")
        #expect(called["windowName"] as? String == "1号综合窗口")
        #expect(board.text.contains("id: \(called["id"] as! Int)\n"))
    }

    @Test("a board that reconnects with Last-Event-ID gets the events it missed after the state")
    func resume() throws {
        defer { app.stop() }
        let first = try EventStreamClient(port: app.port, path: "/api/v1/events")
        _ = try issue("T-JZ-001")
        #expect(first.read(until: "event: issued"))
        let seen = try #require(first.events("issued").first?["id"] as? Int)
        // Missed while away: a second ticket and a call.
        _ = try issue("T-JZ-002")
        #expect(try callNext("1").status == 200)
        let again = try EventStreamClient(port: app.port, path: "/api/v1/events", headers: ["Last-Event-ID": "\(seen)"])
        #expect(again.read(until: "event: called"))
        let order = ["event: state", "event: issued", "event: called"].map { again.text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!)
        #expect(again.events("issued").map { $0["number"] as? String } == ["C002"])
    }

    @Test("an idle board gets keep-alive comments, and a board that has gone is dropped")
    func heartbeat() throws {
        app.stop()
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.boardHeartbeatSeconds = 0.05 }
        defer { app.stop() }
        var board: EventStreamClient? = try EventStreamClient(port: app.port, path: "/api/v1/events")
        #expect(board?.read(until: ": keep-alive") == true)
        #expect(app.application.state.queue.hub.boardCount == 1)
        board = nil  // the client closes its socket
        var count = 1
        for _ in 0..<500 where count > 0 {
            count = app.application.state.queue.hub.boardCount
            if count > 0 { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(count == 0, "a gone board is still counted")
        _ = board
    }

    @Test("stopping the daemon ends the board streams instead of waiting for them")
    func stopEndsStreams() throws {
        let board = try EventStreamClient(port: app.port, path: "/api/v1/events")
        #expect(board.read(until: "event: state"))
        #expect(app.application.state.queue.hub.boardCount == 1)
        app.stop()
        #expect(board.readToEnd())
    }

    @Test("the board page shows calls in large type, follows the stream and speaks each call")
    func page() throws {
        defer { app.stop() }
        let page = try app.client.get("/board")
        #expect(page.status == 200)
        #expect(page.text.contains("lang=\"zh-CN\""))
        #expect(page.text.contains("new EventSource(\"/api/v1/events\")"))
        #expect(page.text.contains("SpeechSynthesisUtterance"))
        #expect(page.text.contains("号窗口办理"))
        #expect(!page.text.contains("innerHTML"))
    }
}
