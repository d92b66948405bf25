import Foundation

/// Per-request state, made when the request line arrives (URI log callback) and released in
/// the request-completed callback.
///
/// `@unchecked Sendable`: the connection's worker thread owns every field but `answer` and
/// `suspension`, which the thread that completes a deferred response shares under `lock`.
final class RequestState: @unchecked Sendable {
    let rawTarget: String
    let target: Result<RequestTarget, RequestTarget.Problem>
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

    let lock = NSLock()
    private var answer: ResponseBuilder?
    /// The ticket of this request's suspension, while the connection is suspended.
    private var suspension: Int?

    /// - Parameter rawTarget: nil when the request line was not UTF-8.
    init(rawTarget: String?, connection: ConnectionRecord?) {
        self.rawTarget = rawTarget ?? ""
        if let rawTarget {
            self.target = Result { () throws(RequestTarget.Problem) in try RequestTarget.parse(rawTarget) }
        } else {
            self.target = .failure(.path("the request target is not UTF-8"))
        }
        self.connection = connection
        self.startedAt = DispatchTime.now().uptimeNanoseconds
    }

    /// Sets the answer unless one is set already (a timeout may have answered first), and if
    /// the connection was suspended waiting for it, calls `resume` (under the lock, so a stop
    /// that wakes every suspension never finds this one half-resumed). Returns the suspension
    /// ticket that ended, if any.
    @discardableResult
    func settle(_ build: @escaping ResponseBuilder, resume: () -> Void) -> Int? {
        lock.withLock {
            guard answer == nil else { return nil }
            answer = build
            guard let ticket = suspension else { return nil }
            suspension = nil
            resume()
            return ticket
        }
    }

    /// The answer, if it has come.
    var settled: ResponseBuilder? { lock.withLock { answer } }

    /// Under the lock: the answer if it came, else `suspend()`'s ticket is recorded and nil
    /// returned. A nil ticket from `suspend` (the server is closing) answers with `closing`.
    func answerOrSuspend(suspend: () -> Int?, closing: @escaping ResponseBuilder) -> ResponseBuilder? {
        lock.withLock {
            if let answer { return answer }
            guard let ticket = suspend() else {
                answer = closing
                return closing
            }
            suspension = ticket
            return nil
        }
    }
}
