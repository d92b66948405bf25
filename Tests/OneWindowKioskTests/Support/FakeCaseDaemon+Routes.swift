import Foundation
import OneWindowHTTP

extension FakeCaseDaemon {
    static func routes(for handle: ServerHandle) -> (list: [Route], handle: ServerHandle) {
        let list: [Route] = [
            Route("GET", "/api/v1/hall") { _ in json(handle.value.hall) },
            Route("GET", "/api/v1/services", query: ["q", "category"]) { _ in
                let items = handle.value.services.map { service in
                    ["id", "name", "category", "itemType", "queuePrefix"].reduce(into: [String: Any]()) {
                        $0[$1] = service[$1]
                    }
                }
                return json(["services": items, "total": items.count])
            },
            Route("GET", "/api/v1/services/{id}") { request in
                guard var service = handle.value.service(request.pathParameter("id")) else {
                    return error(404, "service_not_found")
                }
                service["windows"] = []
                return json(service)
            },
            Route("POST", "/api/v1/tickets", body: .json) { request in handle.value.issue(request) },
            Route("GET", "/api/v1/tickets/{id}") { request in
                let daemon = handle.value
                let id = request.pathParameter("id")
                guard let visit = daemon.state.withLock({ $0.visits.first { $0.ticketId == id } }) else {
                    return error(404, "ticket_not_found")
                }
                var view = daemon.view(visit)
                if request.headers["Authorization"] != nil { view["case"] = daemon.caseView(visit.caseId) }
                return json(view)
            },
            Route("GET", "/api/v1/cases/{id}") { request in
                guard let view = handle.value.caseView(request.pathParameter("id")) else {
                    return error(404, "case_not_found")
                }
                return json(["case": view])
            },
            Route("POST", "/api/v1/windows/{w}/call-next") { request in
                handle.value.callNext(request.pathParameter("w"))
            },
            Route("POST", "/api/v1/tickets/{id}/complete", body: .json) { request in handle.value.complete(request) },
            Route("POST", "/api/v1/tickets/{id}/evaluation", body: .json) { request in handle.value.evaluate(request) },
            Route("GET", "/api/v1/windows") { _ in json(["windows": handle.value.windowViews()]) },
            Route("GET", "/api/v1/queue") { _ in json(handle.value.queueView()) },
            Route("GET", "/api/v1/events") { _ in
                let daemon = handle.value
                let stream = ResponseStream()
                let state = [
                    "hall": daemon.hall["name"]!, "queue": daemon.queueView(), "windows": daemon.windowViews(),
                ]
                let data = try JSONSerialization.data(withJSONObject: state)
                _ = stream.write(Data("event: state\ndata: ".utf8) + data + Data("\n\n".utf8))
                daemon.streams.withLock { $0.append(stream) }
                return Response(headers: ["Content-Type": "text/event-stream"], stream: stream)
            },
        ]
        return (list, handle)
    }

    /// Tells every open stream that something changed, as the daemon does after each commit.
    func publish(_ kind: String, _ visit: Visit) {
        let event = Data(
            "event: \(kind)\ndata: {\"number\":\"\(visit.number)\",\"window\":\"\(visit.window ?? "")\"}\n\n".utf8)
        streams.withLock { list in list.removeAll { !$0.write(event) } }
    }

    func view(_ visit: Visit) -> [String: Any] {
        let visits = state.withLock { $0.visits.filter { $0.caseId == visit.caseId } }
        let ahead = state.withLock { state in
            state.visits.prefix { $0.ticketId != visit.ticketId }.filter { $0.status == "waiting" }.count
        }
        return [
            "id": visit.ticketId, "number": visit.number, "serviceId": visit.serviceId,
            "serviceName": service(visit.serviceId)?["name"] ?? "", "status": visit.status, "priority": false,
            "ahead": visit.status == "waiting" ? ahead : 0, "estimatedWaitSeconds": 300 * ahead,
            "estimatedWaitMinutes": visit.status == "waiting" ? max(1, 5 * ahead) : 0,
            "issuedAt": "2026-11-29T01:00:00Z", "window": visit.window ?? NSNull(), "callCount": visit.callCount,
            "outcome": visit.outcome ?? NSNull(), "caseId": visit.caseId,
            "visit": (visits.firstIndex { $0.ticketId == visit.ticketId } ?? 0) + 1,
        ]
    }

    func caseView(_ id: String) -> [String: Any]? {
        let (visits, caseState) = state.withLock { state in
            (state.visits.filter { $0.caseId == id }, state.caseStates[id])
        }
        guard let first = visits.first, let caseState else { return nil }
        let materials = service(first.serviceId)?["materials"] as? [[String: Any]] ?? []
        return [
            "id": id, "serviceId": first.serviceId, "serviceName": service(first.serviceId)?["name"] ?? "",
            "state": caseState,
            "visits": visits.map { visit in
                [
                    "ticketId": visit.ticketId, "number": visit.number, "hallDay": "2026-11-29", "status": visit.status,
                    "outcome": visit.outcome ?? NSNull(), "window": visit.window ?? NSNull(),
                    "note": visit.note ?? NSNull(),
                    "missingMaterials": visit.missing.map { id in
                        ["id": id, "name": materials.first { $0["id"] as? String == id }?["name"] ?? ""]
                    },
                ] as [String: Any]
            },
        ]
    }

    func windowViews() -> [[String: Any]] {
        (hall["windows"] as? [[String: Any]] ?? []).map { window in
            let current = state.withLock {
                $0.visits.first { $0.window == window["id"] as? String && $0.status == "called" }
            }
            return window.merging([
                "paused": false, "currentTicket": current?.number ?? NSNull(),
                "currentTicketId": current?.ticketId ?? NSNull(),
            ]) { _, new in new }
        }
    }

    func queueView() -> [String: Any] {
        let prefixes = Set(services.compactMap { $0["queuePrefix"] as? String }).sorted()
        return state.withLock { state in
            [
                "day": "2026-11-29",
                "queues": prefixes.map { prefix in
                    [
                        "prefix": prefix,
                        "waiting": state.visits.filter { $0.status == "waiting" && $0.number.hasPrefix(prefix) }.count,
                    ]
                },
                "lastCalls": state.lastCalls.reversed().map {
                    ["number": $0.number, "window": $0.window, "calledAt": "2026-11-29T01:00:00Z"]
                },
            ]
        }
    }
}
