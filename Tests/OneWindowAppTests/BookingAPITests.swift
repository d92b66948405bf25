import Foundation
import OneWindowStorage
import OneWindowTesting
import Testing

/// Booking over HTTP with a verified phone: send a code, book, read, cancel, and the bad input.
@Suite("Booking over HTTP", .timeLimit(.minutes(2)))
struct BookingAPITests {
    @Test("a code reaches the phone, books a slot (201), reads back with the phone only, and cancels")
    func flow() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(notifyPort: receiver.port)
        defer { hall.stop() }
        let asked = try hall.askCode("138 0013 8000")
        #expect(asked.status == 202, "\(asked.text)")
        #expect(asked.json["phone"] as? String == "138****8000" && asked.json["expiresInSeconds"] as? Int == 300)
        #expect(!asked.text.contains("13800138000"))
        let code = try #require(BookingHall.code(for: "13800138000", in: receiver))
        #expect(code.count == 6 && !asked.text.contains(code))
        let booked = try hall.book("13800138000", code: code)
        #expect(booked.status == 201, "\(booked.text)")
        let booking = try #require(booked.json["booking"] as? [String: Any])
        let bookingCode = try #require(booking["code"] as? String)
        #expect(booking["phone"] as? String == "138****8000" && booking["status"] as? String == "booked")
        #expect(booking["day"] as? String == "2026-11-30" && booking["start"] as? String == "09:00")
        // On disk when answered: the table holds it, without a readable number.
        let stored = try hall.storage.bookings(fromDay: "2026-11-30")
        #expect(stored.map(\.code) == [bookingCode])
        #expect(try hall.storage.sealedPhone(ofBooking: bookingCode).map { !$0.isEmpty } == true)
        // The code books once (T-JZ-002, letter C, could be booked with a fresh one).
        #expect(try hall.book("13800138000", code: code, service: "T-JZ-002").errorCode == "verification_code_invalid")
        let read = try hall.app.client.get("/api/v1/appointments/\(bookingCode)", headers: ["X-Phone": "13800138000"])
        #expect(read.status == 200 && (read.json["booking"] as? [String: Any])?["code"] as? String == bookingCode)
        let lower = try hall.app.client.get(
            "/api/v1/appointments/\(bookingCode.lowercased())", headers: ["X-Phone": "+86 138-0013-8000"])
        #expect(lower.status == 200)
        let cancelled = try hall.post(
            "/api/v1/appointments/\(bookingCode)/cancel", json: "", headers: ["X-Phone": "13800138000"])
        #expect(cancelled.status == 200, "\(cancelled.text)")
        #expect((cancelled.json["booking"] as? [String: Any])?["status"] as? String == "cancelled")
        let again = try hall.post(
            "/api/v1/appointments/\(bookingCode)/cancel", json: "", headers: ["X-Phone": "13800138000"])
        #expect(again.status == 409 && again.errorCode == "booking_not_live")
    }

    @Test("another phone, an unknown code and a malformed code all get the same 404; no phone 422")
    func probing() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(notifyPort: receiver.port)
        defer { hall.stop() }
        let booked = try hall.verifiedBook("13900139000", receiver: receiver)
        let code = try #require((booked.json["booking"] as? [String: Any])?["code"] as? String)
        var bodies: Set<String> = []
        for (target, phone) in [
            (code, "13700137000"), ("ZZZZZZZZ", "13900139000"), ("1", "13900139000"), ("%20", "13900139000"),
        ] {
            let response = try hall.app.client.get("/api/v1/appointments/\(target)", headers: ["X-Phone": phone])
            #expect(response.status == 404 && response.errorCode == "booking_not_found", "\(target)")
            bodies.insert(response.text)
            let cancel = try hall.post("/api/v1/appointments/\(target)/cancel", json: "", headers: ["X-Phone": phone])
            #expect(cancel.status == 404, "\(target)")
        }
        #expect(bodies.count == 1, "the answers differ: \(bodies)")
        #expect(try hall.app.client.get("/api/v1/appointments/\(code)").errorCode == "invalid_phone")
        let odd = try hall.app.client.get("/api/v1/appointments/\(code)", headers: ["X-Phone": "12345"])
        #expect(odd.status == 422 && odd.errorCode == "invalid_phone")
        // Still booked: nobody but its phone could cancel it.
        #expect(try hall.storage.bookings(fromDay: "2026-11-30").first?.status == .booked)
    }

    @Test(
        "bad bookings get 422 saying why, before the code is used up",
        arguments: [
            ("2026-12-01", "09:00", "T-HY-001", "hall_closed_that_day"),
            ("2026-11-27", "09:00", "T-HY-001", "slot_in_past"),
            ("2026-12-07", "09:00", "T-HY-001", "booking_not_open"),
            ("2026-11-30", "09:10", "T-HY-001", "no_such_slot"),
            ("2026-11-30", "09:00", "T-JZ-001", "service_not_bookable"),
        ])
    func refusals(day: String, start: String, service: String, code: String) throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(notifyPort: receiver.port)
        defer { hall.stop() }
        #expect(try hall.askCode("13800138000").status == 202)
        let sent = try #require(BookingHall.code(for: "13800138000", in: receiver))
        let refused = try hall.book("13800138000", code: sent, day: day, start: start, service: service)
        #expect(refused.status == 422 && refused.errorCode == code, "\(refused.text)")
        #expect((refused.json["error"] as? [String: Any])?["message"] as? String != nil)
        // The code was not used up by the refusal.
        #expect(try hall.book("13800138000", code: sent).status == 201)
    }

    @Test("malformed phones 422, malformed bodies 400, unknown services 404, wrong codes 403 up to the tries")
    func hostile() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(notifyPort: receiver.port)
        defer { hall.stop() }
        for phone in ["12345678901", "1380013800", "138001380001", "abc", ""] {
            #expect(try hall.askCode(phone).errorCode == "invalid_phone", "\(phone)")
            #expect(try hall.book(phone, code: "123456").errorCode == "invalid_phone", "\(phone)")
        }
        #expect(try hall.post("/api/v1/appointments", json: "{").errorCode == "malformed_body")
        #expect(try hall.post("/api/v1/appointments/verification", json: #"{"phone":1}"#).errorCode == "malformed_body")
        for day in ["2026-2-30", "2026-02-30", "30-11-2026", "2026-11-30T00"] {
            #expect(try hall.book("13800138000", code: "1", day: day).errorCode == "malformed_body", "\(day)")
        }
        #expect(try hall.book("13800138000", code: "1", start: "9:00").errorCode == "malformed_body")
        #expect(try hall.book("13800138000", code: "1", service: "NOPE").errorCode == "service_not_found")
        #expect(try hall.askCode("13800138000").status == 202)
        let code = try #require(BookingHall.code(for: "13800138000", in: receiver))
        let wrong = code == "000000" ? "000001" : "000000"
        for _ in 0..<4 { #expect(try hall.book("13800138000", code: wrong).errorCode == "verification_code_invalid") }
        let last = try hall.book("13800138000", code: wrong)
        #expect(last.status == 403 && last.errorCode == "verification_code_exhausted")
        // After five wrong tries even the right code is refused: a new one is needed.
        #expect(try hall.book("13800138000", code: code).errorCode == "verification_code_exhausted")
        #expect(try hall.storage.bookings(fromDay: "2026-11-27").isEmpty)
    }

    @Test("codes are limited per phone and per address: 429 with Retry-After")
    func codeLimits() throws {
        let hall = try BookingHall(notifyPort: nil, limits: ["codesPerPhonePerHour": 2, "codesPerAddressPerHour": 3])
        defer { hall.stop() }
        #expect(try hall.askCode("13800138000").status == 202)
        #expect(try hall.askCode("13800138000").status == 202)
        let third = try hall.askCode("13800138000")
        #expect(third.status == 429 && third.errorCode == "rate_limited" && third.headers["retry-after"] != nil)
        #expect(try hall.askCode("13900139000").status == 202)
        #expect(try hall.askCode("13700137000").errorCode == "rate_limited", "the address asked 3 times")
    }

    @Test("one live booking per phone per service, and a cancelled place returns only after the delay")
    func phoneLimitsAndRelease() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(notifyPort: receiver.port, capacity: 1)
        defer { hall.stop() }
        let first = try hall.verifiedBook("13800138000", receiver: receiver)
        #expect(first.status == 201)
        let second = try hall.verifiedBook("13800138000", receiver: receiver, start: "10:00")
        #expect(second.status == 409 && second.errorCode == "phone_has_booking")
        let code = try #require((first.json["booking"] as? [String: Any])?["code"] as? String)
        #expect(
            try hall.post("/api/v1/appointments/\(code)/cancel", json: "", headers: ["X-Phone": "13800138000"]).status
                == 200)
        let other = try hall.verifiedBook("13900139000", receiver: receiver)
        #expect(other.status == 409 && other.errorCode == "slot_full", "inside the release delay")
        hall.clock.advance(15 * 60 + 1)
        #expect(try hall.verifiedBook("13900139000", receiver: receiver).status == 201)
    }
}
