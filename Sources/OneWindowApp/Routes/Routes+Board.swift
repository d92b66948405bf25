import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// The hall board: a live stream of calls and state changes, and the page that shows it.
    static func board(_ state: AppState) -> [Route] {
        let boardPage = PreparedResponse(
            headers: ["Content-Type": Response.htmlContentType, "Cache-Control": "no-cache"],
            body: Data(BoardPage.render().utf8), etag: true)
        return [
            Route("GET", "/api/v1/events") { request in
                let queue = state.queue
                let greeting = queue.read { q in
                    Data("retry: 3000\n\nevent: state\ndata: ".utf8) + Response.encodeJSON(BoardState(q))
                        + Data("\n\n".utf8)
                }
                let lastEventId = request.headers["Last-Event-ID"].flatMap {
                    Int64($0.trimmingCharacters(in: .whitespaces))
                }
                let stream = queue.hub.subscribe(greeting: greeting, lastEventId: lastEventId) { range in
                    let stored =
                        (try? state.storage.queueEvents(after: range.lowerBound - 1, through: range.upperBound)) ?? []
                    return queue.read { BoardEvent.events(stored, in: $0) }
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

/// The `state` event a board gets first: the hall, the queues and the windows.
struct BoardState: Encodable {
    var hall: String
    var queue: QueueView
    var windows: [WindowView]

    init(_ queue: HallQueue) {
        hall = queue.catalogue.hall.name
        self.queue = QueueView(queue)
        windows = queue.catalogue.hall.windows.map { WindowView($0, in: queue) }
    }
}
