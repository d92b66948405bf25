import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// The queue: kiosks issue tickets, clerks call them, anyone reads the state.
    /// Every write goes through the group-committed `QueueService` and is answered after its commit.
    static func queue(_ state: AppState) -> [Route] {
        let queue = state.queue
        return [
            Route("POST", "/api/v1/tickets", access: .kiosk, body: .json) { request, responder in
                let device = request.authorizedDevice
                if let wait = state.issueLimit.take(for: device.name) {
                    throw HTTPError(
                        .rateLimited, "device “\(device.name)” takes tickets too fast; wait \(wait) s",
                        headers: ["Retry-After": "\(wait)"])
                }
                let body = try request.decodeJSON(IssueRequest.self)
                let priority = body.priority ?? false
                let claim = try idempotencyKey(request).map { key in
                    IdempotencyClaim(
                        device: device.name, key: key,
                        fingerprint: "serviceId=\(body.serviceId);priority=\(priority ? 1 : 0)")
                }
                let id = Ticket.newId(at: state.clock())
                queue.issue(
                    claim: claim, ticketId: id,
                    command: { queue, now throws(QueueError) in
                        try queue.issue(
                            id: id, serviceId: body.serviceId, priority: priority, actor: device.name, at: now)
                    },
                    view: { ticket, queue in TicketView(ticket, in: queue) }
                ) { result in responder.answer(result, status: 201) }
            },
            Route("GET", "/api/v1/tickets/{id}") { request in
                let id = request.pathParameter("id")
                guard let view = queue.read({ q in q.tickets[id].map { TicketView($0, in: q) } }) else {
                    throw HTTPError(.ticketNotFound, "no ticket with id “\(id)” today")
                }
                return .json(view, headers: ["Cache-Control": "no-store"])
            },
            clerkTicketRoute(state, "no-show", NoShowRequest.self) { queue, id, body, actor, now throws(QueueError) in
                try queue.noShow(ticket: id, window: body.window, actor: actor, at: now)
            },
            clerkTicketRoute(state, "transfer", TransferRequest.self) {
                queue, id, body, actor, now throws(QueueError) in
                try queue.transfer(ticket: id, window: body.window, to: body.serviceId, actor: actor, at: now)
            },
            clerkTicketRoute(state, "complete", CompleteRequest.self) {
                queue, id, body, actor, now throws(QueueError) in
                try queue.complete(
                    ticket: id, window: body.window, outcome: body.outcome.rawValue, actor: actor, at: now)
            },
            Route("POST", "/api/v1/windows/{window}/call-next", access: .clerk) { request, responder in
                let device = request.authorizedDevice
                let window = request.pathParameter("window")
                queue.submit({ queue, now throws(QueueError) in
                    try queue.callNext(window: window, actor: device.name, at: now).map { TicketView($0, in: queue) }
                }) { result in
                    switch result {
                    case .success(.some(let view)): responder.send { .json(TicketEnvelope(ticket: view)) }
                    case .success(.none): responder.send(Response(status: 204))
                    case .failure(let failure): responder.fail(failure.httpError)
                    }
                }
            },
            Route("POST", "/api/v1/windows/{window}/recall", access: .clerk) { request, responder in
                let device = request.authorizedDevice
                let window = request.pathParameter("window")
                queue.submit({ queue, now throws(QueueError) in
                    TicketEnvelope(
                        ticket: TicketView(try queue.recall(window: window, actor: device.name, at: now), in: queue))
                }) { result in responder.answer(result) }
            },
            windowPauseRoute(state, "pause", paused: true),
            windowPauseRoute(state, "resume", paused: false),
            Route("GET", "/api/v1/windows") { _ in
                .json(
                    WindowList(windows: queue.read { q in q.catalogue.hall.windows.map { WindowView($0, in: q) } }),
                    headers: ["Cache-Control": "no-store"])
            },
            Route("GET", "/api/v1/queue") { _ in
                .json(queue.read(QueueView.init), headers: ["Cache-Control": "no-store"])
            },
            Route("POST", "/api/v1/hall/close-day", access: .admin) { request, responder in
                let device = request.authorizedDevice
                queue.submit({ queue, now throws(QueueError) in
                    CloseDayReply(expired: queue.closeDay(actor: device.name, at: now).count)
                }) { result in responder.answer(result) }
            },
        ]
    }

    /// `POST /api/v1/tickets/{id}/<action>` for clerks, with a JSON body naming their window.
    private static func clerkTicketRoute<Body: Decodable & Sendable>(
        _ state: AppState, _ action: String, _ body: Body.Type,
        _ command: @escaping @Sendable (inout HallQueue, String, Body, String, Date) throws(QueueError) -> Ticket
    ) -> Route {
        Route("POST", "/api/v1/tickets/{id}/\(action)", access: .clerk, body: .json) { request, responder in
            let device = request.authorizedDevice
            let parsed = try request.decodeJSON(Body.self)
            let id = request.pathParameter("id")
            state.queue.submit({ queue, now throws(QueueError) in
                TicketEnvelope(ticket: TicketView(try command(&queue, id, parsed, device.name, now), in: queue))
            }) { result in responder.answer(result) }
        }
    }

    private static func windowPauseRoute(_ state: AppState, _ action: String, paused: Bool) -> Route {
        Route("POST", "/api/v1/windows/{window}/\(action)", access: .clerk) { request, responder in
            let device = request.authorizedDevice
            let window = request.pathParameter("window")
            state.queue.submit({ queue, now throws(QueueError) in
                _ = try queue.setPaused(paused, window: window, actor: device.name, at: now)
                let config = queue.catalogue.hall.windows.first { $0.id == window }!
                return WindowEnvelope(window: WindowView(config, in: queue))
            }) { result in responder.answer(result) }
        }
    }

    /// The kiosk's retry key: a repeated POST with it returns the same ticket. Counted in
    /// characters, as the OpenAPI document's `maxLength` counts them.
    private static func idempotencyKey(_ request: Request) throws(HTTPError) -> String? {
        guard let key = request.headers["Idempotency-Key"] else { return nil }
        guard (1...200).contains(key.count) else {
            throw HTTPError(.invalidParameter, "the Idempotency-Key header must be 1 to 200 characters")
        }
        return key
    }
}

extension Responder {
    /// Sends a queue command's result: the value as JSON, or the failure's error reply.
    func answer<T: Encodable & Sendable>(_ result: Result<T, QueueFailure>, status: Int = 200) {
        switch result {
        case .success(let value): send { .json(value, status: status) }
        case .failure(let failure): fail(failure.httpError)
        }
    }
}

struct IssueRequest: Decodable, Sendable {
    var serviceId: String
    /// Absent means false.
    var priority: Bool?

    private enum Keys: String, CodingKey { case serviceId, priority }

    /// `priority` may be left out but not sent as null: the OpenAPI document says boolean.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        serviceId = try container.decode(String.self, forKey: .serviceId)
        priority = container.contains(.priority) ? try container.decode(Bool.self, forKey: .priority) : nil
    }
}

struct NoShowRequest: Decodable, Sendable {
    var window: String
}

struct TransferRequest: Decodable, Sendable {
    var window: String
    var serviceId: String
}

struct CompleteRequest: Decodable, Sendable {
    /// How the visit ended. The cases issue adds accepted, more materials needed and rejected.
    enum Outcome: String, Decodable, Sendable {
        case completed
    }

    var window: String
    var outcome: Outcome
}

struct WindowList: Encodable {
    var windows: [WindowView]
}

struct WindowEnvelope: Encodable {
    var window: WindowView
}

struct CloseDayReply: Encodable {
    var expired: Int
}
