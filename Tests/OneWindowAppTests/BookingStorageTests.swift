import Foundation
import GRDB
import OneWindowApp
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

/// Bookings at rest: the phone number sealed, a keyed hash beside it, erased on request or
/// after the retention period, and a failed write that leaves nothing behind.
@Suite("Bookings in the database", .timeLimit(.minutes(2)))
struct BookingStorageTests {
    static let vault = PhoneVault(secret: Data(repeating: 7, count: 32))
    static let phone = PhoneNumber("138 0013 8000")!

    static func booking(_ code: String, day: String = "2026-12-14", phoneKey: String = vault.key(for: phone))
        -> Booking
    {
        Booking(
            code: code, serviceId: "T-HY-001", slot: Slot(day: day, start: ClockTime(hour: 9, minute: 30), letter: "A"),
            phoneKey: phoneKey, bookedAt: Date(timeIntervalSince1970: 1_796_601_600), caseId: nil)
    }

    @Test("a mobile number is read however it is written, and shown only masked")
    func phoneNumbers() {
        for written in ["13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "8613800138000"] {
            #expect(PhoneNumber(written)?.digits == "13800138000", "\(written)")
        }
        for wrong in ["", "1380013800", "138001380000", "12800138000", "23800138000", "1380013800x", "１３８００１３８０００"] {
            #expect(PhoneNumber(wrong) == nil, "\(wrong)")
        }
        #expect(Self.phone.masked == "138****8000")
        #expect("\(Self.phone)" == "138****8000", "printing a number by mistake shows no more than the mask")
    }

