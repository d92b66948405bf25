import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// The hall board: a live stream of calls and state changes, and the page that shows it.
    static func board(_ state: AppState) -> [Route] {
        let boardPage = PreparedResponse(
            headers: [
                "Content-Type": Response.htmlContentType, "Cache-Control": "no-cache",
                "Content-Security-Policy": BoardPage.contentSecurityPolicy,
            ],
            body: Data(BoardPage.render().utf8), etag: true)
        return [
            Route("GET", "/api/v1/events") { request in
                let queue = state.queue
                let lastEventId = request.headers["Last-Event-ID"].flatMap {
                    Int64($0.trimmingCharacters(in: .whitespaces))
                }
                let stream = queue.hub.subscribe(
                    lastEventId: lastEventId,
                    greeting: { last in
                        // The view is built under the queue's lock, and encoded after it is
                        // released: the commit thread takes that lock for every command.
                        let view = queue.read { q in BoardState(q, lastEventId: last, at: state.clock()) }
                        return Data("retry: 3000\n\nid: \(last)\nevent: state\ndata: ".utf8)
                            + Response.encodeJSON(view) + Data("\n\n".utf8)
                    },
                    replay: { after, limit in
                        // A failed read ends the replay early; the board still gets live events.
                        let stored = (try? state.storage.queueEventsWithTickets(after: after, limit: limit)) ?? []
                        let catalogue = state.catalogue.catalogue
                        return stored.map { BoardEvent($0.0, ticket: $0.1, catalogue: catalogue) }
                    })
                guard let stream else {
                    throw HTTPError(.shuttingDown, "the daemon is stopping; reconnect in a moment")
                }
                return Response(
                    headers: [
                        "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store",
                        "X-Accel-Buffering": "no",
                    ],
                    stream: stream)
            },
            Route.page("/board", errorPage: errorPage(state)) { _ in Response(prepared: boardPage) },
        ]
    }
}

/// The `state` event a board gets first: the hall, the queues (waiting and estimated wait per
/// letter, the last calls), the windows with the number each serves now, the services with
/// their queue letter (the board lists them under each letter), the id of the last committed
/// event, from which the live events continue, and the server's time, so that a board can tell
/// a call replayed after a reconnect that is still fresh (worth announcing) from an old one
/// without trusting its own clock.
struct BoardState: Encodable {
    struct Service: Encodable {
        var id: String
        var name: String
        var queuePrefix: String
    }

    var hall: String
    var lastEventId: Int64
    var at: String
    var queue: QueueView
    var windows: [WindowView]
    var services: [Service]

    init(_ queue: HallQueue, lastEventId: Int64, at: Date) {
        self.lastEventId = lastEventId
        self.at = Timestamp.iso8601(at)
        hall = PublicText.clean(queue.catalogue.hall.name) ?? PublicText.askAtWindow
        self.queue = QueueView(queue)
        windows = queue.catalogue.hall.windows.map { WindowView($0, in: queue) }
        services = queue.catalogue.services.map {
            Service(id: $0.id, name: PublicText.clean($0.name) ?? $0.id, queuePrefix: $0.queuePrefix)
        }
    }
}
