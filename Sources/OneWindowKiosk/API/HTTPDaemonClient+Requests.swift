import Foundation

extension HTTPDaemonClient {
    public func hall() async throws(DaemonError) -> HallInfo {
        try await get("api/v1/hall", as: HallInfo.self)
    }

    public func services(query: String?) async throws(DaemonError) -> [ServiceSummary] {
        struct List: Decodable { var services: [ServiceSummary] }
        let items = query.map { [URLQueryItem(name: "q", value: $0)] } ?? []
        return try await get("api/v1/services", query: items, as: List.self).services
    }

    public func guide(serviceId: String) async throws(DaemonError) -> ServiceGuide {
        try await get("api/v1/services/\(serviceId)", as: ServiceGuide.self)
    }

    public func queue() async throws(DaemonError) -> QueueSnapshot {
        try await get("api/v1/queue", as: QueueSnapshot.self)
    }

    public func windows() async throws(DaemonError) -> [WindowInfo] {
        struct List: Decodable { var windows: [WindowInfo] }
        return try await get("api/v1/windows", as: List.self).windows
    }

    public func ticket(id: String) async throws(DaemonError) -> TicketInfo {
        try await get("api/v1/tickets/\(id)", as: TicketInfo.self)
    }

    public func caseInfo(id: String) async throws(DaemonError) -> CaseInfo {
        struct Envelope: Decodable { var `case`: CaseInfo }
        return try await get("api/v1/cases/\(id)", as: Envelope.self).case
    }

    public func issue(
        _ request: IssueRequest, idempotencyKey: String, onRetry: @escaping @Sendable (Int, DaemonError) -> Void
    ) async throws(DaemonError) -> TicketInfo {
        // Only a 201 is a ticket: nothing is shown or printed before the daemon confirmed it.
        let answer = try await retrying(issueBackoff, onRetry: onRetry) { () async throws(DaemonError) in
            try await send("POST", "api/v1/tickets", body: request, headers: ["Idempotency-Key": idempotencyKey])
        }
        guard answer.status == 201 || answer.status == 200 else { throw .badAnswer("status \(answer.status)") }
        return try decode(TicketInfo.self, answer.body)
    }

    public func evaluate(_ request: RatingRequest) async throws(DaemonError) -> EvaluationInfo {
        struct Body: Encodable {
            var rating: Int
            var reasons: [String]
            /// Left out for a pad, whose window-bound token needs no receipt code.
            var code: String?
        }
        struct Envelope: Decodable { var evaluation: EvaluationInfo }
        let body = Body(
            rating: request.rating, reasons: request.reasons, code: request.code.isEmpty ? nil : request.code)
        let answer = try await send("POST", "api/v1/tickets/\(request.number)/evaluation", body: body)
        return try decode(Envelope.self, answer.body).evaluation
    }

    public func clerk(_ command: ClerkCommand) async throws(DaemonError) -> TicketInfo? {
        struct WindowBody: Encodable { var window: String }
        struct TransferBody: Encodable {
            var window: String
            var serviceId: String
        }
        struct CompleteBody: Encodable {
            var window: String
            var outcome: String
            var missingMaterials: [String]?
            var note: String?
        }
        struct Envelope: Decodable { var ticket: TicketInfo }
        let answer: (status: Int, body: Data)
        switch command {
        case .callNext(let window): answer = try await send("POST", "api/v1/windows/\(window)/call-next")
        case .recall(let window): answer = try await send("POST", "api/v1/windows/\(window)/recall")
        case .pause(let window):
            _ = try await send("POST", "api/v1/windows/\(window)/pause")
            return nil
        case .resume(let window):
            _ = try await send("POST", "api/v1/windows/\(window)/resume")
            return nil
        case .noShow(let id, let window):
            answer = try await send("POST", "api/v1/tickets/\(id)/no-show", body: WindowBody(window: window))
        case .transfer(let id, let window, let serviceId):
            answer = try await send(
                "POST", "api/v1/tickets/\(id)/transfer", body: TransferBody(window: window, serviceId: serviceId))
        case .complete(let id, let window, let outcome, let missing, let note):
            let body = CompleteBody(
                window: window, outcome: outcome.rawValue, missingMaterials: missing.isEmpty ? nil : missing, note: note
            )
            answer = try await send("POST", "api/v1/tickets/\(id)/complete", body: body)
        }
        if answer.status == 204 { return nil }
        return try decode(Envelope.self, answer.body).ticket
    }
}
