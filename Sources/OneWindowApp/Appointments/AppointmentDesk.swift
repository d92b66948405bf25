import Foundation
import OneWindowCore
import OneWindowHTTP
import OneWindowStorage

/// What the booking side shares with the routes and pages (and with check-in and remote
/// tickets): the phone key, the verification codes, and the sender of messages to phones.
///
/// The API for other parts is `phone(_:)`, `sendCode(to:from:completion:)` and
/// `verify(_:phone:)`: a part that needs a verified phone asks for a code and checks it here,
/// never with codes of its own.
public final class AppointmentDesk: Sendable {
    public let vault: PhoneVault
    let codes: VerificationCodes
    let limits: BookingLimits
    /// A remote ticket's holder is told "前面还有 N 人" once this many or fewer are ahead
    /// (`--near-ahead`).
    let nearAhead: Int
    /// Delivers the `messages` lane of the outbox to `--notify-url`.
    public let notifier: OutboxSender
    private let queue: QueueService

    init(
        vault: PhoneVault, limits: BookingLimits, notifier: OutboxSender, queue: QueueService,
        clock: @escaping QueueService.Clock, nearAhead: Int = 3
    ) {
        self.vault = vault
        self.nearAhead = nearAhead
        self.limits = limits
        self.notifier = notifier
        self.queue = queue
        codes = VerificationCodes(limits: limits, clock: clock)
    }

    /// The phone of `text`, or 422 `invalid_phone`.
    public func phone(_ text: String?) throws(HTTPError) -> PhoneNumber {
        guard let text, let phone = PhoneNumber(text) else {
            throw HTTPError(.invalidPhone, "请输入正确的 11 位手机号 (not a mainland mobile number)")
        }
        return phone
    }

    /// Sends `phone` a new code through the outbox (template `verification`), limited per
    /// phone and per client `address`. Answers once the message is on disk: a 202 then means
    /// the code will reach the notifier, however long it is down.
    func sendCode(
        to phone: PhoneNumber, from address: String, completion: @escaping @Sendable (Result<Void, HTTPError>) -> Void
    ) {
        let key = vault.key(for: phone)
        let code: String
        switch codes.issue(phoneKey: key, address: address) {
        case .failure(let limited):
            completion(
                .failure(
                    HTTPError(
                        .rateLimited, "验证码发送过于频繁，请 \(limited.seconds) 秒后再试 (too many codes; wait)",
                        headers: ["Retry-After": "\(limited.seconds)"], retryAfterSeconds: limited.seconds)))
            return
        case .success(let issued): code = issued
        }
        let message = PhoneMessage(
            .verification, params: ["code": code, "minutes": "\(limits.codeMinutes)"], phoneSealed: vault.seal(phone)
        ).outbox(event: "verification:" + UUID().uuidString.lowercased())
        queue.enqueueMessages([message]) { result in
            completion(result.mapError(\.httpError))
        }
    }

    /// Checks `code` for `phone` and, when right, uses it up (a code proves the phone once).
    /// A wrong code counts as a try; after the set tries the phone needs a new code.
    func verify(_ code: String, phone: PhoneNumber) throws(HTTPError) {
        switch codes.use(code, phoneKey: vault.key(for: phone)) {
        case .valid: return
        case .invalid:
            throw HTTPError(.verificationCodeInvalid, "验证码错误或已过期 (wrong or expired code)")
        case .exhausted:
            throw HTTPError(.verificationCodeExhausted, "验证码错误次数过多，请重新获取 (too many wrong tries; ask for a new code)")
        }
    }
}
