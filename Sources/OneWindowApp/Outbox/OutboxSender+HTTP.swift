import Crypto
import Foundation
import OneWindowStorage
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension OutboxSender {
    /// `sha256=<hex>`: the HMAC-SHA256 of `body` keyed by `secret`, as `X-OneWindow-Signature`.
    public static func signature(of body: Data, secret: Data) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: secret))
        // Hex by hand: `String(format:)` per byte went through Foundation's formatter 32 times
        // for each record sent.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = Array("sha256=".utf8)
        hex.reserveCapacity(7 + 64)
        for byte in code {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// POSTs the record (`body`: its payload as this lane sends it); nil when the receiver
    /// answered 2xx, else why not. `stop` cancels it.
    func post(_ record: OutboxRecord, body: Data, _ push: OutboxPush) -> String? {
        var request = URLRequest(url: push.url, timeoutInterval: push.timeoutSeconds)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(record.id, forHTTPHeaderField: "Idempotency-Key")
        request.setValue(record.topic, forHTTPHeaderField: "X-OneWindow-Topic")
        request.setValue(
            Self.signature(of: body, secret: push.secret), forHTTPHeaderField: "X-OneWindow-Signature")
        let outcome = Mutex<String?>("no answer within \(push.timeoutSeconds) s")
        let done = DispatchSemaphore(value: 0)
        let task = Self.session(timeout: push.timeoutSeconds).dataTask(with: request) { _, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode
            outcome.withLock { value in
                if let status, (200..<300).contains(status) {
                    value = nil
                } else if let status {
                    value = "HTTP \(status)"
                } else {
                    value = error.map { "\($0.localizedDescription)" } ?? "no answer"
                }
            }
            done.signal()
        }
        inFlight.withLock { $0 = task }
        defer { inFlight.withLock { $0 = nil } }
        // Stopped between the check and here: no attempt is started.
        if stopping.load(ordering: .relaxed) { return "stopping" }
        task.resume()
        if done.wait(timeout: .now() + push.timeoutSeconds + 2) == .timedOut {
            task.cancel()
            return "no answer within \(push.timeoutSeconds) s"
        }
        return outcome.withLock { $0 }
    }

    /// One session per timeout: no cookies, no cache, nothing kept between attempts.
    private static func session(timeout: Double) -> URLSession {
        sessions.withLock { sessions in
            if let session = sessions[timeout] { return session }
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout
            configuration.timeoutIntervalForResource = timeout
            configuration.httpCookieStorage = nil
            configuration.urlCache = nil
            let session = URLSession(configuration: configuration)
            sessions[timeout] = session
            return session
        }
    }

    private static let sessions = Mutex<[Double: URLSession]>([:])
}
