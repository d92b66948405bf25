import Foundation
import OneWindowStorage
import OneWindowTesting
import Testing

@Suite("The SQLite database")
struct StorageTests {
    @Test("the database runs in WAL mode with its numbered migrations applied")
    func walAndMigrations() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("nested/state/onewindow.sqlite"))
        #expect(try storage.journalMode() == "wal")
        #expect(try storage.appliedMigrations() == ["0001-catalogue-loads", "0002-queue", "0003-device-tokens"])
        #expect(storage.isReachable())
    }

    @Test("each catalogue load is recorded, and a reload adds a row")
    func catalogueLoads() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let storage = app.application.state.storage
        #expect(try storage.catalogueLoads(limit: 10).count == 1)
        _ = app.application.reloadCatalogue()
        let loads = try storage.catalogueLoads(limit: 10)
        #expect(loads.count == 2)
        #expect(loads.allSatisfy { $0.serviceCount == 3 && $0.file == Fixtures.validCatalogue })
        #expect(loads[0].version == loads[1].version)
    }

    @Test("reopening a database keeps what it held")
    func reopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("onewindow.sqlite")
        try Storage(path: path).recordCatalogueLoad(
            CatalogueLoad(loadedAt: Date(timeIntervalSince1970: 0), file: "a.json", version: "v", serviceCount: 1))
        let loads = try Storage(path: path).catalogueLoads(limit: 5)
        #expect(loads.map(\.file) == ["a.json"])
    }
}
