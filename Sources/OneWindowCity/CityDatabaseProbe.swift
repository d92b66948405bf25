import Foundation
import Logging
import PostgresNIO

/// What keeps the city service from its PostgreSQL at start, said as an operator needs it: what
/// is wrong and what to do. PostgresNIO's own errors print a generic text (they hide the
/// server's message on purpose), and the pool only waits, so without this a wrong password or a
/// missing database looked like “PostgreSQL did not answer within 30 s”.
public struct CityDatabaseProblem: Error, CustomStringConvertible {
    public let description: String
}

public enum CityDatabaseProbe {
    /// Connects once as the pool will, until it can or `timeout` seconds have passed: PostgreSQL
    /// not reachable yet (starting with the machine) is waited for; a refusal that waiting will
    /// not change (a wrong password, user or database) is thrown at once. Public so that the
    /// command line's other subcommands (`hall-add`, `migrate`) can say the same.
    public static func check(_ location: CityDatabase.Location, timeout: Double, logger: Logger) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let found = try CityDatabase.wait(timeout: 10) { await problem(location, logger: logger) }
            guard let found else { return }
            if !found.waitingHelps || Date() >= deadline {
                throw CityDatabaseProblem(
                    description: found.waitingHelps ? "\(found.message) (tried for \(Int(timeout)) s)" : found.message)
            }
            // The next try; not a synchronisation, a retry interval.
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    /// Nil when a connection opens; else why not, and whether trying again may help.
    static func problem(_ location: CityDatabase.Location, logger: Logger) async -> (
        message: String, waitingHelps: Bool
    )? {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(3)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try? await connection.close()
            return nil
        } catch let error as PSQLError {
            return explain(error, location)
        } catch {
            return ("cannot connect to PostgreSQL at \(location.host):\(location.port): \(error)", true)
        }
    }

    /// The operator's words for `error`.
    static func explain(_ error: PSQLError, _ location: CityDatabase.Location) -> (message: String, waitingHelps: Bool)
    {
        let place = "PostgreSQL at \(location.host):\(location.port)"
        let said = error.serverInfo?[.message].map { ": \($0)" } ?? ""
        let (user, database) = ("“\(location.user)”", "“\(location.database)”")
        switch (error.code, error.serverInfo?[.sqlState]) {
        case (.server, "28P01"):
            return (
                "\(place) refused the password of user \(user)\(said). Put the user's password in the file "
                    + "--pg-password-file (ONEWINDOW_CITY_PG_PASSWORD_FILE) names, or name the right user with --pg-user",
                false
            )
        case (.server, "28000"):
            return (
                "\(place) does not let user \(user) into database \(database)\(said). Name the right user with "
                    + "--pg-user (ONEWINDOW_CITY_PG_USER), or create it (createuser \(location.user)); pg_hba.conf "
                    + "must let this host in",
                false
            )
        case (.server, "3D000"):
            return (
                "\(place) has no database \(database)\(said). Create it (createdb -O \(location.user) "
                    + "\(location.database)), or name the right one with --pg-database (ONEWINDOW_CITY_PG_DATABASE)",
                false
            )
        case (.authMechanismRequiresPassword, _):
            return (
                "\(place) asks user \(user) for a password and none is given: write it in a file readable by the "
                    + "city's user only and name it with --pg-password-file (ONEWINDOW_CITY_PG_PASSWORD_FILE)",
                false
            )
        case (.server, let state?):
            // Starting up (57P03), too many connections (53300) and the like: worth waiting for.
            return ("\(place) refused the connection\(said) (SQLSTATE \(state))", true)
        default:
            let cause = error.underlying.map { ": \($0)" } ?? " (\(error.code))"
            return (
                "cannot reach \(place)\(cause). Is PostgreSQL running there? Check --pg-host and --pg-port "
                    + "(ONEWINDOW_CITY_PG_HOST, ONEWINDOW_CITY_PG_PORT)",
                true
            )
        }
    }

    /// A failure while applying the migrations, with the server's message; insufficient privilege
    /// (42501) says what to grant.
    static func migrationProblem(_ error: any Error, _ location: CityDatabase.Location) -> any Error {
        guard let error = serverError(in: error) else { return error }
        let said = error.serverInfo?[.message] ?? "\(error.code)"
        let state = error.serverInfo?[.sqlState] ?? "?"
        var text =
            "applying the city's migrations in database “\(location.database)” failed: \(said) (SQLSTATE \(state))"
        if state == "42501" {
            text +=
                ". The user “\(location.user)” must own the database: ALTER DATABASE \(location.database) OWNER TO "
                + "\(location.user)"
        }
        return CityDatabaseProblem(description: text)
    }

    /// The server's refusal inside `error`, also when a transaction wraps it.
    static func serverError(in error: any Error) -> PSQLError? {
        if let error = error as? PSQLError { return error.code == .server ? error : nil }
        guard let wrapped = error as? PostgresTransactionError else { return nil }
        for inner in [wrapped.beginError, wrapped.closureError, wrapped.commitError].compactMap({ $0 }) {
            if let found = serverError(in: inner) { return found }
        }
        return nil
    }
}
