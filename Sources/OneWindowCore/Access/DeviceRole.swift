/// What a device in the hall is, and so which endpoints its bearer token opens.
///
/// Every request names its device with a token created by `onewindowd token create`; the
/// role stored with the token decides what the device may do.
public enum DeviceRole: String, Sendable, CaseIterable, Codable {
    /// A self-service kiosk in the waiting area: citizens take tickets and read guides on it.
    case kiosk
    /// A clerk's terminal at a service window: calls the next ticket and records cases.
    case clerk
    /// The hall manager's machine: may do what kiosks and clerks do, for setup and repair.
    case admin
}
