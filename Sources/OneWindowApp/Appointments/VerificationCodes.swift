import Crypto
import Foundation
import OneWindowCore
import Synchronization

/// The 6-digit codes that prove an applicant holds a phone before it books or cancels.
///
/// Kept in memory only, as a hash: a code lives minutes, and after a restart the applicant asks
/// for another, which costs less than a write path for every code. Sending is limited per phone
/// and per client address (token buckets refilled over an hour), and a code allows a few tries.
final class VerificationCodes: Sendable {
    enum Check: Equatable {
        case valid
        /// Wrong, expired, used, or never sent: the applicant cannot tell which, nor can a prober.
        case invalid
        /// Too many wrong tries for this phone's code; a new code must be asked for.
        case exhausted
    }

    private struct Pending {
        var hash: String
        var expires: Date
        var triesLeft: Int
    }

    private let limits: BookingLimits
    private let clock: @Sendable () -> Date
    private let pending = Mutex<[String: Pending]>([:])
    private let perPhone: RateLimiter
    private let perAddress: RateLimiter

    init(limits: BookingLimits, clock: @escaping @Sendable () -> Date) {
        self.limits = limits
        self.clock = clock
        perPhone = RateLimiter(
            rule: .init(
                perMinute: Double(limits.codesPerPhonePerHour) / 60, burst: Double(limits.codesPerPhonePerHour)),
            clock: clock)
        perAddress = RateLimiter(
            rule: .init(
                perMinute: Double(limits.codesPerAddressPerHour) / 60, burst: Double(limits.codesPerAddressPerHour)),
            clock: clock)
    }

    /// A new code for the phone, replacing any earlier one; or the seconds to wait when the phone
    /// or the address asked too often.
    func issue(phoneKey: String, address: String) -> Result<String, Limited> {
        if let wait = perAddress.wait(for: address) ?? perPhone.wait(for: phoneKey) {
            return .failure(Limited(seconds: wait))
        }
        _ = perAddress.take(for: address)
        _ = perPhone.take(for: phoneKey)
        let code = String(format: "%06d", Int.random(in: 0..<1_000_000))
        let entry = Pending(
            hash: Self.hash(code, phoneKey: phoneKey), expires: clock() + Double(limits.codeMinutes) * 60,
            triesLeft: limits.codeTries)
        pending.withLock { codes in
            if codes.count > 100_000 {
                let now = clock()
                codes = codes.filter { $0.value.expires > now }
            }
            codes[phoneKey] = entry
        }
        return .success(code)
    }

    /// Checks and, when valid, uses up the phone's code: a code books once.
    func use(_ code: String, phoneKey: String) -> Check {
        let now = clock()
        let hash = Self.hash(code, phoneKey: phoneKey)
        return pending.withLock { codes in
            guard var entry = codes[phoneKey], entry.expires > now else { return .invalid }
            guard entry.triesLeft > 0 else { return .exhausted }
            if constantTimeEqual(entry.hash, hash) {
                codes[phoneKey] = nil
                return .valid
            }
            entry.triesLeft -= 1
            codes[phoneKey] = entry
            return entry.triesLeft > 0 ? .invalid : .exhausted
        }
    }

    struct Limited: Error, Equatable {
        var seconds: Int
    }

    private static func hash(_ code: String, phoneKey: String) -> String {
        Hex.encode(SHA256.hash(data: Data((phoneKey + ":" + code).utf8)))
    }
}
