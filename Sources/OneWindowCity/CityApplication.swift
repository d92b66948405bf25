import Foundation
import Logging
import OneWindowApp
import OneWindowCore
import OneWindowHTTP

/// What the routes share: the configuration, the store, the logger and `/city`'s sessions
/// (kept in PostgreSQL, shared by every city service).
struct CityContext: Sendable {
    let configuration: CityConfiguration
    let store: CityStore
    let logger: Logger
    let sessions: ManageSessions
    /// The city's time zone, read from the system's tzdata as the hall reads its own
    /// (`SystemTimeZones`), not through Foundation's `TimeZone` (ICU) on every request.
    let calendar: HallCalendar

    /// The city's day (yyyy-MM-dd in its time zone): bad reviews past their deadline are overdue.
    func today() -> String {
        calendar.day(of: configuration.clock())
    }
}

/// The whole city service, wired: PostgreSQL, routes, HTTP server. `onewindow-city serve` and
/// the tests both build it this way.
public final class CityApplication: Sendable {
    public let configuration: CityConfiguration
    public let database: CityDatabase
    public let store: CityStore
    /// The route table (tests hold it against the OpenAPI document).
    public let router: Router
    private let server: HTTPServer
    /// The city's day: from the system's tzdata (`SystemTimeZones`), as the hall's.
    let calendar: HallCalendar
    /// The PostgreSQL calls made on a request's thread (tokens, sessions, failed sign-ins).
    let blockingCalls: CityBlockingCalls
    private let logger: Logger

    /// Connects and applies the migrations (waits up to `migrationTimeout` seconds for PostgreSQL
    /// to be reachable, not for a wrong password or database: `CityDatabaseProbe` says which);
    /// refuses to start when one would rebuild stored hall days (run `onewindow-city migrate`).
    public init(configuration: CityConfiguration, logger: Logger, migrationTimeout: Double = 30) throws {
        self.configuration = configuration
        self.logger = logger
        database = CityDatabase(configuration.database, logger: logger)
        let store = CityStore(database)
        self.store = store
        do {
            try CityDatabaseProbe.check(configuration.database, timeout: migrationTimeout, logger: logger)
            try CityDatabase.wait(timeout: migrationTimeout) { try await store.migrate(refusingRebuilds: true) }
        } catch {
            database.close()
            throw CityDatabaseProbe.migrationProblem(error, configuration.database)
        }
        let calls = CityBlockingCalls(logger: logger, clock: configuration.clock)
        blockingCalls = calls
        let tokens = CityTokens(store: store, calls: calls)
        let sessions = ManageSessions(
            path: "/city", cookieName: "ow_city", tokens: CityReaderTokens(tokens: tokens),
            store: CitySessionStore(store: store, calls: calls),
            throttle: CitySignInThrottle(store: store, calls: calls, clock: configuration.clock),
            clock: configuration.clock)
        SystemTimeZones.install()
        calendar = HallCalendar(timeZone: configuration.timeZone)
        let context = CityContext(
            configuration: configuration, store: store, logger: logger, sessions: sessions, calendar: calendar)
        router = Router(
            routes: CityRoutes.all(context), logger: logger,
            authenticate: { request, roles throws(HTTPError) in
                try tokens.authenticate(request, roles: roles)
            })
        server = HTTPServer(configuration: configuration.http, router: router, logger: logger)
    }

    /// Starts serving; returns the bound port.
    @discardableResult
    public func start() throws -> UInt16 {
        let port = try server.start()
        logger.info("city listening on http://\(configuration.http.host):\(port)")
        return port
    }

    /// Stops serving, then closes the pool.
    public func stop() {
        server.quiesce()
        server.stop(gracePeriod: .seconds(5))
        database.close()
    }
}
