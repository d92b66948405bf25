import Foundation

/// What `/book` and `POST /api/v1/appointments` ask for, once the phone was verified.
public struct BookingOrder: Sendable {
    /// The new booking's code, made by the caller (random, unguessable).
    public var code: String
    public var serviceId: String
    public var slot: Slot
    /// The phone's keyed hash, for the limits.
    public var phoneKey: String
    /// The number sealed for storage (opaque to the core).
    public var phoneSealed: Data
    /// A return visit of this case.
    public var caseId: String?

    public init(code: String, serviceId: String, slot: Slot, phoneKey: String, phoneSealed: Data, caseId: String?) {
        self.code = code
        self.serviceId = serviceId
        self.slot = slot
        self.phoneKey = phoneKey
        self.phoneSealed = phoneSealed
        self.caseId = caseId
    }
}
