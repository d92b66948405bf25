import Foundation
import GRDB
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

/// The `remote_ticket` rows (migration 0017): written with the queue's changes, read back at
/// start-up, forgotten on a privacy request, deleted after the retention period.
@Suite("Remote tickets in storage", .timeLimit(.minutes(2)))
struct RemoteTicketStorageTests {
    static func changes(_ id: String, day: String, key: String) -> QueueChanges {
        var changes = QueueChanges()
        changes.remoteTickets[id] = RemoteTicket(
            ticketId: id, hallDay: day, phoneKey: key, checkInCode: "CODE" + id, nearAhead: 3)
        changes.remotePhones[id] = Data("sealed-\(id)".utf8)
        return changes
    }

    @Test("written with the changes and read back by day; a later change keeps the sealed number")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("remote.sqlite"))
        try storage.write(Self.changes("R1", day: "2026-11-27", key: "k1"))
        var checked = QueueChanges()
        var remote = RemoteTicket(
            ticketId: "R1", hallDay: "2026-11-27", phoneKey: "k1", checkInCode: "CODER1", nearAhead: 3)
        remote.checkedInAt = Date(timeIntervalSince1970: 1_795_744_800)
        checked.remoteTickets["R1"] = remote
        try storage.write(checked)
        let loaded = try storage.loadQueue(day: "2026-11-27").remoteTickets
        #expect(loaded.count == 1 && loaded.first?.checkedInAt == remote.checkedInAt)
        #expect(loaded.first?.checkInCode == "CODER1" && loaded.first?.nearAhead == 3)
        #expect(try storage.transaction { try $0.sealedPhone(ofRemoteTicket: "R1") } == Data("sealed-R1".utf8))
        #expect(try storage.loadQueue(day: "2026-11-28").remoteTickets.isEmpty)
    }

    @Test("a privacy erase forgets a remote ticket's number; retention deletes the rows of past days")
    func eraseAndRetention() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("remote.sqlite"))
        try storage.write(Self.changes("OLD", day: "2026-10-01", key: "k1"))
        try storage.write(Self.changes("NEW", day: "2026-11-27", key: "k1"))
        try storage.write(Self.changes("OTHER", day: "2026-11-27", key: "k2"))
        #expect(try storage.erasePhone(key: "k1") == 2)
        #expect(try storage.transaction { try $0.sealedPhone(ofRemoteTicket: "NEW") } == nil)
        #expect(try storage.transaction { try $0.sealedPhone(ofRemoteTicket: "OTHER") } != nil)
        #expect(try storage.deleteRemoteTickets(beforeDay: "2026-11-01") == 1)
        #expect(try storage.loadQueue(day: "2026-11-27").remoteTickets.count == 2)
        #expect(try storage.deleteRemoteTickets(beforeDay: "2026-11-01") == 0)
    }

    @Test("a retention delete that fails throws and keeps every row")
    func deleteFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("faulty.sqlite"), configuration: Storage.configuration())
        let storage = try Storage(writer: pool)
        try storage.write(Self.changes("OLD", day: "2026-10-01", key: "k1"))
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER inject_fault BEFORE DELETE ON remote_ticket
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
        #expect(throws: (any Error).self) { try storage.deleteRemoteTickets(beforeDay: "2026-11-01") }
        #expect(try storage.loadQueue(day: "2026-10-01").remoteTickets.count == 1)
    }
}
