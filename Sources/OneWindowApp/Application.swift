import Foundation
import Logging
import OneWindowCore
import OneWindowHTTP
import OneWindowStorage

/// The whole daemon, wired: catalogue, database, routes and HTTP server.
///
/// `onewindowd serve` and the tests both call `Application(configuration:logger:)`, so the
/// tests exercise the real wiring.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    public let state: AppState
    public let router: Router
    private let server: HTTPServer
    private let logger: Logger

    /// Loads and checks the catalogue and opens the database; refuses to build on a bad catalogue.
    public init(configuration: AppConfiguration, logger: Logger) throws {
        let snapshot = try CatalogueSource.load(path: configuration.cataloguePath)
        let storage = try Storage(path: configuration.databasePath)
        let queue = try QueueService(
            catalogue: snapshot.published, storage: storage, logger: logger,
            callsBeforeNoShow: configuration.callsBeforeNoShow, closingTime: configuration.closingTime,
            hub: EventHub(heartbeatSeconds: configuration.boardHeartbeatSeconds), clock: configuration.clock)
        self.configuration = configuration
        self.logger = logger
        let tokens = DeviceTokenCache(lifetime: configuration.tokenCacheSeconds, clock: configuration.clock)
        self.state = AppState(catalogue: snapshot, storage: storage, queue: queue, tokens: tokens, logger: logger)
        self.router = Router(routes: Routes.all(state), logger: logger)
        self.server = HTTPServer(configuration: configuration.http, router: router, logger: logger)
        try recordLoad(snapshot)
    }

    /// Starts serving and returns the bound port.
    @discardableResult
    public func start() throws -> UInt16 {
        let port = try server.start()
        logger.info(
            "listening on http://\(Self.hostForURL(configuration.http.host)):\(port)",
            metadata: ["services": "\(state.catalogue.catalogue.services.count)"])
        logPlaceholders(state.catalogue)
        return port
    }

    /// Loads the catalogue file again. A bad file leaves the old catalogue serving; the reason
    /// is logged and returned.
    @discardableResult
    public func reloadCatalogue() -> Result<CatalogueSnapshot, CatalogueError> {
        do {
            let snapshot = try CatalogueSource.load(path: configuration.cataloguePath)
            state.replaceCatalogue(with: snapshot)
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

    /// Stops accepting, lets requests in flight finish, then closes.
    public func stop() {
        // Boards keep their streams open for ever: end them so the stop need not wait for them.
        state.queue.hub.finishAll()
        server.stop(gracePeriod: configuration.shutdownGracePeriod)
        state.queue.stop()
        logger.info("stopped")
    }

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
