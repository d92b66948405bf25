import Foundation

/// One visit's place in the queue (取号): a number like A012 for one service item.
public struct Ticket: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Equatable, Codable, CaseIterable {
        /// In the queue, not yet called.
        case waiting
        /// Called to a window; the clerk may recall, complete, transfer or mark a no-show.
        case called
        /// The visit ended at the window (the outcome says how).
        case completed
        /// Called enough times and the applicant did not come.
        case noShow = "no_show"
        /// Still waiting or called when the hall's day ended.
        case expired

        /// Final states take no more transitions.
        public var isFinal: Bool { self == .completed || self == .noShow || self == .expired }
    }

    public let id: String
    /// The hall-local date the ticket was issued on, `yyyy-MM-dd`; numbers restart each day.
    public let hallDay: String
    public let prefix: String
    /// The per-prefix, per-day sequence: 12 for A012.
    public let sequence: Int
    public var serviceId: String
    /// Elderly, disabled, pregnant and military applicants are served first.
    public let priority: Bool
    public var status: Status
    /// The window it was called to, while called (and kept once completed or a no-show).
    public var window: String?
    public var callCount: Int
    /// Issue time; a transfer keeps it, so a transferred ticket is not sent to the back.
    public let issuedAt: Date
    /// The last call (a recall moves it).
    public var calledAt: Date?
    /// The first call of this turn at a window (a recall keeps it, a transfer clears it): a
    /// no-show counts the applicant's time to come from here.
    public var firstCalledAt: Date?
    public var endedAt: Date?
    public var outcome: String?
    /// The case (办件) this ticket is a visit of; nil only for tickets from before cases.
    public let caseId: String?
    /// For `needs_more`: the ids of the service's materials that were missing or faulty.
    public var missingMaterials: [String]
    /// The clerk's note on how the visit ended (required for `rejected`).
    public var note: String?
    /// SHA-256 of the evaluation code printed on the receipt, salted with the ticket's id
    /// (`EvaluationCode`): a kiosk rating must bring the code; nil for tickets from before codes.
    public var evaluationCodeHash: String?
    /// How the applicant came: taken at a kiosk, checked in from a booking, or from a phone.
    public let channel: Channel

    /// The printed number: prefix plus the sequence, zero-padded to 3 digits (A001 … A999, A1000).
    public var number: String {
        let digits = String(sequence)
        return prefix + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    public init(
        id: String, hallDay: String, prefix: String, sequence: Int, serviceId: String, priority: Bool,
        status: Status = .waiting, window: String? = nil, callCount: Int = 0, issuedAt: Date, calledAt: Date? = nil,
        endedAt: Date? = nil, outcome: String? = nil, caseId: String? = nil, missingMaterials: [String] = [],
        note: String? = nil, firstCalledAt: Date? = nil, channel: Channel = .walkIn
    ) {
        self.id = id
        self.hallDay = hallDay
        self.prefix = prefix
        self.sequence = sequence
        self.serviceId = serviceId
        self.priority = priority
        self.status = status
        self.window = window
        self.callCount = callCount
        self.issuedAt = issuedAt
        self.calledAt = calledAt
        self.firstCalledAt = firstCalledAt ?? calledAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.caseId = caseId
        self.missingMaterials = missingMaterials
        self.note = note
        self.channel = channel
    }

    /// Queue order: priority tickets first, then appointment tickets, then the earliest issued;
    /// the number breaks ties (`CallOrder` may still call a long-waiting walk-in first).
    public static func isServedBefore(_ a: Ticket, _ b: Ticket) -> Bool {
        WaitingLines.Key(a) < WaitingLines.Key(b)
    }
}

/// A window's live state; its configuration is `Window` in the catalogue.
public struct WindowState: Sendable, Equatable, Codable {
    public let id: String
    public var paused: Bool
    /// The ticket called to this window and not yet ended.
    public var currentTicketId: String?

    public init(id: String, paused: Bool = false, currentTicketId: String? = nil) {
        self.id = id
        self.paused = paused
        self.currentTicketId = currentTicketId
    }
}

/// One state change, appended to the event log and sent to display boards.
public struct QueueEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case issued, called, recalled, noShow = "no_show", transferred, completed, expired, paused, resumed
        case caseOpened = "case_opened", caseClosed = "case_closed", caseCancelled = "case_cancelled"
        case evaluated, rectified
        /// A bad review's follow-up other than its rectification: a note (整改中), a visit-back.
        case followedUp = "followed_up"

        /// Whether display boards hear of it: the queue's own events, not cases or ratings.
        public var isQueueEvent: Bool {
            switch self {
            case .caseOpened, .caseClosed, .caseCancelled, .evaluated, .rectified, .followedUp: false
            default: true
            }
        }
    }

    public let kind: Kind
    public let ticketId: String?
    public let window: String?
    /// The service item the ticket, case or evaluation is for.
    public let serviceId: String?
    public let caseId: String?
    /// The hall day the event belongs to: metrics count by it.
    public let hallDay: String?
    /// The device token's name that caused it, or `system` for the day's end.
    public let actor: String
    public let at: Date
    /// Extra facts as JSON, e.g. the outcome and the missing materials of a completion.
    public let detail: String?

    public init(
        kind: Kind, ticketId: String?, window: String?, serviceId: String? = nil, caseId: String? = nil,
        hallDay: String? = nil, actor: String, at: Date, detail: String? = nil
    ) {
        self.kind = kind
        self.ticketId = ticketId
        self.window = window
        self.serviceId = serviceId
        self.caseId = caseId
        self.hallDay = hallDay
        self.actor = actor
        self.at = at
        self.detail = detail
    }
}

extension Ticket {
    /// A new ticket id: a UUID (version 7) whose leading bits are the time, so ids sort by
    /// issue and the database appends to its index instead of inserting at random places,
    /// while the random rest keeps one applicant from guessing another's ticket.
    public static func newId(at date: Date) -> String {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var bytes = (
            UInt64.random(in: .min ... .max, using: &generator), UInt64.random(in: .min ... .max, using: &generator)
        )
        return withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
            raw[6] = 0x70 | (raw[6] & 0x0F)  // version 7
            raw[8] = 0x80 | (raw[8] & 0x3F)  // RFC 9562 variant
            // Hex digits written straight into the string's bytes: this runs for every ticket.
            let digits = Array("0123456789abcdef".utf8)
            return String(unsafeUninitializedCapacity: 36) { text in
                var out = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[out] = UInt8(ascii: "-")
                        out += 1
                    }
                    text[out] = digits[Int(raw[index] >> 4)]
                    text[out + 1] = digits[Int(raw[index] & 0x0F)]
                    out += 2
                }
                return out
            }
        }
    }
}
