import Foundation
import Logging
import OneWindowCore
import OneWindowHTTP
import OneWindowStorage
import Synchronization

/// The whole daemon, wired: catalogue, database, routes and HTTP server.
///
/// `onewindowd serve` and the tests both call `Application(configuration:logger:)`, so the
/// tests exercise the real wiring.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    public let state: AppState
    public let router: Router
    /// Prometheus figures, today's waiting line, the manager's sessions.
    public let monitoring: Monitoring
    private let server: HTTPServer
    let logger: Logger
    private let checkpointer: Checkpointer
    private let chores: AppointmentChores
    /// Pulls the catalogue from the city (`--catalogue-url`); nil when the hall keeps its own.
    public let cataloguePuller: CataloguePuller?
    /// One reload at a time: SIGHUP's and the pull's.
    let reloading = Mutex(())

    /// Loads and checks the catalogue and opens the database; refuses to build on a bad catalogue.
    public init(configuration: AppConfiguration, logger: Logger) throws {
        // Before the catalogue check: the hall's time zone is read from tzdata, not ICU.
        SystemTimeZones.install()
        let pullFirst =
            configuration.cataloguePull != nil && !FileManager.default.fileExists(atPath: configuration.cataloguePath)
        if let pull = configuration.cataloguePull, pullFirst {
            try CataloguePuller.firstPull(
                pull, path: configuration.cataloguePath, maxBytes: configuration.catalogueMaxBytes, logger: logger)
        }
        let snapshot = try CatalogueSource.load(
            path: configuration.cataloguePath, at: configuration.clock(), maxBytes: configuration.catalogueMaxBytes)
        let storage = try configuration.storage ?? Storage(path: configuration.databasePath) { logger.notice("\($0)") }
        checkpointer = try Checkpointer(path: storage.path)
        let monitoring = Monitoring(
            catalogue: snapshot.published, hall: configuration.hallId)
        let metrics = MetricsService(timings: monitoring.queueFigures.observe)
        let queue = try QueueService(
            catalogue: snapshot.published, storage: storage, logger: logger,
            callsBeforeNoShow: configuration.callsBeforeNoShow, noShowAfter: configuration.noShowAfter,
            closingTime: configuration.closingTime,
            hub: EventHub(heartbeatSeconds: configuration.boardHeartbeatSeconds),
            observers: [metrics] + monitoring.observers + configuration.commitObservers,
            inboxCapacity: configuration.inboxCapacity, readWait: configuration.readWait,
            heartbeat: configuration.commitHeartbeat,
            clock: configuration.clock)
        metrics.load(from: storage, logger: logger)
        monitoring.start(queue: queue, storage: storage, logger: logger)
        self.monitoring = monitoring
        self.configuration = configuration
        self.logger = logger
        let outbox = OutboxSender(
            storage: storage, push: configuration.outboxPush, figures: OutboxFigures(monitoring.prometheus),
            clock: configuration.clock, logger: logger)
        let appointments = try Self.appointmentDesk(
            configuration, snapshot: snapshot, storage: storage, queue: queue, logger: logger)
        let puller = configuration.cataloguePull.map {
            CataloguePuller(
                pull: $0, path: configuration.cataloguePath, maxBytes: configuration.catalogueMaxBytes,
                figures: CatalogueFigures(monitoring.prometheus), logger: logger, clock: configuration.clock,
                pulledAtStart: pullFirst)
        }
        cataloguePuller = puller
        let city = configuration.cityExport.map {
            CitySender(
                storage: storage, export: $0, figures: CityFigures(monitoring.prometheus), clock: configuration.clock,
                logger: logger)
        }
        let tokens = DeviceTokenCache(lifetime: configuration.tokenCacheSeconds, clock: configuration.clock)
        let state = AppState(
            catalogue: snapshot, storage: storage, queue: queue, tokens: tokens, logger: logger,
            issueRule: configuration.issueRateLimit.map { .init(perMinute: $0.perMinute, burst: $0.burst) },
            metrics: metrics, outbox: outbox, appointments: appointments, cataloguePuller: puller,
            clock: configuration.clock,
            publicFigures: .init(
                commonlyMissing: configuration.commonlyMissing, seconds: configuration.publicFiguresSeconds),
            city: city)
        self.state = state
        chores = AppointmentChores(
            state: state, retentionDays: configuration.retentionDays, period: configuration.choresSeconds)
        let htmlErrorPage = Routes.errorPage(state)
        self.router = Router(
            routes: Routes.all(state, monitoring), logger: logger,
            unmatchedPage: { request in Self.wantsPage(request) ? htmlErrorPage : nil }
        ) {
            request, roles throws(HTTPError) in
            try state.authenticate(request, roles: roles)
        }
        var http = configuration.http
        if http.htmlHeaders.all.isEmpty { http.htmlHeaders = Self.htmlSecurityHeaders }
        http.requestObservers.append(monitoring.requestFigures.observe)
        self.server = HTTPServer(configuration: http, router: router, logger: logger)
        try recordLoad(snapshot)
        adoptAtStart(snapshot)
        puller?.bind { [unowned self] in self.adopt($0, then: $1) }
    }

    /// Whether a request for a path no route has gets the HTML error page: a browser (its
    /// `Accept` names `text/html`) asking outside `/api/`, such as a mistyped guide link. API
    /// clients keep the JSON error.
    static func wantsPage(_ request: Request) -> Bool {
        !request.path.hasPrefix("/api/") && (request.headers["Accept"]?.contains("text/html") ?? false)
    }

    /// Starts serving and returns the bound port.
    @discardableResult
    public func start() throws -> UInt16 {
        let port = try server.start()
        state.outbox.start()
        state.appointments.notifier.start()
        chores.start()
        cataloguePuller?.start()
        state.city?.start()
        logger.info(
            "listening on http://\(Self.hostForURL(configuration.http.host)):\(port)",
            metadata: ["services": "\(state.catalogue.catalogue.services.count)"])
        logPlaceholders(state.catalogue)
        logTokenProblems()
        return port
    }

    /// Loads the catalogue file again. A bad file leaves the old catalogue serving; the reason
    /// is logged and returned.
    @discardableResult
    public func reloadCatalogue() -> Result<CatalogueSnapshot, CatalogueError> {
        do {
            let snapshot = try CatalogueSource.load(
                path: configuration.cataloguePath, at: configuration.clock(), maxBytes: configuration.catalogueMaxBytes)
            return adopt(snapshot)
        } catch {
            logger.error("catalogue reload refused; still serving the previous one\n\(error)")
            return .failure(error)
        }
    }

    /// Serves a loaded catalogue unless it would strand open cases or tickets: what a reload
    /// does after reading the file (SIGHUP) or pulling it (`CataloguePuller`). `then` runs
    /// after a success, before another reload can start (the pull puts its file in place so,
    /// and a SIGHUP cannot read the old file in between).
    func adopt(_ snapshot: CatalogueSnapshot, then: () -> Void = {}) -> Result<CatalogueSnapshot, CatalogueError> {
        reloading.withLock { _ in
            let result = adoptAlone(snapshot)
            if case .success = result { then() }
            return result
        }
    }

    private func adoptAlone(_ snapshot: CatalogueSnapshot) -> Result<CatalogueSnapshot, CatalogueError> {
        do {
            try checkReload(to: snapshot)
            state.replaceCatalogue(with: snapshot)
            moveToReplacements(snapshot)
            try? recordLoad(snapshot)
            logger.info(
                "catalogue reloaded",
                metadata: ["services": "\(snapshot.catalogue.services.count)", "version": "\(snapshot.version)"])
            logPlaceholders(snapshot)
            return .success(snapshot)
        } catch {
            logger.error("catalogue reload refused; still serving the previous one\n\(error)")
            return .failure(error)
        }
    }

    /// Stops in order, so that no request is left without an answer and libmicrohttpd never
    /// stops with a suspended connection (it aborts the process then):
    /// 1. stop accepting; kept connections get `Connection: close` with their next answer;
    /// 2. end the board streams (they would stay open for ever), and refuse new ones;
    /// 3. drain the commit thread's inbox: every submitted write is committed and answered,
    ///    and later ones are answered 503 `shutting_down`;
    /// 4. let requests in flight finish, answer whatever is still suspended, stop the server.
    public func stop() {
        cataloguePuller?.stop()
        server.quiesce()
        state.queue.hub.finishAll()
        state.queue.stop(timeout: configuration.shutdownGracePeriod)
        server.stop(gracePeriod: configuration.shutdownGracePeriod)
        state.outbox.stop()
        state.appointments.notifier.stop()
        chores.stop()
        state.city?.stop()
        checkpointer.stop()
        logger.info("stopped")
    }

    /// Open connections and suspended ones, for tests and the operator.
    public var connections: (open: Int, suspended: Int, inFlight: Int) {
        (server.openConnections, server.suspendedConnections, server.requestsInFlight)
    }

    /// What every HTML page gets unless it sets its own: no scripts but the print button's
    /// `print()` and the page's `onbeforeprint` that writes the print date (both allowed by
    /// their hashes: without the second the browser blocked it and the date never printed), no
    /// framing, no sniffing, and no referrer sent to other sites. Pages with a script of their
    /// own (the board) set their own policy.
    static let htmlSecurityHeaders: HTTPHeaders = [
        "Content-Security-Policy":
            "default-src 'none'; script-src 'unsafe-hashes' '\(ContentSecurity.hash("print()"))' "
            + "'\(ContentSecurity.hash(PageLayout.printDateScript))'; "
            + "style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
    ]

    /// Says how many local facts are still placeholders; the public sees 请咨询窗口 or nothing there.
    private func logPlaceholders(_ snapshot: CatalogueSnapshot) {
        let count = snapshot.catalogue.placeholders.count
        guard count > 0 else { return }
        logger.warning(
            """
            \(count) catalogue values are still placeholders 【待配置:…】; pages leave them out or say 请咨询窗口 \
            (list them with `onewindowd check --strict`)
            """,
            metadata: ["placeholders": "\(count)"])
    }

    private func recordLoad(_ snapshot: CatalogueSnapshot) throws {
        try state.storage.recordCatalogueLoad(
            CatalogueLoad(
                loadedAt: snapshot.loadedAt, file: configuration.cataloguePath, version: snapshot.version,
                serviceCount: snapshot.catalogue.services.count))
    }

    private static func hostForURL(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}
