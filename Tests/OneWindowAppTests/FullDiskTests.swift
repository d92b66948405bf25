import Foundation
import GRDB
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// A full disk, as a database that may not grow (`max_page_count`): writes are refused
/// clearly, reads go on, health says so, and the daemon carries on once there is room.
@Suite("A full disk", .timeLimit(.minutes(2)))
struct FullDiskTests {
    @Test("writes answer 503 storage_full, reads work, /healthz says not writable, and all recovers without a restart")
    func fullDisk() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("full.sqlite"), configuration: Storage.configuration())
        let storage = try Storage(writer: pool)
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.storage = storage }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        #expect(try app.issue(token: kiosk, service: "T-JZ-001").status == 201)
        try pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 1)")
        }
        var last = try app.issue(token: kiosk, service: "T-JZ-001")
        var acknowledged = last.status == 201 ? 2 : 1
        for _ in 0..<2000 where last.status == 201 {
            last = try app.issue(token: kiosk, service: "T-JZ-001")
            if last.status == 201 { acknowledged += 1 }
        }
        #expect(last.status == 503 && last.errorCode == "storage_full", "\(last.text)")
        #expect(last.headers["retry-after"] == "1")
        #expect(try app.client.get("/api/v1/services/T-JZ-001").status == 200)
        #expect(try app.client.get("/api/v1/queue").status == 200)
        let health = try app.client.get("/healthz")
        #expect(health.status == 503, "\(health.text)")
        #expect(health.json["database"] as? String == "not_writable")
        #expect((health.json["problem"] as? String)?.contains("full") == true, "\(health.text)")
        // What was acknowledged is exactly what is stored.
        let day = app.application.state.queue.read(\.day)
        #expect(try storage.tickets(day: day).count == acknowledged)
        #expect(app.application.state.queue.read(\.tickets.count) == acknowledged)

        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = 1000000") }
        var healthy = try app.client.get("/healthz")
        for _ in 0..<50 where healthy.status != 200 {
            Thread.sleep(forTimeInterval: 0.1)
            healthy = try app.client.get("/healthz")
        }
        #expect(healthy.status == 200, "\(healthy.text)")
        let after = try app.issue(token: kiosk, service: "T-JZ-001")
        #expect(
            after.status == 201 && after.json["number"] as? String == "C\(String(format: "%03d", acknowledged + 1))")
    }
}
