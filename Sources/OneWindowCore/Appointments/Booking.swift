import Foundation

/// A booking (预约) of one slot for one service, made with a verified phone.
///
/// The phone number itself is not here: Core sees only `phoneKey`, a keyed hash the storage
/// adapter computes, which is enough for the per-phone limits and names no one.
public struct Booking: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Equatable, Codable, CaseIterable {
        /// Booked, not yet checked in.
        case booked
        /// Cancelled by the applicant; the place returns to the pool after the release delay.
        case cancelled
        /// Checked in at a kiosk: a ticket was issued.
        case checkedIn = "checked_in"
    }

    /// The booking code the applicant shows or scans at the kiosk.
    public let code: String
    public let serviceId: String
    public let slot: Slot
    /// HMAC of the phone number (hex), keyed by the hall's secret.
    public let phoneKey: String
    public var status: Status
    public let bookedAt: Date
    public var cancelledAt: Date?
    /// A return visit of this case, if the booking was made for one.
    public let caseId: String?
    /// The ticket a check-in issued.
    public var ticketId: String?

    public init(
        code: String, serviceId: String, slot: Slot, phoneKey: String, status: Status = .booked, bookedAt: Date,
        cancelledAt: Date? = nil, caseId: String? = nil, ticketId: String? = nil
    ) {
        self.code = code
        self.serviceId = serviceId
        self.slot = slot
        self.phoneKey = phoneKey
        self.status = status
        self.bookedAt = bookedAt
        self.cancelledAt = cancelledAt
        self.caseId = caseId
        self.ticketId = ticketId
    }
}

/// Why a booking, a cancellation or a check-in is refused. Each case maps to one error code
/// of the API (`BookingRefusal.code`) and says to the applicant what to do instead.
public enum BookingRefusal: Sendable, Equatable, Error {
    /// The service's letter takes no bookings, or the hall does not receive the service.
    case notBookable
    /// The day is a weekend or a holiday.
    case closedDay
    /// No slot starts at that time on that day.
    case noSuchSlot
    /// The slot has started.
    case past
    /// Booking for that day opens later.
    case notYetOpen(opens: Date)
    case slotFull
    /// The phone holds a live booking for this service already.
    case phoneHasBooking
    /// The phone holds as many live bookings as allowed.
    case phoneAtLimit
    /// The phone missed too many bookings; it may book again from `until`.
    case phoneBanned(until: String)
    /// Cancelling is possible only up to the set minutes before the slot.
    case tooLateToCancel
    /// The booking was cancelled or checked in already.
    case notBooked
    /// The API's error code.
    public var code: String {
        switch self {
        case .notBookable: "service_not_bookable"
        case .closedDay: "hall_closed_that_day"
        case .noSuchSlot: "no_such_slot"
        case .past: "slot_in_past"
        case .notYetOpen: "booking_not_open"
        case .slotFull: "slot_full"
        case .phoneHasBooking: "phone_has_booking"
        case .phoneAtLimit: "phone_at_limit"
        case .phoneBanned: "phone_banned"
        case .tooLateToCancel: "too_late_to_cancel"
        case .notBooked: "booking_not_live"
        }
    }
}
