import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// `/t/{id}`: the public status page of one ticket, which the receipt's QR code opens. It
    /// shows what `GET /api/v1/tickets/{id}` shows; share parameters are ignored and errors are
    /// HTML pages, like the other pages.
    static func ticketPage(_ state: AppState) -> [Route] {
        [
            Route.page("/t/{id}", query: ["refresh", "problem"], errorPage: errorPage(state)) { request in
                let hall = state.catalogue.published.hall
                guard let (ticket, stored) = try publicTicket(state, request.pathParameter("id")) else {
                    return ticketPageResponse(TicketPage.notFound(hall: hall), status: 404)
                }
                let autoRefresh = try request.queryValue("refresh") != "off"
                let now = state.clock()
                let rating = ratingState(state, ticket, problem: try request.queryValue("problem"))
                return ticketPageResponse(
                    TicketPage.render(
                        ticket, hall: hall, now: now, autoRefresh: autoRefresh,
                        closesAt: state.queue.closing(onDayOf: now), rating: rating,
                        missed: state.publicFigures.missedMaterials(ticket.serviceId, state: state),
                        followUp: try followUp(state, stored)))
            },
            phoneRatingRoute(state),
        ]
    }

    /// The form or its thanks: only for a visit that ended at a window today.
    private static func ratingState(_ state: AppState, _ ticket: TicketView, problem: String?) -> TicketPage.Rating? {
        state.queue.read { queue -> TicketPage.Rating? in
            guard let live = queue.tickets[ticket.id], live.hallDay == queue.day, live.status == .completed else {
                return nil
            }
            return queue.evaluated.contains(live.id) ? .done : .open(problem: problem)
        }
    }

    /// Today's ticket from the queue; one of an earlier day from the database, which ended for
    /// good with its day (a receipt scanned the next morning says 已过期, not 未找到).
    private static func publicTicket(_ state: AppState, _ id: String) throws(HTTPError) -> (TicketView, Ticket)? {
        if let found = state.queue.read({ q in q.tickets[id].map { (TicketView($0, in: q), $0) } }) { return found }
        // Ticket ids are 36 characters; anything much longer is not worth a database read.
        guard id.utf8.count <= 64 else { return nil }
        let stored: Ticket?
        do {
            stored = try state.storage.ticket(id: id)
        } catch {
            throw HTTPError(
                .storageUnavailable, "the ticket could not be read; try again", headers: ["Retry-After": "5"])
        }
        guard var ticket = stored else { return nil }
        if !ticket.status.isFinal { ticket.status = .expired }
        return state.queue.read { (TicketView(ticket, in: $0), ticket) }
    }

    /// The missing materials by their catalogue names, the case's state now (the queue holds
    /// open cases and those of today's tickets; an older one is read from the database) and,
    /// while the ticket waits, the open windows that take its service.
    private static func followUp(_ state: AppState, _ ticket: Ticket) throws(HTTPError) -> TicketPage.FollowUp {
        let catalogue = state.catalogue.published
        let service = catalogue.service(replacing: ticket.serviceId)
        var followUp = TicketPage.FollowUp()
        // A material the catalogue no longer has keeps its id: hiding it would hide what to bring.
        followUp.missing = ticket.missingMaterials.map { service?.material(replacing: $0)?.name ?? $0 }
        let (caseState, windows) = state.queue.read { queue in
            (
                ticket.caseId.flatMap { queue.cases[$0]?.state },
                ticket.status == .waiting ? queue.openWindows(serving: ticket.serviceId).map(\.name) : []
            )
        }
        followUp.windows = windows
        followUp.caseState = caseState
        if caseState == nil, let caseId = ticket.caseId {
            do {
                followUp.caseState = try state.storage.caseWithVisits(id: caseId)?.0.state
            } catch {
                throw HTTPError(
                    .storageUnavailable, "the case could not be read; try again", headers: ["Retry-After": "5"])
            }
        }
        return followUp
    }

    static func ticketPageResponse(_ page: String, status: Int = 200) -> Response {
        Response(
            status: status, headers: ["Content-Type": Response.htmlContentType, "Cache-Control": "no-store"],
            body: Data(page.utf8))
    }
}
