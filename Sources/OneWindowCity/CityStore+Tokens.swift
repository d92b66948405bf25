import OneWindowHTTP
import PostgresNIO

extension CityStore {
    /// Adds a reader of the city's figures (role `city`) with the SHA-256 of its token.
    public func addReader(name: String, token: String) async throws {
        do {
            try await database.connection { connection in
                try await connection.query(
                    "INSERT INTO city_token (token_sha256, name) VALUES (\(Self.digest(token)), \(name))",
                    logger: logger)
            }
        } catch let error where CityError.isUniqueViolation(error) {
            throw CityError.readerExists(name)
        }
    }

    /// Removes the reader `name` and, in the same transaction, its `/city` sessions; false when
    /// there is no such reader.
    public func removeReader(name: String) async throws -> Bool {
        try await database.transaction { connection in
            var removed: [String] = []
            for try await digest in try await connection.query(
                "DELETE FROM city_token WHERE name = \(name) RETURNING token_sha256", logger: logger
            ).decode(String.self) {
                removed.append(digest)
            }
            for digest in removed {
                try await connection.query("DELETE FROM city_session WHERE token_sha256 = \(digest)", logger: logger)
            }
            return !removed.isEmpty
        }
    }

    /// Gives hall `id` the token `token` in place of its old one; false when there is no such hall.
    public func replaceHallToken(id: String, token: String) async throws -> Bool {
        try await database.connection { connection in
            var replaced = false
            for try await _ in try await connection.query(
                "UPDATE city_hall SET token_sha256 = \(Self.digest(token)) WHERE hall_id = \(id) RETURNING hall_id",
                logger: logger
            ).decode(String.self) {
                replaced = true
            }
            return replaced
        }
    }

    /// The device whose token hashes to `digest`: a hall (role `hall`, named by its id) or a
    /// reader of the city (role `city`); nil for none. Both lookups use a unique index.
    func device(digest: String) async throws -> Device? {
        try await database.connection { connection in
            let rows = try await connection.query(
                """
                SELECT 'hall', hall_id FROM city_hall WHERE token_sha256 = \(digest)
                UNION ALL SELECT 'city', name FROM city_token WHERE token_sha256 = \(digest)
                """, logger: logger)
            for try await (role, name) in rows.decode((String, String).self) {
                return Device(name: name, role: role)
            }
            return nil
        }
    }
}
