import Foundation
import OneWindowTesting
import Testing

@testable import OneWindowApp

/// What the web display board needs from the daemon, and what its page carries; how it looks
/// is checked in headless Chromium (README, "The web display board").
@Suite("The web display board", .timeLimit(.minutes(2)))
struct BoardPageTests {
    let app: TestApplication
    let kiosk: String
    let clerk: String
    let clerk2: String

    init() throws {
        app = try TestApplication(catalogue: Fixtures.validCatalogue)
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerk = try app.createToken(role: .clerk, name: "clerk-1", window: "1")
        clerk2 = try app.createToken(role: .clerk, name: "clerk-2", window: "2")
    }

    /// The action of the window's own clerk on it, which takes no body.
    func window(_ id: String, _ action: String) throws -> Int {
        let token = id == "2" ? clerk2 : clerk
        return try app.client.send(
            "POST", "/api/v1/windows/\(id)/\(action)", headers: ["Authorization": "Bearer \(token)"]
        ).status
    }

    @Test("the state event gives each window its current number, and each queue letter its services and wait")
    func stateForTheGrid() throws {
        defer { app.stop() }
        for service in ["T-JZ-001", "T-JZ-002", "T-HY-001"] {
            #expect(try app.issue(token: kiosk, service: service).status == 201)
        }
        #expect(try window("1", "call-next") == 200)
        let board = try EventStreamClient(port: app.port, path: "/api/v1/events")
        #expect(board.read(until: "event: state"))
        let state = try #require(board.events("state").first)
        #expect(state["hall"] as? String == "测试政务服务大厅")
        #expect((state["at"] as? String)?.hasSuffix("Z") == true)
        #expect(state["lastEventId"] as? Int ?? 0 > 0)
        let windows = try #require(state["windows"] as? [[String: Any]])
        #expect(windows.map { $0["name"] as? String } == ["1号综合窗口", "2号婚姻登记窗口"])
        #expect(windows.map { $0["currentTicket"] as? String } == ["C001", nil])
        let queue = try #require(state["queue"] as? [String: Any])
        let lines = try #require(queue["queues"] as? [[String: Any]])
        #expect(lines.map { $0["prefix"] as? String } == ["A", "C"])
        #expect(lines.map { $0["waiting"] as? Int } == [1, 1])
        let services = try #require(state["services"] as? [[String: Any]])
        let letters = services.map { "\($0["queuePrefix"] as? String ?? "?") \($0["name"] as? String ?? "?")" }
        #expect(letters == ["A 内地居民结婚登记", "C 最低生活保障", "C 特困人员救助供养"])
        // Two tickets wait (C002, A001), 5 minutes each with no history. A new A ticket has two
        // open windows (the comprehensive one and the marriage window), a new C ticket one.
        #expect(lines.map { $0["estimatedWaitSeconds"] as? Int } == [300, 600])
        #expect(lines.map { $0["estimatedWaitMinutes"] as? Int } == [5, 10], "the minutes come from the server")
        #expect((queue["lastCalls"] as? [[String: Any]])?.first?["number"] as? String == "C001")
        // The board's refresh reads the same view.
        let refreshed = try app.client.get("/api/v1/queue").json["queues"] as? [[String: Any]]
        #expect(refreshed?.map { $0["estimatedWaitSeconds"] as? Int } == [300, 600])
    }

    @Test("a call event carries the number, the window, its name and the service's name")
    func callEvent() throws {
        defer { app.stop() }
        let board = try EventStreamClient(port: app.port, path: "/api/v1/events")
        #expect(board.read(until: "event: state"))
        #expect(try app.issue(token: kiosk, service: "T-JZ-001").status == 201)
        #expect(try window("1", "call-next") == 200)
        #expect(try window("1", "recall") == 200)
        #expect(board.read(until: "event: recalled"), "\(board.text)")
        for kind in ["called", "recalled"] {
            let event = try #require(board.events(kind).first)
            #expect(event["number"] as? String == "C001")
            #expect(event["window"] as? String == "1" && event["windowName"] as? String == "1号综合窗口")
            #expect(event["serviceName"] as? String == "最低生活保障")
        }
    }

