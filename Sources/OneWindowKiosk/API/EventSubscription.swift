import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Follows `GET /api/v1/events` for as long as it lives: delivers each event, and on a lost
/// connection reconnects with backoff and `Last-Event-ID`, so nothing is missed.
///
/// A plain HTTP/1.0 socket on a thread of its own, not URLSession: on Linux, URLSession keeps a
/// long-lived streaming task's socket armed for writing and spins a core (measured: about 60 %
/// CPU per open stream). HTTP/1.0 makes the daemon send the stream as it is, without chunks,
/// until it closes. The hall network is plain HTTP; see README "Hall terminals".
public final class EventSubscription: Sendable {
    public enum Signal: Sendable, Equatable {
        case connected
        case event(ServerSentEvent)
        /// The stream ended or could not be opened; a reconnection follows after `retryIn` seconds.
        case disconnected(reason: String, retryIn: Double)
    }

    private struct State {
        var cancelled = false
        var socket: Int32 = -1
    }

    private let host: String
    private let port: UInt16
    private let path: String
    private let backoff: Backoff
    private let deliver: @Sendable (Signal) -> Void
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)

    public init(
        baseURL: URL, backoff: Backoff = Backoff(initial: 1, maximum: 10),
        deliver: @escaping @Sendable (Signal) -> Void
    ) {
        host = baseURL.host ?? "127.0.0.1"
        port = UInt16(baseURL.port ?? 80)
        path = (baseURL.path.hasSuffix("/") ? String(baseURL.path.dropLast()) : baseURL.path) + "/api/v1/events"
        self.backoff = backoff
        self.deliver = deliver
    }

    public func start() {
        Thread.detachNewThread { self.run() }
    }

    /// Ends the stream for good.
    public func cancel() {
        let socket = state.withLock { state in
            state.cancelled = true
            return state.socket
        }
        if socket >= 0 { shutdown(socket, Int32(SHUT_RDWR)) }
        wake.signal()
    }

    private var cancelled: Bool { state.withLock { $0.cancelled } }

    private func run() {
        var parser = ServerSentEventParser()
        var attempt = 0
        while !cancelled {
            let reason = follow(&parser, connected: { attempt = 0 })
            if cancelled { return }
            attempt += 1
            let delay = backoff.delay(after: attempt)
            deliver(.disconnected(reason: reason, retryIn: delay))
            _ = wake.wait(timeout: .now() + delay)
            parser = parser.resetKeepingId()
        }
    }

    /// One connection: answers why it ended.
    private func follow(_ parser: inout ServerSentEventParser, connected: () -> Void) -> String {
        let socket: Int32
        do {
            socket = try StreamSocket.connect(host: host, port: port, timeoutSeconds: 10)
        } catch {
            return "\(error)"
        }
        let registered = state.withLock { state -> Bool in
            guard !state.cancelled else { return false }
            state.socket = socket
            return true
        }
        defer {
            state.withLock { $0.socket = -1 }
            close(socket)
        }
        guard registered else { return "cancelled" }
        // The daemon sends a keep-alive every 15 s: a minute of silence means the stream is dead.
        StreamSocket.setReadTimeout(socket, seconds: 60)
        var request = "GET \(path) HTTP/1.0\r\nHost: \(host):\(port)\r\nAccept: text/event-stream\r\n"
        if let last = parser.lastEventId { request += "Last-Event-ID: \(last)\r\n" }
        guard StreamSocket.writeAll(socket, Array((request + "\r\n").utf8)) else { return "cannot send the request" }
        var head: [UInt8]? = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = read(socket, &buffer, buffer.count)
            guard count > 0 else { return count == 0 ? "the daemon closed the stream" : "read failed (errno \(errno))" }
            var body = Array(buffer[0..<count])
            if var received = head {
                // Still in the answer's head: wait for its blank line, then check the status.
                received += body
                guard let end = StreamSocket.endOfHead(received) else {
                    if received.count > 65536 { return "the answer's head is too long" }
                    head = received
                    continue
                }
                let status = StreamSocket.status(received[..<end])
                guard status == 200 else { return "the daemon answered \(status)" }
                head = nil
                body = Array(received[end...])
                connected()
                deliver(.connected)
            }
            for event in parser.feed(body) { deliver(.event(event)) }
        }
    }
}

extension ServerSentEventParser {
    /// A fresh parser for a new connection that remembers the last event id.
    func resetKeepingId() -> ServerSentEventParser {
        var fresh = ServerSentEventParser()
        fresh.restore(lastEventId: lastEventId)
        return fresh
    }
}
