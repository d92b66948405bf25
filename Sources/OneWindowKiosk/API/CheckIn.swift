import Foundation

/// The daemon's answer to a check-in (预约签到): `POST /api/v1/appointments/{code}/check-in`.
public struct CheckInInfo: Sendable, Equatable, Codable {
    public struct Booking: Sendable, Equatable, Codable {
        public var code: String
        public var day: String
        public var start: String
    }

    public var ticket: TicketInfo
    /// Absent when a remote ticket (线上取号) was checked in.
    public var booking: Booking?
    /// `in_time` (an appointment ticket), `late` (a walk-in ticket) or `remote` (a remote
    /// ticket, now called in its place).
    public var arrival: String
    public var repeated: Bool

    public init(ticket: TicketInfo, booking: Booking?, arrival: String, repeated: Bool = false) {
        self.ticket = ticket
        self.booking = booking
        self.arrival = arrival
        self.repeated = repeated
    }
}

/// What is typed or scanned at 预约签到, made into a booking code (or a remote ticket's
/// check-in code, which has the same form).
public enum BookingCode {
    /// The code in `typed`: the code itself, or the last part of a link (a QR code may hold the
    /// booking's address, …/K7Q2M9?from=…), in capitals. Nil unless 4 to 64 letters and digits.
    public static func normalize(_ typed: String) -> String? {
        var text = typed.trimmingCharacters(in: .whitespaces)
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
        if text.contains("/") { text = text.split(separator: "/").last.map(String.init) ?? "" }
        guard (4...64).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        return text.uppercased()
    }

    /// The time (and the day, when not today) a too-early check-in is told to come back, read
    /// from the daemon's `check_in_too_early` message, which names them as `HH:mm` and `yyyy-MM-dd`.
    public static func comeBack(in message: String) -> (day: String?, time: String)? {
        guard let time = message.range(of: #"[0-2][0-9]:[0-5][0-9]"#, options: .regularExpression) else { return nil }
        let day = message.range(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}"#, options: .regularExpression)
        return (day.map { String(message[$0]) }, String(message[time]))
    }
}

extension DaemonAPI {
    /// A daemon client without check-in (a test's fake) refuses it plainly.
    public func checkIn(code: String) async throws(DaemonError) -> CheckInInfo {
        throw .badAnswer("check-in is not supported by this client")
    }
}

extension HTTPDaemonClient {
    /// Checks in a booking. A repeated check-in answers the same ticket, so retrying after a
    /// lost answer is safe, as with the Idempotency-Key of `issue`.
    public func checkIn(code: String) async throws(DaemonError) -> CheckInInfo {
        struct Body: Encodable { var priority = false }
        let answer = try await retrying(issueBackoff) { () async throws(DaemonError) in
            try await send("POST", "api/v1/appointments/\(code)/check-in", body: Body())
        }
        return try decode(CheckInInfo.self, answer.body)
    }
}
