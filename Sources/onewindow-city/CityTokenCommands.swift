import ArgumentParser
import Crypto
import Foundation
import Logging
import OneWindowCity
import OneWindowCore

/// A new random token: 32 bytes, hex. Printed once; the city keeps its SHA-256 only.
func newToken() -> String {
    SymmetricKey(size: .bits256).withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
}

extension DatabaseOptions {
    /// Runs `body` on the city's store, migrated first (unless a migration would rebuild stored
    /// hall days: that is `migrate`'s), within `timeout` seconds; the database is closed after.
    func withStore<T: Sendable>(
        timeout: Double = 60, _ body: @escaping @Sendable (CityStore) async throws -> T
    ) throws -> T {
        let database = try open()
        defer { database.close() }
        let store = CityStore(database)
        return try CityDatabase.wait(timeout: timeout) {
            try await store.migrate(refusingRebuilds: true)
            return try await body(store)
        }
    }
}

/// `onewindow-city hall add ID NAME`: registers a hall and prints its token (for the hall's
/// `--city-token-file`).
struct CityHallAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hall-add", abstract: "Register a hall; prints its token once.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hall's id, as its daemon's --hall-id.") var hallId: String
    @Argument(help: "The hall's name, as the city's pages show it.") var name: String

    func validate() throws {
        guard HallId.isValid(hallId) else {
            throw ValidationError("a hall id is 1 to 63 lower-case letters, digits and hyphens, found “\(hallId)”")
        }
    }

    func run() throws {
        let token = newToken()
        let (id, name) = (hallId, name)
        try database.withStore { store in try await store.addHall(id: id, name: name, token: token) }
        print(token)
    }
}

/// `onewindow-city reader-add NAME`: a token for the metrics API and the /city page.
struct CityReaderAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader-add", abstract: "Add a reader of the city's figures; prints its token once.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Who reads, e.g. city-office.") var name: String

    func run() throws {
        let token = newToken()
        let name = name
        try database.withStore { store in try await store.addReader(name: name, token: token) }
        print(token)
    }
}

/// `onewindow-city reader-remove NAME`: the reader's token stops working on every city service
/// from the next request on, and its `/city` sessions end.
struct CityReaderRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader-remove", abstract: "Remove a reader of the city's figures and end its sessions.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The reader's name, as given to reader-add.") var name: String

    func run() throws {
        let name = name
        let removed = try database.withStore { store in try await store.removeReader(name: name) }
        guard removed else { throw ValidationError("there is no reader “\(name)”") }
    }
}

/// `onewindow-city hall-token ID`: a new token for a hall, printed once; the old one stops
/// working on every city service from the next request on (a token leaked or a server replaced).
struct CityHallToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hall-token", abstract: "Replace a hall's token; prints the new one once.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hall's id, as given to hall-add.") var hallId: String

    func run() throws {
        let token = newToken()
        let id = hallId
        let replaced = try database.withStore { store in try await store.replaceHallToken(id: id, token: token) }
        guard replaced else { throw ValidationError("there is no hall “\(id)”") }
        print(token)
    }
}
