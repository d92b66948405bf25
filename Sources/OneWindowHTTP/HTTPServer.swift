import COneWindowMHD
import Foundation
import Logging
import Synchronization

/// An HTTP server on libmicrohttpd that hands every whole request to a `Router`.
///
/// Its only mutable state, the daemon handle and the sweep timer, is inside `running`'s mutex;
/// libmicrohttpd itself is thread-safe for the calls made here.
public final class HTTPServer: Sendable {
    public enum StartError: Error, CustomStringConvertible {
        case badHost(String)
        case cannotListen(host: String, port: UInt16)

        public var description: String {
            switch self {
            case .badHost(let host): "“\(host)” is not an IPv4 or IPv6 address"
            case .cannotListen(let host, let port): "cannot listen on \(host):\(port) (in use, or not permitted)"
            }
        }
    }

    /// Each connection's buffer for the request head and I/O. libmicrohttpd clears it for every
    /// request, so it is kept small: bodies pass through it in pieces, and 16 KiB of headers is
    /// far more than any kiosk, clerk terminal or browser sends.
    static let connectionMemoryBytes = 16 * 1024

    public let configuration: Configuration
    let context: ServerContext
    private let running = Mutex<Running?>(nil)

    /// `@unchecked Sendable`: an `MHD_Daemon` may be stopped from any thread, and only `stop`
    /// uses the pointer after `start`, once, having taken it out of the mutex.
    private struct Running: @unchecked Sendable {
        let daemon: OpaquePointer
        let sweep: DispatchSourceTimer
    }

    public init(configuration: Configuration, router: Router, logger: Logger) {
        self.configuration = configuration
        self.context = ServerContext(configuration: configuration, router: router, logger: logger)
    }

    /// Starts listening and returns the bound port.
    @discardableResult
    public func start() throws -> UInt16 {
        let address = try SocketAddress(host: configuration.host, port: configuration.port)
        var flags =
            MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
        if address.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
        let contextPointer = Unmanaged.passUnretained(context).toOpaque()
        let started = address.withSockaddr { sockaddr in
            var options = onewindow_daemon_options(
                flags: flags, address: sockaddr, accept_policy: connectionAllowed, handler: accessHandler,
                completed: requestCompleted, connection_notify: connectionNotified, uri_log: requestLineArrived,
                context: contextPointer,
                thread_pool_size: UInt32(max(1, configuration.threads)),
                connection_timeout_seconds: UInt32(configuration.idleTimeoutSeconds),
                connection_limit: UInt32(configuration.connectionLimit),
                per_ip_connection_limit: UInt32(configuration.perClientConnectionLimit),
                connection_memory_limit: Self.connectionMemoryBytes)
            return onewindow_start_daemon(&options)
        }
        guard let started else { throw StartError.cannotListen(host: configuration.host, port: configuration.port) }
        // One timer enforces the request deadlines and the deferred answers' deadlines.
        let sweep = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "onewindow.http-deadlines"))
        sweep.schedule(deadline: .now() + 1, repeating: 1)
        sweep.setEventHandler { [context] in context.sweep() }
        sweep.resume()
        running.withLock { $0 = Running(daemon: started, sweep: sweep) }
        return onewindow_daemon_bind_port(started)
    }

    /// The first step of a stop: every new connection is closed as soon as it is accepted,
    /// without an answer (`connectionAllowed`), and kept connections get `Connection: close`
    /// with their next answer. The listening socket stays open until `stop`: libmicrohttpd
    /// 0.9.75's `MHD_quiesce_daemon` races its own epoll workers over removing that socket
    /// (with a thread pool both sides remove it, and the loser aborts the process), so it is
    /// never called.
    public func quiesce() {
        guard running.withLock({ $0 != nil }) else { return }
        context.closing.store(true, ordering: .releasing)
    }

    /// The last step of a stop: lets requests in flight finish (up to `gracePeriod`), then
    /// answers every connection still suspended (503 `shutting_down`) and stops libmicrohttpd,
    /// which aborts the process if any connection is still suspended.
    public func stop(gracePeriod: Duration = .seconds(10)) {
        quiesce()
        guard let stopping = running.withLock({ $0.take() }) else { return }
        let clock = ContinuousClock()
        let deadline = clock.now + gracePeriod
        while context.inFlight.load(ordering: .acquiring) > 0, clock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        stopping.sweep.cancel()
        context.suspensions.closeAndWakeAll()
        MHD_stop_daemon(stopping.daemon)
    }

    /// Requests whose handler has been entered and whose response is not yet fully sent.
    public var requestsInFlight: Int { context.inFlight.load(ordering: .relaxed) }

    /// Connections the server knows of (including idle kept-alive ones).
    public var openConnections: Int { context.connections.count }

    /// Connections suspended now: deferred answers and quiet event streams.
    public var suspendedConnections: Int { context.suspensions.count }

    deinit { stop(gracePeriod: .zero) }
}
