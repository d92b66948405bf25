import Crypto
import Foundation
import Logging
import PostgresNIO

/// The city's queries, one function per query or transaction; handlers never write SQL.
public struct CityStore: Sendable {
    let database: CityDatabase
    var logger: Logger { database.logger }

    public init(_ database: CityDatabase) {
        self.database = database
    }

    /// Applies the migrations not yet applied; with `refusingRebuilds`, none if one of them
    /// would rebuild stored hall days (`CityMigrations.RebuildPending`): only `migrate` runs those.
    public func migrate(refusingRebuilds: Bool = false) async throws {
        try await CityMigrations.apply(database, refusingRebuilds: refusingRebuilds)
    }

    /// A hall as the city knows it.
    public struct Hall: Sendable, Equatable, Codable {
        public var hallId: String
        public var name: String
        public var heldSeq: Int64
    }

    /// Adds a hall with the SHA-256 of its token; refuses an id already there.
    public func addHall(id: String, name: String, token: String) async throws {
        do {
            try await database.connection { connection in
                try await connection.query(
                    """
                    INSERT INTO city_hall (hall_id, name, token_sha256) VALUES (\(id), \(name), \(Self.digest(token)))
                    """, logger: logger)
            }
        } catch let error where CityError.isUniqueViolation(error) {
            throw CityError.hallExists(id)
        }
    }

    /// The hall whose token this is, or nil.
    public func hall(token: String) async throws -> Hall? {
        try await database.connection { connection in
            let rows = try await connection.query(
                "SELECT hall_id, name, held_seq FROM city_hall WHERE token_sha256 = \(Self.digest(token))",
                logger: logger)
            for try await (id, name, held) in rows.decode((String, String, Int64).self) {
                return Hall(hallId: id, name: name, heldSeq: held)
            }
            return nil
        }
    }

    /// Whether any hall has figures of `serviceId` (a day rollup or a bad review made it one of
    /// the hall's services).
    public func hasFigures(serviceId: String) async throws -> Bool {
        try await database.connection { connection in
            let rows = try await connection.query(
                "SELECT EXISTS (SELECT 1 FROM city_hall_service WHERE service_id = \(serviceId))", logger: logger)
            for try await found in rows.decode(Bool.self) { return found }
            return false
        }
    }

    /// Every hall, by id.
    public func halls() async throws -> [Hall] {
        try await database.connection { connection in
            var halls: [Hall] = []
            let rows = try await connection.query(
                "SELECT hall_id, name, held_seq FROM city_hall ORDER BY hall_id", logger: logger)
            for try await (id, name, held) in rows.decode((String, String, Int64).self) {
                halls.append(Hall(hallId: id, name: name, heldSeq: held))
            }
            return halls
        }
    }

    /// How many events of `hallId` the city stores, and how many distinct seqs: equal when
    /// each is stored once (the city test's check).
    public func eventCounts(hallId: String) async throws -> (rows: Int, distinct: Int) {
        try await database.connection { connection in
            let rows = try await connection.query(
                "SELECT count(*), count(DISTINCT event_seq) FROM city_event WHERE hall_id = \(hallId)",
                logger: logger)
            for try await (all, distinct) in rows.decode((Int, Int).self) { return (all, distinct) }
            return (0, 0)
        }
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension CityStore {
    /// Every stored event detail of `hallId` (the privacy test reads them all).
    public func eventDetails(hallId: String) async throws -> [String] {
        try await database.connection { connection in
            var details: [String] = []
            for try await detail in try await connection.query(
                "SELECT detail FROM city_event WHERE hall_id = \(hallId) AND detail IS NOT NULL", logger: logger
            ).decode(String.self) {
                details.append(detail)
            }
            return details
        }
    }
}
