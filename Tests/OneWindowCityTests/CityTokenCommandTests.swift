import Foundation
import OneWindowCity
import OneWindowTesting
import Testing

/// `onewindow-city reader-remove` and `hall-token`, run as an operator runs them, against a
/// city service that keeps running.
@Suite("The city's token commands", .serialized, .timeLimit(.minutes(3)))
struct CityTokenCommandTests {
    static func city(_ city: CityHarness, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try DaemonProcess.run(
            arguments + [
                "--pg-port", "\(city.cluster.port)", "--pg-user", city.cluster.user, "--pg-database",
                city.location.database,
            ],
            executable: "onewindow-city")
    }

    /// The token a command printed: its one line of 64 hex digits (a log line on standard
    /// error, merged into `output` here, may come before it).
    static func token(_ output: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.count == 64 && $0.allSatisfy(\.isHexDigit) }
    }

    @Test("reader-remove ends a reader's token on the running service; a name not there fails, saying so")
    func readerRemove() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let added = try Self.city(city, ["reader-add", "district-office"])
        #expect(added.status == 0, "\(added.output)")
        let token = try #require(Self.token(added.output), "\(added.output)")
        let bearer = ["Authorization": "Bearer \(token)"]
        let metrics = "/api/v1/city/metrics?from=2026-11-01&to=2026-11-02"
        let read = try city.client.get(metrics, headers: bearer)
        #expect(read.status == 200, "\(read.status) \(read.text); reader-add printed: \(added.output)")
        let removed = try Self.city(city, ["reader-remove", "district-office"])
        #expect(removed.status == 0, "\(removed.output)")
        #expect(try city.client.get(metrics, headers: bearer).status == 401)
        let again = try Self.city(city, ["reader-remove", "district-office"])
        #expect(again.status != 0)
        #expect(again.output.contains("there is no reader “district-office”"), "\(again.output)")
    }

    @Test("hall-token prints a new token that writes, and the old one is refused; an unknown hall fails")
    func hallToken() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let old = try city.addHall("xigang")
        let replaced = try Self.city(city, ["hall-token", "xigang"])
        #expect(replaced.status == 0, "\(replaced.output)")
        let token = try #require(Self.token(replaced.output), "\(replaced.output)")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 2), token: old).status == 401)
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 2), token: token).status == 200)
        let unknown = try Self.city(city, ["hall-token", "nowhere"])
        #expect(unknown.status != 0)
        #expect(unknown.output.contains("there is no hall “nowhere”"), "\(unknown.output)")
    }
}
