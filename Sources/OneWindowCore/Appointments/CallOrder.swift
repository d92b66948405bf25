import Foundation

/// Which waiting ticket a window calls next once appointments exist: an appointment ticket goes
/// ahead of the walk-ins of its letter, but appointments must not starve walk-ins.
///
/// The rule (issue 16): after `maxAppointmentsInRow` appointment tickets called in a row, if
/// the longest-waiting walk-in has waited more than `walkInWaitMinutes`, that walk-in is called
/// next. Legal priority (elderly, disabled, military) still comes first, as it does today.
public enum CallOrder {
    /// What the rule needs to know of a waiting ticket.
    public struct Candidate: Sendable, Equatable {
        public let id: String
        public let isAppointment: Bool
        public let issuedAt: Date

        public init(id: String, isAppointment: Bool, issuedAt: Date) {
            self.id = id
            self.isAppointment = isAppointment
            self.issuedAt = issuedAt
        }
    }

    /// The ticket to call: `first` is the head of the line in its usual order (appointments
    /// ahead of walk-ins), `firstWalkIn` the longest-waiting walk-in, `appointmentsInRow` how
    /// many appointment tickets the letter's windows called in a row just before.
    public static func next(
        first: Candidate, firstWalkIn: Candidate?, appointmentsInRow: Int, at now: Date,
        settings: AppointmentSettings
    ) -> Candidate {
        guard first.isAppointment, let walkIn = firstWalkIn,
            appointmentsInRow >= settings.maxAppointmentsInRow,
            now.timeIntervalSince(walkIn.issuedAt) > Double(settings.walkInWaitMinutes) * 60
        else { return first }
        return walkIn
    }
}
