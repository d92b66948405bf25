import Foundation

/// A response not built yet: deferred answers are built by the worker thread that sends them,
/// so the thread that completes them (the queue's commit thread) does not encode JSON.
public typealias ResponseBuilder = @Sendable () -> Response

/// How a deferred handler answers: exactly once, from any thread.
public struct Responder: Sendable {
    private let answer: @Sendable (@escaping ResponseBuilder) -> Void

    init(_ answer: @escaping @Sendable (@escaping ResponseBuilder) -> Void) {
        self.answer = answer
    }

    /// Answers with the response `build` makes, on the thread that sends it.
    public func send(_ build: @escaping ResponseBuilder) {
        answer(build)
    }

    public func send(_ response: Response) {
        answer { response }
    }

    /// Answers with the error reply.
    public func fail(_ error: HTTPError) {
        answer { .error(error) }
    }
}

/// Waits for an answer given on another thread: lets synchronous callers (tests) use deferred routes.
final class AnswerBox: @unchecked Sendable {
    // @unchecked: `response` is only touched under `lock`, and `done` orders the handoff.
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var response: Response?

    func set(_ build: ResponseBuilder) {
        let response = build()
        lock.withLock { self.response = response }
        done.signal()
    }

    func wait() -> Response {
        done.wait()
        return lock.withLock { response! }
    }
}
