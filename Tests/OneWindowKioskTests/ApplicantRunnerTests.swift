import Foundation
import OneWindowKiosk
import OneWindowTesting
import Synchronization
import Testing

/// The kiosk's effects carried out against the real daemon, in process.
@Suite("Applicant effects against the daemon", .timeLimit(.minutes(2)))
struct ApplicantRunnerTests {
    let app: TestApplication
    let base: URL

    init() throws {
        app = try TestApplication(catalogue: Fixtures.validCatalogue)
        base = URL(string: "http://127.0.0.1:\(app.port)")!
    }

    @Test("the catalogue loads, a ticket is issued and its receipt goes to the printer file")
    func issueAndPrint() async throws {
        defer { app.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let printer = directory.path("lp0")
        try TestFiles.write(printer)
        let daemon = HTTPDaemonClient(baseURL: base, token: try app.createToken(role: .kiosk, name: "kiosk-1"))
        let runner = ApplicantRunner(
            daemon: daemon, printer: ReceiptPrinter(path: printer), publicURL: URL(string: "https://hall.example.cn"))
        let inbox = Inbox<ApplicantMessage>()
        runner.run(.loadCatalogue, send: inbox.send)
        #expect(await inbox.wait { if case .catalogue = $0 { true } else { false } })
        runner.run(.issue(IssueRequest(serviceId: "T-HY-001", priority: false), key: "k-1"), send: inbox.send)
        #expect(await inbox.wait { if case .issued(_, .success) = $0 { true } else { false } })
        guard case .issued(_, .success(let ticket)) = inbox.last else { return }
        runner.run(.print(ticket, guide: nil), send: inbox.send)
        #expect(await inbox.wait { $0 == .printed(ticketId: ticket.id, problem: nil) })
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: printer)))
        #expect(bytes.starts(with: [0x1B, 0x40, 0x1C, 0x26]))
        #expect(bytes.firstRange(of: Array("https://hall.example.cn/t/\(ticket.id)".utf8)) != nil)
    }

    @Test("printing does not hold the loop: a printer that blocks delays only its own printed message")
    func printingOffTheLoop() async throws {
        defer { app.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A FIFO blocks its writer until someone reads: a printer that stalls.
        let printer = directory.path("stalled-lp0")
        #expect(mkfifo(printer, 0o600) == 0)
        let runner = ApplicantRunner(
            daemon: HTTPDaemonClient(baseURL: base, token: "unused"),
            printer: ReceiptPrinter(path: printer), publicURL: nil)
        let inbox = Inbox<ApplicantMessage>()
        let ticket = KioskSamples.ticket
        let returned = DispatchSemaphore(value: 0)
        Thread {
            runner.run(.print(ticket, guide: nil), send: inbox.send)
            returned.signal()
        }.start()
        #expect(returned.wait(timeout: .now() + 10) == .success, "run(.print) returned while the printer blocks")
        #expect(inbox.last == nil, "nothing is printed yet")
        let reader = FileHandle(forReadingAtPath: printer)
        let bytes = reader?.readDataToEndOfFile() ?? Data()
        #expect(await inbox.wait { $0 == .printed(ticketId: ticket.id, problem: nil) })
        #expect(bytes.starts(with: [0x1B, 0x40]), "the receipt reached the printer once it read")
    }

    @Test("a revoked or wrong token is not retried, and the kiosk says it is out of service")
    func wrongToken() async throws {
        defer { app.stop() }
        let runner = ApplicantRunner(
            daemon: HTTPDaemonClient(baseURL: base, token: "ow_not-a-token"), printer: nil, publicURL: nil)
        let inbox = Inbox<ApplicantMessage>()
        runner.run(.issue(IssueRequest(serviceId: "T-HY-001", priority: false), key: "key-1"), send: inbox.send)
        #expect(await inbox.wait { if case .issued(_, .failure) = $0 { true } else { false } })
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("111")
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(KioskSamples.guide)), now: KioskSamples.now)
        _ = kiosk.type("11")
        _ = kiosk.receive(try #require(inbox.last), now: KioskSamples.now)
        #expect(kiosk.screen().contains("本机暂停服务，请联系工作人员（令牌无效）"))
    }
}

/// Messages sent from effect tasks, for a test to wait on.
final class Inbox<Message: Sendable>: Sendable {
    private let messages = Mutex<[Message]>([])

    var send: @Sendable (Message) -> Void { { message in self.messages.withLock { $0.append(message) } } }

    var last: Message? { messages.withLock { $0.last } }

    /// Waits (at most 15 s) until a message matches.
    func wait(_ matches: (Message) -> Bool) async -> Bool {
        await Polling.eventually { messages.withLock { $0.contains(where: matches) } }
    }
}