    @Test("paused windows are in the state, and a letter no open window takes has no estimate")
    func pausedWindows() throws {
        defer { app.stop() }
        #expect(try app.issue(token: kiosk, service: "T-HY-001").status == 201)
        #expect(try window("1", "pause") == 200 && window("2", "pause") == 200)
        let board = try EventStreamClient(port: app.port, path: "/api/v1/events")
        #expect(board.read(until: "event: state"))
        let state = try #require(board.events("state").first)
        #expect((state["windows"] as? [[String: Any]])?.map { $0["paused"] as? Bool } == [true, true])
        let lines = try #require((state["queue"] as? [String: Any])?["queues"] as? [[String: Any]])
        #expect(lines.count == 2 && lines.allSatisfy { $0["estimatedWaitSeconds"] == nil })
        #expect(try window("2", "resume") == 200)
        let resumed = try app.client.get("/api/v1/queue").json["queues"] as? [[String: Any]]
        #expect(resumed?.map { $0["estimatedWaitSeconds"] as? Int } == [300, nil])
        #expect(resumed?.map { $0["estimatedWaitMinutes"] as? Int } == [5, nil])
    }

    @Test("the page has the 暂无叫号 text, the corner sound button and the announcement, and no HTML from data")
    func page() throws {
        defer { app.stop() }
        let page = try app.client.get("/board")
        #expect(page.status == 200)
        let button = "<footer class=\"voice\"><button id=\"unlock\" class=\"unlock\" type=\"button\" hidden>点击开启语音播报"
        #expect(page.text.contains(button))
        // Under the board's regions, not over them: a full-screen overlay once hid a live call.
        let mainEnd = try #require(page.text.range(of: "</main>"))
        let offer = try #require(page.text.range(of: button))
        #expect(mainEnd.upperBound <= offer.lowerBound)
        #expect(!page.text.contains("position:fixed"), "nothing on the board is laid over the calls")
        #expect(page.text.contains(">暂无叫号</span>") && page.text.contains("<li class=\"none\">暂无叫号</li>"))
        #expect(page.text.contains("号窗口办理") && page.text.contains("SpeechSynthesisUtterance"))
        #expect(page.text.contains("createOscillator"), "the chime is made with WebAudio")
        #expect(page.text.contains("new EventSource(\"/api/v1/events\")"))
        #expect(page.text.contains("textContent"))
        for unsafe in [
            "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "<script src",
        ] {
            #expect(!page.text.contains(unsafe), "the board uses \(unsafe)")
        }
    }

    @Test("the board's script shows the server's minutes and computes none of its own")
    func serverMinutes() {
        #expect(BoardPage.script.contains("line.estimatedWaitMinutes"))
        #expect(
            !BoardPage.script.contains("/ 60") && !BoardPage.script.contains("estimatedWaitSeconds"), "a second rule")
    }

    @Test("the page's one inline script is exactly what its security policy allows by hash")
    func scriptHash() throws {
        defer { app.stop() }
        let page = try app.client.get("/board")
        let policy = try #require(page.headers["content-security-policy"])
        #expect(page.text.components(separatedBy: "<script").count == 2, "more than one script")
        let start = try #require(page.text.range(of: "<script>"))
        let end = try #require(page.text.range(of: "</script>", range: start.upperBound..<page.text.endIndex))
        let served = String(page.text[start.upperBound..<end.lowerBound])
        #expect(served == BoardPage.script)
        let directives = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(directives.filter { $0.hasPrefix("script-src") } == ["script-src '\(ContentSecurity.hash(served))'"])
        #expect(directives.contains("connect-src 'self'") && directives.contains("default-src 'none'"))
    }
}
