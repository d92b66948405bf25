import Foundation
import Synchronization

/// A receiver for the outbox's push on 127.0.0.1, scripted to misbehave: each request takes
/// the next behaviour of the script, then `fallback`. Every request that arrived is kept, in
/// order, whatever it was answered.
///
/// One request per connection (`Connection: close`), as the daemon's sender needs nothing more.
public final class PushReceiver: Sendable {
    public enum Behaviour: Sendable, Equatable {
        /// 200 with an empty body.
        case accept
        /// That status, e.g. 500.
        case answer(Int)
        /// Reads the request and closes without a word.
        case close
        /// Reads the request and never answers (until `stop`).
        case hang
    }

    /// One request as it arrived.
    public struct Delivery: Sendable {
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: Data
        public var behaviour: Behaviour
        public var key: String? { headers["idempotency-key"] }
        public var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    private struct State {
        var script: [Behaviour]
        var deliveries: [Delivery] = []
        var stopped = false
    }

    public let port: UInt16
    private let listener: Int32
    private let state: Mutex<State>
    private let fallback: Behaviour

    /// Listens on `port` (0 for any free one; a fixed one to come back where a stopped
    /// receiver was).
    public init(port: UInt16 = 0, script: [Behaviour] = [], then fallback: Behaviour = .accept) throws {
        state = Mutex(State(script: script))
        self.fallback = fallback
        (listener, self.port) = try TestSocket.listen(port: port, what: "the push receiver")
        let listener = self.listener
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                Thread.detachNewThread { self.serve(client) }
            }
        }
    }

    /// Stops listening and lets hung requests go (their connections close).
    public func stop() {
        state.withLock { $0.stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Every request so far, in order of arrival.
    public var deliveries: [Delivery] { state.withLock { $0.deliveries } }

    /// The requests answered 2xx.
    public var accepted: [Delivery] { deliveries.filter { $0.behaviour == .accept } }

    /// Waits (at most `seconds`) until `condition` holds of the deliveries; returns whether it did.
    public func wait(seconds: Double = 15, until condition: ([Delivery]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(deliveries) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition(deliveries)
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let (head, body) = AnswerDroppingProxy.readMessage(client) else { return }
        var headers: [String: String] = [:]
        for line in head.split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[line[..<colon].lowercased()] = value
        }
        let behaviour = state.withLock { state in
            let next = state.script.isEmpty ? fallback : state.script.removeFirst()
            state.deliveries.append(Delivery(headers: headers, body: body, behaviour: next))
            return next
        }
        switch behaviour {
        case .accept: AnswerDroppingProxy.writeAll(client, Self.answer(200))
        case .answer(let status): AnswerDroppingProxy.writeAll(client, Self.answer(status))
        case .close: return
        case .hang:
            while !state.withLock({ $0.stopped }) { Thread.sleep(forTimeInterval: 0.05) }
        }
    }

    private static func answer(_ status: Int) -> Data {
        Data("HTTP/1.1 \(status) Scripted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
    }

    /// Checks `X-OneWindow-Signature` with `openssl dgst -hmac`, an implementation apart from
    /// the daemon's.
    public static func signatureVerifies(_ delivery: Delivery, secret: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["dgst", "-sha256", "-hmac", secret, "-hex"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(delivery.body)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let hex = text.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            return false
        }
        return delivery.headers["x-onewindow-signature"] == "sha256=" + hex
    }
}
