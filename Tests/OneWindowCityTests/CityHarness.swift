import Foundation
import Logging
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

/// A city service in this process against its own PostgreSQL cluster, with halls registered.
final class CityHarness {
    let cluster: PostgresCluster
    let application: CityApplication
    let client: TestHTTPClient
    let location: CityDatabase.Location
    /// The readers' token (role `city`).
    let reader = "reader-token-0123456789"

    init(
        catalogue: Catalogue? = nil, clock: (@Sendable () -> Date)? = nil, catalogues: CityCatalogues? = nil,
        guideBase: String? = nil, configure: (inout CityConfiguration) -> Void = { _ in }
    ) throws {
        cluster = try PostgresCluster()
        let name = try cluster.createDatabase()
        location = CityDatabase.Location(port: cluster.port, user: cluster.user, database: name)
        var configuration = CityConfiguration(database: location)
        configuration.http.port = 0
        configuration.catalogue = catalogue
        configuration.catalogues = catalogues
        configuration.guideBase = guideBase
        if let clock { configuration.clock = clock }
        configure(&configuration)
        var logger = Logger(label: "onewindow.city.test")
        logger.logLevel = .warning
        application = try CityApplication(configuration: configuration, logger: logger)
        client = TestHTTPClient(port: try application.start())
        let store = application.store
        let reader = reader
        try CityDatabase.wait { try await store.addReader(name: "city-office", token: reader) }
    }

    /// Registers hall `id`; returns its token.
    @discardableResult
    func addHall(_ id: String) throws -> String {
        let token = "hall-token-\(id)-0123456789"
        let store = application.store
        try CityDatabase.wait { try await store.addHall(id: id, name: "大厅 \(id)", token: token) }
        return token
    }

    func post(_ hallId: String, _ batch: CityEventBatch, token: String) throws -> TestResponse {
        try client.send(
            "POST", "/api/v1/halls/\(hallId)/events",
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
            body: try JSONEncoder().encode(batch))
    }

    func metrics(_ query: String) throws -> TestResponse {
        try client.get("/api/v1/city/metrics?\(query)", headers: ["Authorization": "Bearer \(reader)"])
    }

    func stop() {
        application.stop()
        cluster.remove()
    }
}

/// A batch of `count` events of hall day `day` from seq `first`: tickets issued.
func issuedBatch(after: Int64, first: Int64, count: Int, day: String = "2026-11-02") -> CityEventBatch {
    CityEventBatch(
        after: after,
        events: (0..<count).map { index in
            let seq = first + Int64(index)
            return CityEvent(
                seq: seq, kind: .issued, ticketId: "A\(seq)", serviceId: "T-JZ-001", caseId: nil, hallDay: day,
                at: 815_000_000 + Double(seq), detail: nil)
        })
}
