import Logging
import OneWindowStorage
import Synchronization

/// What handlers share: the current catalogue snapshot and the database.
public final class AppState: Sendable {
    public let storage: Storage
    public let queue: QueueService
    let tokens: DeviceTokenCache
    let logger: Logger
    /// The hall's clock: every timestamp and id comes from it, so tests can move it.
    let clock: QueueService.Clock
    let authFailures: AuthFailures
    /// Tickets per kiosk token.
    let issueLimit: RateLimiter
    /// The manager's numbers, kept from the event log.
    public let metrics: MetricsService
    /// Delivers the outbox; `/healthz` reports its backlog.
    public let outbox: OutboxSender
    /// Pulls the catalogue from the city; `/healthz` reports how the last pull went.
    public let cataloguePuller: CataloguePuller?
    private let snapshot: Mutex<CatalogueSnapshot>
    /// The public's figures from the fold (常见缺件提醒, the disclosure), cached.
    let publicFigures: PublicFigures

    init(
        catalogue: CatalogueSnapshot, storage: Storage, queue: QueueService, tokens: DeviceTokenCache, logger: Logger,
        issueRule: RateLimiter.Rule?, metrics: MetricsService, outbox: OutboxSender,
        cataloguePuller: CataloguePuller? = nil,
        clock: @escaping QueueService.Clock, publicFigures: PublicFigures.Setting = .init()
    ) {
        self.publicFigures = PublicFigures(setting: publicFigures)
        self.metrics = metrics
        self.outbox = outbox
        self.cataloguePuller = cataloguePuller
        self.clock = clock
        self.authFailures = AuthFailures(clock: clock)
        self.issueLimit = RateLimiter(rule: issueRule, clock: clock)
        self.snapshot = Mutex(catalogue)
        self.storage = storage
        self.queue = queue
        self.tokens = tokens
        self.logger = logger
    }

    /// The catalogue requests answer from now.
    public var catalogue: CatalogueSnapshot { snapshot.withLock { $0 } }

    func replaceCatalogue(with new: CatalogueSnapshot) {
        snapshot.withLock { $0 = new }
        queue.replaceCatalogue(new.published)
    }
}
