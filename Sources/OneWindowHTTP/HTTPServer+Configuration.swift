extension HTTPServer {
    /// How the server listens, what it accepts and how long it waits. The defaults suit one
    /// small hall server reached directly by the hall's devices and the public.
    public struct Configuration: Sendable {
        /// IPv4 or IPv6 literal to bind to.
        public var host: String = "127.0.0.1"
        /// 0 picks a free port; read the real one from `start()`.
        public var port: UInt16 = 8080
        /// Worker threads; one per core was fastest on the hall's 2-core server.
        public var threads: Int = 2
        /// Largest request body; a larger one gets 413.
        public var maxBodyBytes: Int = 64 * 1024
        /// A connection with nothing to send or receive for this long is closed.
        public var idleTimeoutSeconds: Int = 30
        /// The request's headers must arrive within this many seconds of the connection's
        /// opening (or of the previous request's end plus the idle timeout), and then its body
        /// within as long again: a client that trickles bytes (slowloris) is cut off.
        public var requestTimeoutSeconds: Double = 10
        /// A deferred answer (a queue write waiting for its commit) that has not come in this
        /// long is answered 503 `commit_timeout`.
        public var answerTimeoutSeconds: Double = 10
        /// Open connections in all; more are refused at accept. Keep it below the process's
        /// open-file limit.
        public var connectionLimit: Int = 1000
        /// Open connections from one IP address; 0 for no limit (e.g. behind a reverse proxy,
        /// where every client has the proxy's address).
        public var perClientConnectionLimit: Int = 128
        /// Header fields every HTML answer gets unless it sets them itself (security policy).
        public var htmlHeaders: HTTPHeaders = [:]
        /// Logs one line per request (method, route pattern, status, time, request id).
        public var accessLog: Bool = true
        /// Told of every answered request where its access log line is made (Prometheus counts
        /// them). Called on a worker thread for every request: it must be quick.
        public var requestObserver: (@Sendable (AnsweredRequest) -> Void)?

        public init() {}
    }
}

/// What a request observer hears of an answered request: never the path or the query.
public struct AnsweredRequest: Sendable {
    public let method: String
    /// The route pattern (`/api/v1/services/{id}`), nil when no route's path fits.
    public let route: String?
    public let status: Int
    /// From the request line's arrival to the end of the answer.
    public let nanoseconds: UInt64
}
