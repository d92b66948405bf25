import Foundation
import Logging
import Synchronization

/// What the C callbacks reach through their context pointer.
final class ServerContext: Sendable {
    let router: Router
    let configuration: HTTPServer.Configuration
    let logger: Logger
    /// Requests whose headers arrived and whose answer is not fully sent.
    let inFlight = Atomic<Int>(0)
    /// Set by `quiesce`: every answer from now on closes its connection, and every new
    /// connection is closed as soon as it is accepted.
    let closing = Atomic<Bool>(false)
    let suspensions = Suspensions()
    let connections = ConnectionRegistry()
    /// Request ids are this process's random prefix and a counter: unique, and cheap to make.
    private let requestIdPrefix = String(UInt32.random(in: .min ... .max), radix: 16)
    private let requestCount = Atomic<UInt64>(0)

    init(configuration: HTTPServer.Configuration, router: Router, logger: Logger) {
        self.configuration = configuration
        self.router = router
        self.logger = logger
    }

    var maxBodyBytes: Int { configuration.maxBodyBytes }

    /// Once a second: cuts connections past their request deadline and answers deferred
    /// requests past theirs.
    func sweep() {
        let cut = connections.sweep()
        if cut > 0 {
            logger.notice("closed connections that did not send their request in time", metadata: ["count": "\(cut)"])
        }
        suspensions.expire()
    }

    /// The request's id: the client's (or its proxy's) `X-Request-Id` when it is a sane token,
    /// else a new one.
    func requestId(given: String?) -> String {
        if let given, (1...64).contains(given.utf8.count),
            given.utf8.allSatisfy({ Self.idCharacters.contains($0) })
        {
            return given
        }
        let number = requestCount.add(1, ordering: .relaxed).newValue
        return requestIdPrefix + "-" + String(number, radix: 16)
    }

    private static let idCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:".utf8)

    /// The access log's line and the request observers for a finished request. Never the
    /// query or a header: tokens and search words stay out of the log.
    func finished(_ state: RequestState, aborted: Bool) {
        let logs = configuration.accessLog && (configuration.accessLogWriter != nil || logger.logLevel <= .info)
        guard logs || !configuration.requestObservers.isEmpty else { return }
        let record = RequestRecord(
            method: state.method, route: state.routePattern ?? "-", status: state.status,
            microseconds: Int((DispatchTime.now().uptimeNanoseconds - state.startedAt) / 1000),
            requestId: state.requestId, client: state.connection?.clientAddress ?? "-", aborted: aborted,
            device: state.deviceName)
        for observer in configuration.requestObservers { observer(record) }
        guard logs else { return }
        if let writer = configuration.accessLogWriter {
            writer(record)
            return
        }
        var metadata: Logger.Metadata = [
            "method": "\(record.method)", "route": "\(record.route)", "status": "\(record.status)",
            "ms": "\(Double(record.microseconds) / 1000)", "request_id": "\(record.requestId)",
            "client": "\(record.client)",
        ]
        if aborted { metadata["aborted"] = "true" }
        if let device = record.device { metadata["device"] = "\(device)" }
        logger.info("request", metadata: metadata)
    }
}
