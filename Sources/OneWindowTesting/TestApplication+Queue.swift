import Foundation
import OneWindowApp

extension TestApplication {
    /// `POST` with a JSON body and a device token.
    public func post(_ target: String, token: String, json: String, headers: [String: String] = [:]) throws
        -> TestResponse
    {
        var all = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        all.merge(headers) { _, new in new }
        return try client.send("POST", target, headers: all, body: Data(json.utf8))
    }

    /// Takes a ticket for `service`, with an `Idempotency-Key` when `key` is given.
    public func issue(token: String, service: String, key: String? = nil, priority: Bool = false) throws
        -> TestResponse
    {
        try post(
            "/api/v1/tickets", token: token, json: #"{"serviceId":"\#(service)","priority":\#(priority)}"#,
            headers: key.map { ["Idempotency-Key": $0] } ?? [:])
    }

    /// Runs `body` on `count` threads at once and waits for all of them, at most `seconds`.
    /// Returns whether they all finished in time: check it, so a hang fails the test.
    public static func concurrently(_ count: Int, seconds: Double = 120, _ body: @escaping @Sendable (Int) -> Void)
        -> Bool
    {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread {
                body(index)
                group.leave()
            }.start()
        }
        return group.wait(timeout: .now() + seconds) == .success
    }
}
