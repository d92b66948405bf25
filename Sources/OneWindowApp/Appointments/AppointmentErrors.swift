import OneWindowHTTP

/// Error codes of the booking API besides the booking rules' (`QueueErrors.swift`).
extension HTTPError.Code {
    /// Not a mainland mobile number (11 digits starting 13–19), or none given.
    public static let invalidPhone = HTTPError.Code(name: "invalid_phone", status: 422)
    /// The verification code is wrong, expired, used or was never sent: it counts as a try.
    public static let verificationCodeInvalid = HTTPError.Code(name: "verification_code_invalid", status: 403)
    /// Too many wrong tries for the phone's code: ask for a new one.
    public static let verificationCodeExhausted = HTTPError.Code(name: "verification_code_exhausted", status: 403)
}
