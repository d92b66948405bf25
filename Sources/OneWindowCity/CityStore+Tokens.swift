import OneWindowHTTP
import PostgresNIO

extension CityStore {
    /// Adds a reader of the city's figures (role `city`) with the SHA-256 of its token.
    public func addReader(name: String, token: String) async throws {
        try await database.connection { connection in
            try await connection.query(
                "INSERT INTO city_token (token_sha256, name) VALUES (\(Self.digest(token)), \(name))", logger: logger)
        }
    }

    /// Every token the city accepts, by its SHA-256: halls (role `hall`, named by hall id) and
    /// the city's readers (role `city`).
    func devicesByDigest() async throws -> [String: Device] {
        try await database.connection { connection in
            var devices: [String: Device] = [:]
            for try await (digest, id) in try await connection.query(
                "SELECT token_sha256, hall_id FROM city_hall", logger: logger
            ).decode((String, String).self) {
                devices[digest] = Device(name: id, role: "hall")
            }
            for try await (digest, name) in try await connection.query(
                "SELECT token_sha256, name FROM city_token", logger: logger
            ).decode((String, String).self) {
                devices[digest] = Device(name: name, role: "city")
            }
            return devices
        }
    }
}
