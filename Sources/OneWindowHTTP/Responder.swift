import Foundation
import Synchronization

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
/// The semaphore is the wait; the mutex hands the response over.
final class AnswerBox: Sendable {
    private let response = Mutex<Response?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func set(_ build: ResponseBuilder) {
        let built = build()
        response.withLock { $0 = built }
        done.signal()
    }

    func wait() -> Response {
        done.wait()
        return response.withLock { $0! }
    }
}
