import Foundation
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

/// What the booking side does by the clock: the day-before reminder and the retention sweep.
@Suite("Reminders and retention", .timeLimit(.minutes(2)))
struct BookingChoresTests {
    @Test("the day before at reminderAt, tomorrow's live bookings get one reminder each, the others none")
    func reminder() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(notifyPort: receiver.port) { $0.choresSeconds = 0.02 }
        defer { hall.stop() }
        let monday = try hall.verifiedBook("13800138000", receiver: receiver)
        let code = try #require((monday.json["booking"] as? [String: Any])?["code"] as? String)
        let cancelled = try hall.verifiedBook("13900139000", receiver: receiver, start: "10:00")
        let other = try #require((cancelled.json["booking"] as? [String: Any])?["code"] as? String)
        #expect(
            try hall.post("/api/v1/appointments/\(other)/cancel", json: "", headers: ["X-Phone": "13900139000"])
                .status == 200)
        #expect(try hall.verifiedBook("13700137000", receiver: receiver, day: "2026-12-02").status == 201)
        // Sunday 17:59: not yet. Sunday 18:00 in Shanghai: Monday's booking is reminded.
        hall.clock.advance(2 * 86_400 + 8 * 3_600 - 60)
        let early = try waitUntil(seconds: 0.3) {
            try !hall.storage.outboxRecords(topic: "message").filter { $0.key.hasPrefix("booking_reminder") }.isEmpty
        }
        #expect(!early, "a reminder before the hour")
        hall.clock.advance(60)
        #expect(receiver.wait { $0.contains { $0.json["template"] as? String == "booking_reminder" } })
        let reminders = try hall.storage.outboxRecords(topic: "message").filter {
            $0.key.hasPrefix("booking_reminder")
        }
        #expect(reminders.map(\.key) == ["booking_reminder:" + code])
        let sent = try #require(receiver.deliveries.first { $0.json["template"] as? String == "booking_reminder" })
        #expect(sent.json["to"] as? String == "13800138000")
        #expect((sent.json["text"] as? String)?.contains("提醒") == true)
    }

    @Test("bookings are deleted with their numbers retentionDays after their day, logged by count")
    func retention() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("kept.sqlite"))
        let old = Booking(
            code: "OLDBOOK2", serviceId: "T-HY-001",
            slot: Slot(day: "2026-10-27", start: ClockTime(hour: 9, minute: 0), letter: "A"), phoneKey: "k",
            bookedAt: Date(timeIntervalSince1970: 1_790_000_000))
        let kept = Booking(
            code: "KEPTBOOK", serviceId: "T-HY-001",
            slot: Slot(day: "2026-10-28", start: ClockTime(hour: 9, minute: 0), letter: "A"), phoneKey: "k",
            bookedAt: Date(timeIntervalSince1970: 1_790_000_000))
        try storage.transaction { transaction in
            try transaction.upsert(old, phoneSealed: Data([1, 2, 3]))
            try transaction.upsert(kept, phoneSealed: Data([1, 2, 3]))
        }
        let log = CapturedLog()
        let hall = try BookingHall(notifyPort: nil, logger: log.logger()) {
            $0.storage = storage
            $0.retentionDays = 30
            $0.choresSeconds = 0.02
        }
        defer { hall.stop() }
        // 2026-11-27 less 30 days is 2026-10-28: the booking of the 27th goes, the 28th stays.
        #expect(try waitUntil(seconds: 10) { try storage.bookings(fromDay: "2026-01-01").map(\.code) == ["KEPTBOOK"] })
        #expect(try storage.sealedPhone(ofBooking: "OLDBOOK2") == nil)
        // The sweep logs after its transaction: the line may come just after the rows are gone.
        var line: CapturedLog.Line?
        #expect(
            try waitUntil(seconds: 10) {
                line = log.all.first { $0.message.contains("retention") }
                return line != nil
            })
        #expect(line?.metadata["bookings"] == "1" && line?.metadata["before"] == "2026-10-28")
        #expect(log.all.allSatisfy { !$0.message.contains("13800138000") })
    }
}
