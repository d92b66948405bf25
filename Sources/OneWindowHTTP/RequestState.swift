import Foundation
import Synchronization

/// Per-request state, made when the request line arrives (URI log callback) and released in
/// the request-completed callback.
///
/// `@unchecked Sendable`: libmicrohttpd calls a connection's callbacks on one worker thread
/// (at a stop, the last ones on the stopping thread, after it has joined that worker), which
/// alone reads and writes the `var` fields. What another thread shares with it (the answer a
/// deferred handler gives, and the suspension it ends) is inside `settlement`'s mutex.
final class RequestState: @unchecked Sendable {
    let rawTarget: String
    /// The target's length in bytes up to its first NUL, as libmicrohttpd handed it over.
    let rawTargetLength: Int
    var target: Result<RequestTarget, RequestTarget.Problem>
    let connection: ConnectionRecord?
    let startedAt: UInt64
    var requestId = ""
    var method = "GET"
    var headers = HTTPHeaders()
    var body = Data()
    var tooLarge = false
    /// Set on the first access-handler call, once the headers are whole.
    var headersSeen = false
    /// Set once the request went to the router; the answer may come later.
    var dispatched = false
    /// What the access log says of the answer.
    var status = 0
    var routePattern: String?
    var deviceName: String?
    /// Keeps a prepared response's bytes alive while libmicrohttpd sends them without a copy.
    var prepared: PreparedResponse?

    /// The answer and the suspension: set by whichever thread answers, read by the worker.
    private struct Settlement {
        var answer: ResponseBuilder?
        /// The ticket of this request's suspension, while the connection is suspended.
        var suspension: Int?
    }

    private let settlement = Mutex(Settlement())

    /// - Parameter rawTarget: nil when the request line was not UTF-8.
    init(rawTarget: String?, rawTargetLength: Int, connection: ConnectionRecord?) {
        self.rawTarget = rawTarget ?? ""
        self.rawTargetLength = rawTargetLength
        if let rawTarget {
            self.target = Result { () throws(RequestTarget.Problem) in try RequestTarget.parse(rawTarget) }
        } else {
            self.target = .failure(.path("the request target is not UTF-8"))
        }
        self.connection = connection
        self.startedAt = DispatchTime.now().uptimeNanoseconds
    }

    /// Sets the answer unless one is set already (a timeout may have answered first), and if
    /// the connection was suspended waiting for it, calls `resume` (under the mutex, so a stop
    /// that wakes every suspension never finds this one half-resumed). Returns the suspension
    /// ticket that ended, if any.
    @discardableResult
    func settle(_ build: @escaping ResponseBuilder, resume: () -> Void) -> Int? {
        settlement.withLock { settlement in
            guard settlement.answer == nil else { return nil }
            settlement.answer = build
            guard let ticket = settlement.suspension else { return nil }
            settlement.suspension = nil
            resume()
            return ticket
        }
    }

    /// The answer, if it has come.
    var settled: ResponseBuilder? { settlement.withLock { $0.answer } }

    /// Under the mutex: the answer if it came, else `suspend()`'s ticket is recorded and nil
    /// returned. A nil ticket from `suspend` (the server is closing) answers with `closing`.
    func answerOrSuspend(suspend: () -> Int?, closing: @escaping ResponseBuilder) -> ResponseBuilder? {
        settlement.withLock { settlement in
            if let answer = settlement.answer { return answer }
            guard let ticket = suspend() else {
                settlement.answer = closing
                return closing
            }
            settlement.suspension = ticket
            return nil
        }
    }
}
