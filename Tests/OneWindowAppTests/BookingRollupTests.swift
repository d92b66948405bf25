import Foundation
import GRDB
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

/// The booking figures of a range outlive its bookings: the retention sweep deletes them and,
/// in the same transaction, keeps their counts per day and service (`booking_rollup`).
@Suite("Booking figures past the retention period", .timeLimit(.minutes(2)))
struct BookingRollupTests {
    /// 2026-12-20, 10:00 in Shanghai: every November window has closed.
    static let now = BookingHall.start.addingTimeInterval(23 * 86_400)

    /// A scripted November of 婚姻登记 (letter A): on each working day from the 2nd to the 27th,
    /// five bookings, in turn punctual, checked in after the start, late, missed and cancelled.
    static func november() -> [Booking] {
        let calendar = HallCalendar(timeZone: "Asia/Shanghai")
        var bookings: [Booking] = []
        for date in 2...27 where (date - 2) % 7 < 5 {
            let day = String(format: "2026-11-%02d", date)
            for (index, time) in ["09:00", "09:30", "10:00", "13:30", "14:00"].enumerated() {
                let start = ClockTime(time)!
                let at = calendar.instant(day: day, at: start)
                let kind = (date + index) % 5
                let status: Booking.Status = kind == 4 ? .cancelled : kind == 3 ? .booked : .checkedIn
                let checkedIn: Date? = [at - 600, at + 300, at + 1_200][safe: kind]
                bookings.append(
                    Booking(
                        code: "N\(date)X\(index)", serviceId: "T-HY-001",
                        slot: Slot(day: day, start: start, letter: "A"), phoneKey: "key-\(date)-\(index)",
                        status: status, bookedAt: at - 3 * 86_400,
                        cancelledAt: status == .cancelled ? at - 86_400 : nil,
                        checkedInAt: checkedIn))
            }
        }
        return bookings
    }

    /// The `bookings` blocks of the hall and of 婚姻登记 for three ranges (the month, its second
    /// half with the first days of December, and one day).
    static func figures(_ hall: BookingHall) throws -> [String] {
        let clerk = try hall.app.createToken(role: .clerk, name: "clerk-\(UUID().uuidString.prefix(8))", window: "1")
        return try [("2026-11-01", "2026-11-30"), ("2026-11-16", "2026-12-04"), ("2026-11-18", "2026-11-18")].map {
            let response = try hall.app.client.get(
                "/api/v1/metrics?from=\($0.0)&to=\($0.1)", headers: ["Authorization": "Bearer \(clerk)"])
            #expect(response.status == 200, "\(response.text)")
            let service = (response.json["services"] as? [[String: Any]])?.first {
                $0["serviceId"] as? String == "T-HY-001"
            }
            let both: [String: Any] = [
                "hall": response.json["bookings"] as Any, "service": service?["bookings"] as Any,
            ]
            return String(
                decoding: try JSONSerialization.data(withJSONObject: both, options: .sortedKeys), as: UTF8.self)
        }
    }

    static func hall(_ path: String, retentionDays: Int) throws -> BookingHall {
        let storage = try Storage(path: path)
        return try BookingHall(notifyPort: nil) {
            $0.storage = storage
            $0.retentionDays = retentionDays
            $0.choresSeconds = 0.02
            $0.clock = { Self.now }
        }
    }

    @Test("figures for a scripted month read after retention deleted its bookings equal the figures before")
    func sameFiguresAfterDeletion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("hall.sqlite")
        let storage = try Storage(path: path)
        try storage.transaction { transaction in
            for booking in Self.november() { try transaction.upsert(booking, phoneSealed: Data([1])) }
        }
        let kept = try Self.hall(path, retentionDays: 60)
        let before = try Self.figures(kept)
        kept.stop()
        #expect(before[0].contains(#""bookings":80"#) && before[0].contains(#""missed":20"#), "\(before[0])")

        // 10 days: everything before 2026-12-10 goes.
        let swept = try Self.hall(path, retentionDays: 10)
        defer { swept.stop() }
        #expect(try waitUntil { try swept.storage.bookings(fromDay: "2026-01-01").isEmpty }, "the sweep deleted them")
        #expect(try Self.figures(swept) == before)

        // onewindowd report reads the same kept counts: 20 of the 80 missed, 20 of 60 punctual.
        let report = try DaemonProcess.runSeparately([
            "report", "--database", path, "--catalogue", swept.directory.path("services.json"), "--from", "2026-11-01",
            "--to", "2026-11-30",
        ])
        #expect(report.status == 0, "\(report.errors)")
        let text = String(decoding: report.output, as: UTF8.self)
        #expect(text.contains("预约 80（取消 20）· 签到 60 · 爽约率 25.00% · 准时率 33.33% · 号源使用率 "), "\(text)")
    }

    @Test("when keeping the counts fails, nothing is deleted and the figures stay; the next turn succeeds")
    func failingRollupDeletesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("hall.sqlite")
        let pool = try DatabasePool(path: path, configuration: Storage.configuration())
        let storage = try Storage(writer: pool)
        try storage.transaction { transaction in
            for booking in Self.november() { try transaction.upsert(booking, phoneSealed: Data([1])) }
        }
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER inject_fault BEFORE INSERT ON booking_rollup
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
        let log = CapturedLog()
        let hall = try BookingHall(notifyPort: nil, logger: log.logger()) {
            $0.storage = storage
            $0.retentionDays = 10
            $0.choresSeconds = 0.02
            $0.clock = { Self.now }
        }
        defer { hall.stop() }
        #expect(waitUntil { log.all.contains { $0.message.contains("cannot delete bookings") } })
        #expect(try storage.bookings(fromDay: "2026-01-01").count == 100, "nothing was deleted")
        let failed = try Self.figures(hall)
        #expect(failed[0].contains(#""bookings":80"#), "\(failed[0])")
        try pool.write { db in try db.execute(sql: "DROP TRIGGER inject_fault") }
        #expect(try waitUntil { try storage.bookings(fromDay: "2026-01-01").isEmpty })
        #expect(try Self.figures(hall) == failed)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
