import Foundation
import Logging
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// A hall that takes appointments, on a manual clock (Friday 2026-11-27, 10:00 in Shanghai),
/// sending messages to phones to a real receiver on 127.0.0.1.
///
/// A (婚姻登记, T-HY-001) has `capacity` places per 30-minute slot, 09:00–11:30 and 13:30–16:30;
/// 2026-12-01 is a holiday; C has one place, but T-JZ-001 is not received at the hall.
struct BookingHall {
    static let secret = "a-notify-secret-of-32-bytes-ok!!"
    static let start = Date(timeIntervalSince1970: 1_795_744_800)

    let app: TestApplication
    let clock: ManualClock
    let directory: TemporaryDirectory

    init(
        notifyPort: UInt16?, capacity: Int = 2, limits: [String: Int] = [:], logger: Logger? = nil,
        configure: (inout AppConfiguration) -> Void = { _ in }
    ) throws {
        directory = try TemporaryDirectory()
        let clock = ManualClock(Self.start)
        self.clock = clock
        let catalogue = try Self.catalogue(in: directory, capacity: capacity, limits: limits)
        app = try TestApplication(catalogue: catalogue, logger: logger) { configuration in
            configuration.clock = { clock.read() }
            if let notifyPort {
                var push = OutboxPush(
                    url: URL(string: "http://127.0.0.1:\(notifyPort)/sms")!, secret: Data(Self.secret.utf8))
                push.timeoutSeconds = 1
                push.pollSeconds = 0.02
                push.backoff = OutboxBackoff(first: 0.05, maximum: 0.2, jitter: 0.5)
                configuration.notifyPush = push
            }
            configure(&configuration)
        }
    }

    func stop() {
        app.stop()
        directory.remove()
    }

    static func catalogue(in directory: TemporaryDirectory, capacity: Int, limits: [String: Int]) throws -> String {
        let url = URL(fileURLWithPath: Fixtures.validCatalogue)
        var document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var hall = document["hall"] as! [String: Any]
        hall["holidays"] = ["2026-12-01"]
        var appointments: [String: Any] = [
            "sessions": [["from": "09:00", "to": "11:30"], ["from": "13:30", "to": "16:30"]],
            "slotMinutes": 30, "capacity": ["A": capacity, "C": 1],
        ]
        if !limits.isEmpty { appointments["limits"] = limits }
        hall["appointments"] = appointments
        document["hall"] = hall
        var services = document["services"] as! [[String: Any]]
        if let index = services.firstIndex(where: { $0["id"] as? String == "T-JZ-001" }) {
            var channels = services[index]["channels"] as! [String: Any]
            channels["hall"] = nil
            services[index]["channels"] = channels
        }
        document["services"] = services
        let path = directory.path("services.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        return path
    }

    func post(_ target: String, json: String, headers: [String: String] = [:]) throws -> TestResponse {
        var all = headers
        all["Content-Type"] = "application/json"
        return try app.client.send("POST", target, headers: all, body: Data(json.utf8))
    }

    func askCode(_ phone: String) throws -> TestResponse {
        try post("/api/v1/appointments/verification", json: #"{"phone":"\#(phone)"}"#)
    }

    /// The code of the newest verification message to `phone` the receiver got.
    static func code(for phone: String, in receiver: PushReceiver, after count: Int = 0) -> String? {
        var found: String?
        _ = receiver.wait { deliveries in
            found = deliveries.dropFirst(count).last {
                $0.json["to"] as? String == phone && $0.json["template"] as? String == "verification"
            }.flatMap { ($0.json["params"] as? [String: Any])?["code"] as? String }
            return found != nil
        }
        return found
    }

    func book(
        _ phone: String, code: String, day: String = "2026-11-30", start: String = "09:00",
        service: String = "T-HY-001"
    ) throws -> TestResponse {
        try post(
            "/api/v1/appointments",
            json:
                #"{"serviceId":"\#(service)","day":"\#(day)","start":"\#(start)","phone":"\#(phone)","code":"\#(code)"}"#
        )
    }

    /// Asks a code, reads it at the receiver, books with it.
    func verifiedBook(
        _ phone: String, receiver: PushReceiver, day: String = "2026-11-30", start: String = "09:00",
        service: String = "T-HY-001"
    ) throws -> TestResponse {
        let before = receiver.deliveries.count
        let asked = try askCode(phone)
        #expect(asked.status == 202, "\(asked.text)")
        let code = try #require(Self.code(for: phone, in: receiver, after: before))
        return try book(phone, code: code, day: day, start: start, service: service)
    }

    var storage: Storage { app.application.state.storage }
}
