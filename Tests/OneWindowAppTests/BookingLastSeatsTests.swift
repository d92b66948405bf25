import Foundation
import GRDB
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

/// The last places of a slot, fought over: the ledger decides in the group commit.
@Suite("The last seats of a slot", .timeLimit(.minutes(3)))
struct BookingLastSeatsTests {
    @Test("50 verified phones book the last 3 places at once: exactly 3 get 201, the rest 409 slot_full")
    func lastThree() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(
            notifyPort: receiver.port, capacity: 3, limits: ["codesPerAddressPerHour": 1_000])
        defer { hall.stop() }
        let phones = (0..<50).map { "1390000" + String(format: "%04d", $0) }
        for phone in phones { #expect(try hall.askCode(phone).status == 202) }
        #expect(receiver.wait { $0.count >= 50 }, "\(receiver.deliveries.count) of 50 codes arrived")
        var codes: [String: String] = [:]
        for delivery in receiver.deliveries {
            if let to = delivery.json["to"] as? String,
                let code = (delivery.json["params"] as? [String: Any])?["code"] as? String
            {
                codes[to] = code
            }
        }
        #expect(codes.count == 50)
        let frozen = codes
        let answers = Mutex<[Int: [String]]>([:])
        let finished = TestApplication.concurrently(50) { index in
            let phone = phones[index]
            guard let response = try? hall.book(phone, code: frozen[phone] ?? "") else { return }
            answers.withLock { $0[response.status, default: []].append(response.errorCode ?? "") }
        }
        #expect(finished)
        let seen = answers.withLock { $0 }
        #expect(seen[201]?.count == 3, "\(seen.mapValues(\.count))")
        #expect(seen[409]?.count == 47 && seen[409]?.allSatisfy { $0 == "slot_full" } == true, "\(seen)")
        #expect(Set(seen.keys) == [201, 409])
        // Exactly three on disk, and the slot list says none left.
        let stored = try hall.storage.bookings(fromDay: "2026-11-30").filter { $0.slot.start.description == "09:00" }
        #expect(stored.count == 3)
        let slots = try hall.app.client.get(
            "/api/v1/appointments/slots?serviceId=T-HY-001&from=2026-11-30&to=2026-11-30")
        let nine = (slots.json["slots"] as? [[String: Any]])?.first { $0["start"] as? String == "09:00" }
        #expect(nine?["left"] as? Int == 0)
    }

    @Test("a booking whose write fails gets 503, holds no place, and sends no message")
    func failedWrite() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("faulty.sqlite"), configuration: Storage.configuration())
        let storage = try Storage(writer: pool)
        let hall = try BookingHall(notifyPort: receiver.port, capacity: 1) { $0.storage = storage }
        defer { hall.stop() }
        try pool.write { db in
            try db.execute(
                sql:
                    "CREATE TRIGGER inject_fault BEFORE INSERT ON booking BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
            )
        }
        let failed = try hall.verifiedBook("13800138000", receiver: receiver)
        #expect(failed.status == 503, "\(failed.text)")
        try pool.write { db in try db.execute(sql: "DROP TRIGGER inject_fault") }
        // Memory never ran ahead of the disk: the one place is still free for another phone.
        #expect(try hall.verifiedBook("13900139000", receiver: receiver).status == 201)
        #expect(
            try hall.storage.outboxRecords(topic: "message").filter { $0.key.hasPrefix("booking_confirmed") }.count == 1
        )
    }
}
