import Foundation
import Logging
import OneWindowHTTP
import OneWindowTesting
import Synchronization

/// A small stand-in for the daemon that speaks the cases contract (/work/notes/api-cases.md):
/// case numbers on tickets, issuing by case, `GET /api/v1/cases/{id}`, complete with an
/// outcome and missing materials, evaluations by ticket number, material ids, `currentTicketId`.
/// It lets the case screens run end to end until the daemon has that API.
/// It trusts any bearer token and keeps everything in memory.
///
/// `@unchecked Sendable`: `hall` and `services` are JSON trees set once in `init` and only read
/// after; everything that changes is behind a Mutex.
final class FakeCaseDaemon: @unchecked Sendable {
    struct Visit: Sendable {
        var ticketId: String
        var number: String
        var serviceId: String
        var caseId: String
        var status = "waiting"
        var window: String?
        var outcome: String?
        var missing: [String] = []
        var note: String?
        var callCount = 0
    }

    struct State: Sendable {
        var visits: [Visit] = []
        var caseStates: [String: String] = [:]
        var keys: [String: String] = [:]
        var evaluated: Set<String> = []
        var lastCalls: [(number: String, window: String)] = []
    }

    let state = Mutex(State())
    /// The fixture catalogue, each material given an id m1, m2 … as the contract promises.
    let hall: [String: Any]
    let services: [[String: Any]]
    private let server: HTTPServer
    let port: UInt16
    let streams = Mutex<[ResponseStream]>([])

    init(catalogue: String = Fixtures.validCatalogue) throws {
        let document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: catalogue))) as! [String: Any]
        hall = document["hall"] as! [String: Any]
        services = (document["services"] as! [[String: Any]]).map { service in
            var service = service
            let materials = (service["materials"] as! [[String: Any]]).enumerated().map { index, material in
                material.merging(["id": "m\(index + 1)"]) { old, _ in old }
            }
            service["materials"] = materials
            return service
        }
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        let routes = FakeCaseDaemon.routes(for: ServerHandle())
        server = HTTPServer(
            configuration: configuration, router: Router(routes: routes.list), logger: Logger(label: "fake"))
        port = try server.start()
        routes.handle.daemon.withLock { $0 = self }
    }

    func stop() {
        streams.withLock { list in list.forEach { $0.finish() } }
        server.stop(gracePeriod: .seconds(1))
    }

    func service(_ id: String) -> [String: Any]? {
        services.first { $0["id"] as? String == id }
    }

    /// The routes need the daemon, and the daemon starts the server with the routes.
    final class ServerHandle: Sendable {
        let daemon = Mutex<FakeCaseDaemon?>(nil)
        var value: FakeCaseDaemon { daemon.withLock { $0! } }
    }

    static func json(_ object: Any, status: Int = 200) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(status: status, headers: ["Content-Type": Response.jsonContentType], body: data)
    }

    static func error(_ status: Int, _ code: String) -> Response {
        json(["error": ["code": code, "message": code]], status: status)
    }

    static func body(_ request: Request) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
    }
}
