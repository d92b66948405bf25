/// What a device in the hall is, and so which endpoints its bearer token opens.
///
/// Every request names its device with a token created by `onewindowd token create`; the
/// role stored with the token decides what the device may do.
public enum DeviceRole: String, Sendable, CaseIterable, Codable {
    /// A self-service kiosk in the waiting area: citizens take tickets and read guides on it.
    case kiosk
    /// A clerk's terminal at one service window: calls the next ticket and records cases there.
    case clerk
    /// The rating pad (评价器) of one service window: the applicant rates the visit that just
    /// ended there.
    case pad
    /// The hall manager's machine: may do what kiosks and clerks do, for setup and repair.
    case admin

    /// Clerk terminals and pads belong to one window: their tokens name it, and they act only
    /// there. A clerk token at window 1 that could act on window 2 let one terminal recall,
    /// complete and pause another window's work.
    public var isWindowBound: Bool { self == .clerk || self == .pad }
}
