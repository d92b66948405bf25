import COneWindowMHD
import Foundation
import Logging
import Synchronization

/// An HTTP server on libmicrohttpd that hands every whole request to a `Router`.
///
/// `@unchecked Sendable`: the only mutable state, the daemon handle, is guarded by `daemon`'s
/// mutex; libmicrohttpd itself is thread-safe for the calls made here.
public final class HTTPServer: @unchecked Sendable {
    /// How the server listens and what it accepts. Defaults suit one small hall server.
    public struct Configuration: Sendable {
        /// IPv4 or IPv6 literal to bind to.
        public var host: String = "127.0.0.1"
        /// 0 picks a free port; read the real one from `start()`.
        public var port: UInt16 = 8080
        /// Worker threads; one per core was fastest on the hall's 2-core server.
        public var threads: Int = 2
        /// Largest request body; a larger one gets 413.
        public var maxBodyBytes: Int = 64 * 1024
        public var connectionTimeoutSeconds: Int = 30
        public var connectionLimit: Int = 4096

        public init() {}
    }

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
    private let daemon = Mutex<DaemonHandle?>(nil)

    /// `@unchecked Sendable`: an `MHD_Daemon` may be stopped from any thread, and only
    /// `stop` uses the pointer after `start`, once, having taken it out of the mutex.
    private struct DaemonHandle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    public init(configuration: Configuration, router: Router, logger: Logger) {
        self.configuration = configuration
        self.context = ServerContext(router: router, maxBodyBytes: configuration.maxBodyBytes, logger: logger)
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
            onewindow_start_daemon(
                flags, sockaddr, accessHandler, contextPointer, requestCompleted, contextPointer,
                UInt32(max(1, configuration.threads)), UInt32(configuration.connectionTimeoutSeconds),
                UInt32(configuration.connectionLimit), Self.connectionMemoryBytes)
        }
        guard let started else { throw StartError.cannotListen(host: configuration.host, port: configuration.port) }
        daemon.withLock { $0 = DaemonHandle(pointer: started) }
        return onewindow_daemon_bind_port(started)
    }

    /// Stops accepting connections, lets requests already in flight finish (up to
    /// `gracePeriod`), then closes everything. Idle keep-alive connections are simply closed.
    public func stop(gracePeriod: Duration = .seconds(10)) {
        guard let running = daemon.withLock({ $0.take() })?.pointer else { return }
        // Quiescing hands the listening socket back to us; closing it makes new connections
        // fail at once instead of waiting in the kernel's backlog.
        let listenSocket = MHD_quiesce_daemon(running)
        if listenSocket >= 0 { close(listenSocket) }
        let clock = ContinuousClock()
        let deadline = clock.now + gracePeriod
        while context.inFlight.load(ordering: .acquiring) > 0, clock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        MHD_stop_daemon(running)
    }

    /// Requests whose handler has been entered and whose response is not yet fully sent.
    public var requestsInFlight: Int { context.inFlight.load(ordering: .relaxed) }

    deinit { stop(gracePeriod: .zero) }
}

/// What the C callbacks reach through their context pointer.
final class ServerContext: Sendable {
    let router: Router
    let maxBodyBytes: Int
    let logger: Logger
    let inFlight = Atomic<Int>(0)

    init(router: Router, maxBodyBytes: Int, logger: Logger) {
        self.router = router
        self.maxBodyBytes = maxBodyBytes
        self.logger = logger
    }
}
