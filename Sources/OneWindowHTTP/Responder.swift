import Foundation

/// How a deferred handler answers: exactly once, from any thread.
public struct Responder: Sendable {
    private let answer: @Sendable (Response) -> Void

    init(_ answer: @escaping @Sendable (Response) -> Void) {
        self.answer = answer
    }

    public func send(_ response: Response) {
        answer(response)
    }

    /// Answers with the error reply.
    public func fail(_ error: HTTPError) {
        answer(.error(error))
    }
}

/// Waits for an answer given on another thread: lets synchronous callers (tests) use deferred routes.
final class AnswerBox: @unchecked Sendable {
    // @unchecked: `response` is only touched under `lock`, and `done` orders the handoff.
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var response: Response?

    func set(_ response: Response) {
        lock.withLock { self.response = response }
        done.signal()
    }

    func wait() -> Response {
        done.wait()
        return lock.withLock { response! }
    }
}
