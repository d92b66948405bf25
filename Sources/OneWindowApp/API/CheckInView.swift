import Foundation
import OneWindowCore

/// `POST /api/v1/appointments/{code}/check-in`: `{"body": CheckInRequest}`; absent means false.
struct CheckInRequest: Decodable, Sendable {
    var priority: Bool?
}

/// The answer to a check-in (预约签到): the ticket for the receipt, the booking it came from,
/// and words the kiosk shows.
struct CheckInView: Encodable, CommandAnswer {
    struct BookingSummary: Encodable {
        var code: String
        var serviceId: String
        var day: String
        var start: String
        var caseId: String?
    }

    var ticket: TicketView
    /// Absent for a remote ticket's check-in.
    var booking: BookingSummary?
    /// `in_time`: a ticket with channel `appointment`; `late`: the window had closed, a walk-in
    /// ticket; `remote`: a remote ticket (线上取号), now called in its place.
    var arrival: String
    /// Checked in before: this is the same ticket.
    var repeated: Bool
    /// What the kiosk says to the applicant.
    var message: String

    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        guard case .checkedIn(let result) = outcome else {
            preconditionFailure("a check-in was expected, not \(outcome)")
        }
        ticket = TicketView(result.ticket, in: queue)
        if case .checkIn(let order) = command, let code = order.evaluationCode,
            result.ticket.evaluationCodeHash == code.hash(for: result.ticket.id)
        {
            ticket.evaluationCode = code.code
        }
        booking = result.booking.map {
            BookingSummary(
                code: $0.code, serviceId: $0.serviceId, day: $0.slot.day, start: $0.slot.start.description,
                caseId: $0.caseId)
        }
        arrival = result.arrival.rawValue
        repeated = result.repeated
        message =
            switch result.arrival {
            case .inTime: "签到成功：预约号优先叫号，请留意叫号屏 (checked in: called ahead of walk-ins)"
            case .late:
                "已过签到时间（预约 \(booking?.start ?? "")），已按现场取号排队 (too late for the booking: a walk-in ticket)"
            case .remote:
                "签到成功：线上取号已生效，请留意叫号屏 (checked in: your remote ticket will be called in its place)"
            }
    }
}
