import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// Cases (办件): looked up by kiosks (a returning applicant's number) and clerks, cancelled by clerks.
    static func cases(_ state: AppState) -> [Route] {
        // Not the pads: a rating pad has no business reading cases.
        let anyDevice = Route.Access.device([
            DeviceRole.kiosk.rawValue, DeviceRole.clerk.rawValue, DeviceRole.admin.rawValue,
        ])
        return [
            Route("GET", "/api/v1/cases/{id}", access: anyDevice) { request in
                let id = request.pathParameter("id").uppercased()
                // Only clerks and admins see notes, cancel reasons and the tickets' ids; a kiosk
                // (or any other device) reads the checklist of a number an applicant typed.
                let clerk = request.device.map { clerkRoles.contains($0.role) } ?? false
                return .json(
                    CaseEnvelope(case: try caseView(state, id, forKiosk: !clerk)),
                    headers: ["Cache-Control": "no-store"]
                )
            },
            Route("POST", "/api/v1/cases/{id}/cancel", access: .clerk, body: .json) { request, responder in
                let device = request.authorizedDevice
                let id = request.pathParameter("id").uppercased()
                let body = try request.decodeJSON(CancelCaseRequest.self)
                let command = QueueCommand.cancelCase(id, reason: body.reason)
                state.queue.execute(command, by: device.name, answer: QueueOutcome.self) { result in
                    switch result {
                    case .success:
                        // Read back as committed, with its visits.
                        responder.send {
                            (try? caseView(state, id, forKiosk: false)).map { .json(CaseEnvelope(case: $0)) }
                                ?? .error(HTTPError(.caseNotFound, "no case numbered “\(id)”"))
                        }
                    case .failure(let failure): responder.fail(failure.httpError)
                    }
                }
            },
        ]
    }

    /// A case as stored, with its visits; notes, the cancel reason and the tickets' ids are left
    /// out for kiosks, which applicants use: a typed case number must not yield a ticket's id.
    static func caseView(_ state: AppState, _ id: String, forKiosk: Bool) throws(HTTPError) -> CaseView {
        let stored: (CaseRecord, [Ticket])?
        do {
            stored = try state.storage.caseWithVisits(id: id)
        } catch {
            throw HTTPError(.storageUnavailable, "the case cannot be read now; try again")
        }
        guard let (record, tickets) = stored else { throw HTTPError(.caseNotFound, "no case numbered “\(id)”") }
        return CaseView(record, visits: tickets, catalogue: state.catalogue.published, forKiosk: forKiosk)
    }
}

struct CaseEnvelope: Encodable {
    var `case`: CaseView
}
