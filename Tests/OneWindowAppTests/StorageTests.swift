import Foundation
import GRDB
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

@Suite("The SQLite database", .timeLimit(.minutes(2)))
struct StorageTests {
    @Test("the database runs in WAL mode with its numbered migrations applied")
    func walAndMigrations() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("nested/state/onewindow.sqlite"))
        #expect(try storage.journalMode() == "wal")
        #expect(
            try storage.appliedMigrations() == [
                "0001-catalogue-loads", "0002-queue", "0003-device-tokens", "0004-idempotency-keys", "0005-cases",
                "0006-window-tokens-and-ratings",
                "0007-outbox",
                "0008-first-call",
                "0009-metrics-rollups",
                "0010-bookings",
                "0011-message-outbox",
                "0012-ticket-channel",
                "0013-city-cursor",
                "0014-follow-up-indexes",
                "0015-booking-check-in-time",
                "0016-booking-ticket-index",
                "0017-remote-tickets",
                "0018-booking-rollups",
                "0019-metrics-months",
                "0020-bad-reviews-by-day",
            ])
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

    @Test("a catalogue load's time is stored as GRDB's date text, written by hand (GRDB's DateFormatter pages ICU in)")
    func catalogueLoadTimeText() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("onewindow.sqlite")
        let loadedAt = Date(timeIntervalSince1970: 1_764_892_800.25)
        try Storage(path: path).recordCatalogueLoad(
            CatalogueLoad(loadedAt: loadedAt, file: "a.json", version: "v", serviceCount: 1))
        let text = try DatabaseQueue(path: path, configuration: .waitingForLocks).read { db in
            try String.fetchOne(db, sql: "SELECT loaded_at FROM catalogue_load")
        }
        #expect(text == "2025-12-05 00:00:00.250")
        #expect(try Storage(path: path).catalogueLoads(limit: 1).first?.loadedAt == loadedAt)
        guard case .custom = CatalogueLoad.databaseDateEncodingStrategy(for: "loaded_at") else {
            Issue.record("CatalogueLoad's dates go through GRDB's DateFormatter")
            return
        }
    }

    @Test("queue rows written by the group commit read back as the same tickets, windows and events")
    func queueRoundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("onewindow.sqlite"))
        let issued = Date(timeIntervalSince1970: 1_795_827_903.25)
        var ticket = Ticket(
            id: "t1", hallDay: "2026-11-28", prefix: "A", sequence: 7, serviceId: "S1", priority: true,
            issuedAt: issued)
        var changes = QueueChanges()
        changes.tickets["t1"] = ticket
        changes.windows["3"] = WindowState(id: "3", paused: false, currentTicketId: nil)
        changes.events = [QueueEvent(kind: .issued, ticketId: "t1", window: nil, actor: "kiosk", at: issued)]
        let written = try storage.write(changes)
        #expect(written.map(\.id) == [1])
        ticket.status = .called
        ticket.window = "3"
        ticket.callCount = 1
        ticket.calledAt = issued + 90.5
        // The first call stays where it was when a recall moves the last one.
        ticket.firstCalledAt = issued + 60.25
        changes = QueueChanges()
        changes.tickets["t1"] = ticket
        changes.windows["3"] = WindowState(id: "3", paused: true, currentTicketId: "t1")
        try storage.write(changes)
        let stored = try storage.loadQueue(day: "2026-11-28")
        #expect(stored.tickets == [ticket])
        #expect(stored.windows == [WindowState(id: "3", paused: true, currentTicketId: "t1")])
        #expect(
            try storage.queueEvents().map(\.event) == [
                QueueEvent(kind: .issued, ticketId: "t1", window: nil, actor: "kiosk", at: issued)
            ])
    }

    @Test("queue events are append-only: the database refuses to update or delete them")
    func eventsAreAppendOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("onewindow.sqlite")
        var changes = QueueChanges()
        changes.events = [QueueEvent(kind: .paused, ticketId: nil, window: "1", actor: "clerk", at: Date())]
        try Storage(path: path).write(changes)
        let database = try DatabaseQueue(path: path, configuration: .waitingForLocks)
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.execute(sql: "UPDATE queue_event SET actor = 'x'") }
        }
        #expect(throws: DatabaseError.self) { try database.write { try $0.execute(sql: "DELETE FROM queue_event") } }
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM queue_event") } == 1)
    }
}
