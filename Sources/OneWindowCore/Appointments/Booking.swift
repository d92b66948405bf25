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
    /// When it was checked in: punctual when not after the slot's start.
    public var checkedInAt: Date?

    public init(
        code: String, serviceId: String, slot: Slot, phoneKey: String, status: Status = .booked, bookedAt: Date,
        cancelledAt: Date? = nil, caseId: String? = nil, ticketId: String? = nil, checkedInAt: Date? = nil
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
        self.checkedInAt = checkedInAt
    }
}

/// Why a booking, a cancellation or a check-in is refused. Each case maps to one error code
/// of the API (`QueueErrors.swift`) and its message says to the applicant what to do instead.
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
    /// Words for the applicant, then for the developer.
    public var message: String {
        switch self {
        case .notBookable: "此事项不接受预约，请现场取号或通过其他渠道办理 (this service cannot be booked)"
        case .closedDay: "当日大厅不办公，请选择其他日期 (the hall is closed that day)"
        case .noSuchSlot: "没有这个时段，请从可预约时段中选择 (no such slot)"
        case .past: "该时段已开始或已过，请选择其他时段 (the slot has started)"
        case .notYetOpen(let opens):
            "该日期尚未开放预约，开放时间：\(Timestamp.iso8601(opens)) (booking for that day opens later)"
        case .slotFull: "该时段已约满，请选择其他时段 (the slot is full)"
        case .phoneHasBooking: "此手机号已有该事项的有效预约 (this phone holds a booking for this service)"
        case .phoneAtLimit: "此手机号的有效预约已达上限 (this phone holds as many bookings as allowed)"
        case .phoneBanned(let until):
            "此手机号近期多次预约未到，\(until) 前不能预约 (too many missed bookings; booking again from \(until))"
        case .tooLateToCancel: "距预约时段开始太近，已不能取消 (too late to cancel)"
        case .notBooked: "该预约已取消或已签到 (the booking was cancelled or checked in)"
        }
    }
}
