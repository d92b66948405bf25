import Foundation
import OneWindowHTTP

extension FakeCaseDaemon {
    func issue(_ request: Request) -> Response {
        let body = Self.body(request)
        let key = request.headers["Idempotency-Key"]
        if let key, let id = state.withLock({ $0.keys[key] }),
            let visit = state.withLock({ $0.visits.first { $0.ticketId == id } })
        {
            return Self.json(view(visit), status: 201)
        }
        var serviceId = body["serviceId"] as? String
        var caseId: String
        if let existing = body["caseId"] as? String {
            let (known, open, caseService) = state.withLock { state in
                (
                    state.caseStates[existing],
                    state.visits.contains { $0.caseId == existing && ["waiting", "called"].contains($0.status) },
                    state.visits.first { $0.caseId == existing }?.serviceId
                )
            }
            guard let known else { return Self.error(404, "case_not_found") }
            guard known == "open" else { return Self.error(409, "case_closed") }
            guard !open else { return Self.error(409, "case_visit_open") }
            guard serviceId == nil || serviceId == caseService else { return Self.error(422, "case_service_mismatch") }
            serviceId = caseService
            caseId = existing
        } else {
            caseId = ""
        }
        guard let serviceId, let service = service(serviceId) else { return Self.error(404, "service_not_found") }
        let prefix = service["queuePrefix"] as? String ?? "A"
        let visit: Visit = state.withLock { state in
            if caseId.isEmpty {
                caseId = String(format: "C20261129-%04d", state.caseStates.count + 1)
                state.caseStates[caseId] = "open"
            }
            let sequence = state.visits.filter { $0.number.hasPrefix(prefix) }.count + 1
            let visit = Visit(
                ticketId: UUID().uuidString.lowercased(), number: prefix + String(format: "%03d", sequence),
                serviceId: serviceId,
                caseId: caseId)
            state.visits.append(visit)
            if let key { state.keys[key] = visit.ticketId }
            return visit
        }
        publish("issued", visit)
        return Self.json(view(visit), status: 201)
    }

    func callNext(_ window: String) -> Response {
        let called: Visit? = state.withLock { state in
            if state.visits.contains(where: { $0.window == window && $0.status == "called" }) { return nil }
            guard let index = state.visits.firstIndex(where: { $0.status == "waiting" }) else { return nil }
            state.visits[index].status = "called"
            state.visits[index].window = window
            state.visits[index].callCount += 1
            state.lastCalls.append((state.visits[index].number, window))
            return state.visits[index]
        }
        guard let called else { return Response(status: 204) }
        publish("called", called)
        return Self.json(["ticket": view(called)])
    }

    func complete(_ request: Request) -> Response {
        let body = Self.body(request)
        let id = request.pathParameter("id")
        let outcome = body["outcome"] as? String ?? ""
        let missing = body["missingMaterials"] as? [String] ?? []
        let note = body["note"] as? String
        guard let visit = state.withLock({ $0.visits.first { $0.ticketId == id } }) else {
            return Self.error(404, "ticket_not_found")
        }
        let known = (service(visit.serviceId)?["materials"] as? [[String: Any]] ?? []).compactMap {
            $0["id"] as? String
        }
        if outcome == "needs_more", missing.isEmpty { return Self.error(422, "missing_materials_required") }
        if let unknown = missing.first(where: { !known.contains($0) }) {
            return Self.error(422, "unknown_material \(unknown)")
        }
        if outcome == "rejected", (note ?? "").isEmpty { return Self.error(422, "note_required") }
        let done: Visit = state.withLock { state in
            let index = state.visits.firstIndex { $0.ticketId == id }!
            state.visits[index].status = "completed"
            state.visits[index].outcome = outcome
            state.visits[index].missing = missing
            state.visits[index].note = note
            state.caseStates[visit.caseId] = outcome == "needs_more" ? "open" : "closed"
            return state.visits[index]
        }
        publish("completed", done)
        return Self.json(["ticket": view(done)])
    }

    func evaluate(_ request: Request) -> Response {
        let key = request.pathParameter("id")
        let rating = Self.body(request)["rating"] as? Int ?? 0
        // The real daemon checks the receipt's code; the fake asks only that one is sent.
        guard Self.body(request)["code"] is String else { return Self.error(403, "evaluation_code_invalid") }
        let found = state.withLock { state in state.visits.first { $0.ticketId == key || $0.number == key } }
        guard let visit = found else { return Self.error(404, "ticket_not_found") }
        guard visit.status == "completed" else { return Self.error(409, "visit_not_ended") }
        let first = state.withLock { $0.evaluated.insert(visit.ticketId).inserted }
        guard first else { return Self.error(409, "already_evaluated") }
        return Self.json(
            [
                "evaluation": [
                    "id": "e1", "ticketId": visit.ticketId, "number": visit.number, "rating": rating,
                    "bad": rating <= 2,
                ]
            ],
            status: 201)
    }
}
