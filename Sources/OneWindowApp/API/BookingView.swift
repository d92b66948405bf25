import Foundation
import OneWindowCore

/// A booking as its holder sees it (`POST /api/v1/appointments`, `GET …/{code}`, `…/cancel`):
/// the phone only masked, never the number.
struct BookingView: Encodable, Sendable {
    var code: String
    var serviceId: String
    var serviceName: String?
    var day: String
    var start: ClockTime
    var letter: String
    var status: String
    /// `138****8000`.
    var phone: String
    var caseId: String?
    /// Check-in at a kiosk is open between these instants (ISO 8601).
    var checkInFrom: String
    var checkInUntil: String
    /// Cancelling is possible until this instant.
    var cancelUntil: String

    init(_ booking: Booking, phone: PhoneNumber, plan: SlotPlan, catalogue: Catalogue) {
        code = booking.code
        serviceId = booking.serviceId
        serviceName = catalogue.service(id: booking.serviceId)?.name
        day = booking.slot.day
        start = booking.slot.start
        letter = booking.slot.letter
        status = booking.status.rawValue
        self.phone = phone.masked
        caseId = booking.caseId
        let window = plan.checkInWindow(booking.slot)
        checkInFrom = Timestamp.iso8601(window.lowerBound)
        checkInUntil = Timestamp.iso8601(window.upperBound)
        cancelUntil = Timestamp.iso8601(
            plan.startsAt(booking.slot) - Double(plan.settings.cancelMinutesBefore) * 60)
    }
}

struct BookingEnvelope: Encodable, Sendable {
    var booking: BookingView
}

/// `POST /api/v1/appointments`'s body.
struct BookingRequest: Decodable {
    var serviceId: String
    var day: String
    var start: String
    var phone: String
    var code: String
    var caseId: String?
}

/// `POST /api/v1/appointments/verification`'s body and answer.
struct VerificationRequest: Decodable {
    var phone: String
}

struct VerificationSent: Encodable, Sendable {
    /// The phone it went to, masked.
    var phone: String
    var expiresInSeconds: Int
    var tries: Int
}

/// Booking codes: 8 characters without look-alikes (no 0/O, 1/I), 32⁸ ≈ 10¹² of them, typed
/// at the kiosk or scanned from the QR code.
enum BookingCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The code as typed (any case, surrounding blanks), or nil when it cannot be one.
    static func normalized(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 8, code.allSatisfy(alphabet.contains) else { return nil }
        return code
    }
}
