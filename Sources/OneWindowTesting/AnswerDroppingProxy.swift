import Foundation
import Synchronization

/// A loopback HTTP proxy that can lose an answer on its way back: it forwards a request to the
/// daemon, reads the whole answer, and then, if `dropAnswer` says so, closes the client's
/// connection without sending it. That is a request in flight when the daemon dies, from the
/// client's side: done on the server, never confirmed. With no upstream it closes every
/// connection at once, as a daemon being restarted would refuse it.
///
/// One request per connection (answers get `Connection: close`), which is all a test needs.
public final class AnswerDroppingProxy: Sendable {
    public struct Exchange: Sendable {
        public var requestHead: String
        public var answerHead: String
        public var answerBody: Data
    }

    private struct State {
        var upstream: UInt16?
        /// Run once, when the next POST has been sent on whole and its answer not yet read.
        var nextPost: (@Sendable () -> Void)?
        var requests: [String] = []
        var dropped: [Exchange] = []
    }

    public let port: UInt16
    private let listener: Int32
    private let state: Mutex<State>
    private let dropAnswer: @Sendable (String, Int) -> Bool

    /// - Parameter dropAnswer: given a request's head and how many answers were lost so far,
    ///   whether to lose this one.
    public init(upstream: UInt16?, dropAnswer: @escaping @Sendable (String, Int) -> Bool) throws {
        state = Mutex(State(upstream: upstream))
        self.dropAnswer = dropAnswer
        (listener, port) = try TestSocket.listen(what: "the proxy")
        let listener = self.listener
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                Thread.detachNewThread { self.serve(client) }
            }
        }
    }

    /// Stops accepting connections (the accepting thread keeps the proxy alive until then).
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    public func setUpstream(_ port: UInt16?) { state.withLock { $0.upstream = port } }

    /// Runs `action` once, as soon as the next POST has reached the upstream whole and before
    /// its answer is read: e.g. SIGKILL the server while it holds a batch, mid-request.
    public func interceptNextPost(_ action: @escaping @Sendable () -> Void) {
        state.withLock { $0.nextPost = action }
    }

    /// The heads of every request that reached the proxy, in order.
    public var requests: [String] { state.withLock { $0.requests } }

    /// The exchanges whose answers were lost.
    public var dropped: [Exchange] { state.withLock { $0.dropped } }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let (head, body) = Self.readMessage(client) else { return }
        let upstream = state.withLock { state in
            state.requests.append(head)
            return state.upstream
        }
        guard let upstream, let server = try? Self.connect(upstream) else { return }
        defer { close(server) }
        Self.writeAll(server, Data(head.utf8) + body)
        if head.hasPrefix("POST") {
            state.withLock { state in
                defer { state.nextPost = nil }
                return state.nextPost
            }?()
        }
        guard let (answerHead, answerBody) = Self.readMessage(server) else { return }
        if dropAnswer(head, state.withLock { $0.dropped.count }) {
            state.withLock {
                $0.dropped.append(Exchange(requestHead: head, answerHead: answerHead, answerBody: answerBody))
            }
            return
        }
        let closing = answerHead.replacingOccurrences(of: "\r\n\r\n", with: "\r\nConnection: close\r\n\r\n")
        Self.writeAll(client, Data(closing.utf8) + answerBody)
    }
}
