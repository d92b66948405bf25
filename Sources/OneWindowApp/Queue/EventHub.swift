import Foundation
import OneWindowCore
import OneWindowHTTP
import Synchronization

/// Fans committed queue events out to display boards as Server-Sent Events.
///
/// Events are published only after their commit, with their row id in `queue_event` as the
/// SSE `id`, so a board that reconnects with `Last-Event-ID` gets exactly what it missed.
public final class EventHub: Sendable {
    private struct State {
        var streams: [ResponseStream] = []
        /// The id of the last event published; a new board's replay stops there.
        var lastId: Int64 = 0
    }

    private let state = Mutex(State())
    /// Set once in `init`; a dispatch source may be cancelled from any thread.
    private nonisolated(unsafe) let heartbeat: DispatchSourceTimer?

    /// - Parameter heartbeatSeconds: how often an idle stream gets a comment line, so proxies
    ///   keep it open and a board that has gone is noticed (its connection is written to).
    ///   0 sends none.
    public init(heartbeatSeconds: Double = 15) {
        guard heartbeatSeconds > 0 else {
            heartbeat = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "onewindow.board-heartbeat"))
        heartbeat = timer
        timer.schedule(deadline: .now() + heartbeatSeconds, repeating: heartbeatSeconds)
        timer.setEventHandler { [weak self] in self?.beat() }
        timer.resume()
    }

    deinit { heartbeat?.cancel() }

    private func beat() {
        let comment = Data(": keep-alive\n\n".utf8)
        state.withLock { $0.streams.removeAll { !$0.write(comment) } }
    }

    /// Sends committed events to every board, dropping boards that have gone.
    func publish(_ events: [BoardEvent]) {
        guard !events.isEmpty else { return }
        let data = events.reduce(into: Data()) { $0.append($1.serverSentEvent) }
        state.withLock { state in
            state.lastId = max(state.lastId, events.last!.id)
            state.streams.removeAll { !$0.write(data) }
        }
    }

    /// Opens a stream: `greeting` first, then the events after `lastEventId` up to the last one
    /// published (from `replay`), then live events, with nothing lost or doubled in between.
    func subscribe(greeting: Data, lastEventId: Int64?, replay: (ClosedRange<Int64>) -> [BoardEvent]) -> ResponseStream
    {
        let stream = ResponseStream()
        state.withLock { state in
            var data = greeting
            if let lastEventId, lastEventId < state.lastId {
                for event in replay((lastEventId + 1)...state.lastId) { data.append(event.serverSentEvent) }
            }
            stream.write(data)
            state.streams.append(stream)
        }
        return stream
    }

    /// Records events committed while no board listened (and, at start, the newest stored one),
    /// so a board's replay range stays right.
    func advance(to id: Int64) {
        state.withLock { $0.lastId = max($0.lastId, id) }
    }

    /// Ends every stream (shutdown); boards reconnect by themselves.
    public func finishAll() {
        state.withLock { state in
            for stream in state.streams { stream.finish() }
            state.streams = []
        }
    }

    public var boardCount: Int { state.withLock { $0.streams.count } }
}

/// One queue event as boards receive it: what happened, which number, which window.
struct BoardEvent: Encodable {
    var id: Int64
    var kind: String
    var ticketId: String?
    var number: String?
    var serviceId: String?
    var window: String?
    var windowName: String?
    var at: String

    init(id: Int64, event: QueueEvent, ticket: Ticket?, catalogue: Catalogue) {
        self.id = id
        kind = event.kind.rawValue
        ticketId = event.ticketId
        number = ticket?.number
        serviceId = ticket?.serviceId
        window = event.window
        windowName = event.window.flatMap { id in catalogue.hall.windows.first { $0.id == id }?.name }
        at = Timestamp.iso8601(event.at)
    }

    /// Board events for stored event rows, with numbers and window names from `queue`.
    static func events(_ rows: [(id: Int64, event: QueueEvent)], in queue: HallQueue) -> [BoardEvent] {
        rows.map { row in
            BoardEvent(
                id: row.id, event: row.event, ticket: row.event.ticketId.flatMap { queue.tickets[$0] },
                catalogue: queue.catalogue)
        }
    }

    /// `id: 42\nevent: called\ndata: {…}\n\n`.
    var serverSentEvent: Data {
        Data("id: \(id)\nevent: \(kind)\ndata: ".utf8) + Response.encodeJSON(self) + Data("\n\n".utf8)
    }
}