    @Test("the vault seals and opens a number; another key or a flipped bit opens nothing")
    func vault() {
        let sealed = Self.vault.seal(Self.phone)
        #expect(!sealed.isEmpty && sealed.range(of: Data("13800138000".utf8)) == nil)
        #expect(Self.vault.open(sealed) == Self.phone)
        #expect(PhoneVault(secret: Data(repeating: 8, count: 32)).open(sealed) == nil)
        var tampered = sealed
        tampered[tampered.count - 1] ^= 1
        #expect(Self.vault.open(tampered) == nil)
        #expect(Self.vault.key(for: Self.phone) == Self.vault.key(for: PhoneNumber("+8613800138000")!))
        #expect(
            Self.vault.key(for: Self.phone) != PhoneVault(secret: Data(repeating: 8, count: 32)).key(for: Self.phone))
        #expect(Self.vault.key(for: Self.phone).utf8.count == 64)
    }

    @Test("a phone key file must hold 64 hex digits; the error names the file")
    func keyFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = directory.path("phone.key")
        try (String(repeating: "0a", count: 32) + "\n").write(toFile: good, atomically: true, encoding: .utf8)
        #expect(
            try PhoneVault(keyFile: good).key(for: Self.phone)
                == PhoneVault(secret: Data(repeating: 10, count: 32)).key(for: Self.phone))
        let short = directory.path("short.key")
        try "abc".write(toFile: short, atomically: true, encoding: .utf8)
        #expect(throws: PhoneVaultError.self) { try PhoneVault(keyFile: short) }
        do {
            _ = try PhoneVault(keyFile: directory.path("missing.key"))
            Issue.record("a missing file was accepted")
        } catch {
            #expect(error.description.contains("missing.key"))
        }
    }

    @Test("a booking is written in a transaction and read back; the number is stored sealed only")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("hall.sqlite")
        let storage = try Storage(path: path)
        var booking = Self.booking("K7Q2M9")
        try storage.transaction { try $0.upsert(booking, phoneSealed: Self.vault.seal(Self.phone)) }
        booking.status = .cancelled
        booking.cancelledAt = Date(timeIntervalSince1970: 1_796_605_200)
        try storage.transaction { try $0.upsert(booking) }
        #expect(try storage.bookings(fromDay: "2026-12-14") == [booking])
        #expect(try storage.bookings(fromDay: "2026-12-15").isEmpty)
        let sealed = try #require(try storage.sealedPhone(ofBooking: "K7Q2M9"))
        #expect(Self.vault.open(sealed) == Self.phone, "a status change keeps the sealed number")
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(file.range(of: Data("13800138000".utf8)) == nil)
    }

    @Test("erasing one phone forgets its number and key; the retention sweep forgets old days' numbers")
    func erase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("hall.sqlite"))
        let other = Self.vault.key(for: PhoneNumber("13900139000")!)
        try storage.transaction { transaction in
            try transaction.upsert(Self.booking("OLD001", day: "2026-11-01"), phoneSealed: Self.vault.seal(Self.phone))
            try transaction.upsert(Self.booking("NEW001"), phoneSealed: Self.vault.seal(Self.phone))
            try transaction.upsert(
                Self.booking("NEW002", phoneKey: other), phoneSealed: Self.vault.seal(PhoneNumber("13900139000")!))
        }
        #expect(try storage.erasePhones(beforeDay: "2026-11-15") == 1)
        #expect(try storage.sealedPhone(ofBooking: "OLD001") == nil)
        #expect(try storage.erasePhone(key: Self.vault.key(for: Self.phone)) == 1)
        #expect(try storage.sealedPhone(ofBooking: "NEW001") == nil)
        #expect(try storage.sealedPhone(ofBooking: "NEW002") != nil, "another phone's booking is untouched")
        #expect(try storage.bookings(fromDay: "2026-01-01").map(\.code).sorted() == ["NEW001", "NEW002", "OLD001"])
    }

    @Test("a booking whose write fails is not on disk, and the group's other writes stay")
    func failedWrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("hall.sqlite"), configuration: .waitingForLocks)
        let storage = try Storage(writer: pool)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_booking BEFORE INSERT ON booking WHEN NEW.code = 'BAD001'
                    BEGIN SELECT RAISE(ABORT, 'disk says no'); END
                    """)
        }
        try storage.transaction { transaction in
            try transaction.job { try transaction.upsert(Self.booking("OK0001")) }
            #expect(throws: (any Error).self) { try transaction.job { try transaction.upsert(Self.booking("BAD001")) } }
        }
        #expect(try storage.bookings(fromDay: "2026-01-01").map(\.code) == ["OK0001"])
    }
}

/// `onewindowd privacy erase --phone`: one person's number forgotten on request.
@Suite("The privacy command", .timeLimit(.minutes(2)))
struct PrivacyCommandTests {
    @Test("privacy erase forgets the number, prints only its mask and the count, and refuses bad input")
    func erase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("hall.sqlite")
        let keyFile = directory.path("phone.key")
        try String(repeating: "07", count: 32).write(toFile: keyFile, atomically: true, encoding: .utf8)
        let storage = try Storage(path: database)
        try storage.transaction { transaction in
            try transaction.upsert(BookingStorageTests.booking("NEW001"), phoneSealed: Data([1, 2, 3]))
        }
        let run = try DaemonProcess.runSeparately([
            "privacy", "erase", "--database", database, "--phone", "138-0013-8000", "--phone-key-file", keyFile,
        ])
        let output = String(decoding: run.output, as: UTF8.self)
        #expect(run.status == 0, "\(run.errors)")
        #expect(output == "erased 138****8000: 1 booking no longer holds the number\n")
        #expect(try storage.sealedPhone(ofBooking: "NEW001") == nil)
        let bad = try DaemonProcess.runSeparately([
            "privacy", "erase", "--database", database, "--phone", "12345", "--phone-key-file", keyFile,
        ])
        #expect(bad.status != 0 && bad.errors.contains("not a mainland mobile number"))
        let noKey = try DaemonProcess.runSeparately([
            "privacy", "erase", "--database", database, "--phone", "13800138000", "--phone-key-file",
            directory.path("nope.key"),
        ])
        #expect(noKey.status != 0 && noKey.errors.contains("nope.key"))
    }
}
