import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// Tickets: kiosks issue them, anyone reads one, clerks end them.
    /// Every write goes through the group-committed `QueueService` and is answered after its commit.
    static func tickets(_ state: AppState) -> [Route] {
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
                let claim = try idempotencyKey(request).map {
                    IdempotencyClaim(device: device.name, key: $0, fingerprint: body.fingerprint)
                }
                let id = Ticket.newId(at: state.clock())
                // The receipt's evaluation code; only its hash is kept, with the ticket.
                let code = EvaluationCodeSeal(code: EvaluationCode.generate(), ticketId: id, hash: EvaluationCode.hash)
                let order = TicketOrder(
                    id: id, serviceId: body.serviceId, priority: body.priority ?? false,
                    caseId: body.caseId?.uppercased(), code: code)
                queue.execute(.issue(order), by: device.name, claim: claim, answer: TicketView.self) { result in
                    switch result {
                    case .success(let view): responder.send { .json(view, status: 201) }
                    case .failure(let failure): responder.fail(failure.httpError)
                    }
                }
            },
            Route("GET", "/api/v1/tickets/{id}", access: .optionalDevice(clerkRoles)) { request in
                let id = request.pathParameter("id")
                let now = state.clock()
                let clerk = request.device != nil
                guard
                    var view = queue.read({ q in
                        q.tickets[id].map { clerk ? TicketView(clerk: $0, in: q, at: now) : TicketView($0, in: q) }
                    })
                else {
                    throw HTTPError(.ticketNotFound, "no ticket with id “\(id)” today")
                }
                // A clerk sees the case with its earlier visits: what was missing last time.
                if request.device != nil, let caseId = view.caseId {
                    view.case = try caseView(state, caseId, forKiosk: false)
                }
                return .json(view, headers: ["Cache-Control": "no-store"])
            },
            clerkTicketRoute(state, "no-show", NoShowRequest.self) { id, body in
                .noShow(ticket: id, window: body.window)
            },
            clerkTicketRoute(state, "transfer", TransferRequest.self) { id, body in
                .transfer(ticket: id, window: body.window, to: body.serviceId)
            },
            clerkTicketRoute(state, "complete", CompleteRequest.self) { id, body in
                .complete(
                    ticket: id, window: body.window, outcome: body.outcome,
                    missingMaterials: body.missingMaterials ?? [], note: body.note)
            },
        ]
    }

    static let clerkRoles: Set<String> = [DeviceRole.clerk.rawValue, DeviceRole.admin.rawValue]

    /// `POST /api/v1/tickets/{id}/<action>` for clerks, with a JSON body naming their window:
    /// a clerk terminal may name only its own. `command` makes the command of the ticket's id
    /// and the body.
    private static func clerkTicketRoute<Body: WindowRequest>(
        _ state: AppState, _ action: String, _ body: Body.Type,
        _ command: @escaping @Sendable (_ id: String, Body) -> QueueCommand
    ) -> Route {
        Route("POST", "/api/v1/tickets/{id}/\(action)", access: .clerkOfWindow, body: .json) { request, responder in
            let device = request.authorizedDevice
            let parsed = try request.decodeJSON(Body.self)
            try request.authorizeWindow(parsed.window)
            let command = command(request.pathParameter("id"), parsed)
            state.queue.execute(command, by: device.name, answer: TicketEnvelope.self) { responder.answer($0) }
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
    /// Sends a queue command's answer: the value as JSON, or the failure's error reply.
    func answer<T: Encodable & Sendable>(_ result: Result<T, QueueFailure>, status: Int = 200) {
        switch result {
        case .success(let value): send { .json(value, status: status) }
        case .failure(let failure): fail(failure.httpError)
        }
    }
}
