import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The city's PostgreSQL: a pool of connections (postgres-nio's `PostgresClient`) run by a task
/// of its own. Every state of the city lives here; a city service keeps none, so several can
/// serve behind one load balancer.
public final class CityDatabase: Sendable {
    /// Where PostgreSQL is and who the city is there.
    public struct Location: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String

        public init(
            host: String = "127.0.0.1", port: Int = 5432, user: String, password: String? = nil, database: String
        ) {
            self.host = host
            self.port = port
            self.user = user
            self.password = password
            self.database = database
        }
    }

    let client: PostgresClient
    let logger: Logger
    private let runner: Mutex<Task<Void, Never>?>
    /// The split reads running (`onOneSnapshot`): 2 of up to 3 connections each, of the 8.
    let readGate = CityReadGate(slots: 2)
    /// Months known to have their partition of `city_event` (`CityStore.ensureMonths`).
    let knownMonths = Mutex<Set<String>>([])

    public init(_ location: Location, logger: Logger) {
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: .disable)
        // Few connections: each batch and each metrics read is one transaction, short.
        configuration.options.maximumConnections = 8
        configuration.options.connectTimeout = .seconds(3)
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        let client = client
        runner = Mutex(Task { await client.run() })
    }

    /// Stops the pool: queries waiting for a connection fail.
    public func close() {
        runner.withLock { $0?.cancel() }
    }

    /// Runs `body` in one transaction (BEGIN … COMMIT, ROLLBACK when it throws). A `CityError`
    /// that `body` throws comes out as itself once the transaction is rolled back (the driver
    /// wraps it), so that callers can answer it as what it is.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            if let city = error.closureError as? CityError, error.rollbackError == nil { throw city }
            throw error
        }
    }

    /// Runs `body` on one connection, outside a transaction.
    func connection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { connection in try await body(connection) }
    }

    /// Waits on this thread for `body`, run as a task, `timeout` seconds at most: the command
    /// line, start-up and the token check are synchronous, as the hall's are. A pool with
    /// PostgreSQL down waits for a connection; the caller does not wait with it, and the task is
    /// cancelled, so a write the caller was told failed is not made later, when PostgreSQL is back.
    public static func wait<T: Sendable>(timeout: Double = 10, _ body: @escaping @Sendable () async throws -> T)
        throws -> T
    {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            do {
                let value = try await body()
                result.withLock { $0 = .success(value) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else {
            task.cancel()
            throw DatabaseTimeout(seconds: timeout)
        }
        return try result.withLock { $0! }.get()
    }
}

/// PostgreSQL gave no answer in time.
public struct DatabaseTimeout: Error, CustomStringConvertible {
    public let seconds: Double
    public var description: String { "PostgreSQL did not answer within \(seconds) s" }
}
