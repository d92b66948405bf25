import Foundation
import OneWindowCore
import OneWindowHTTP
import Synchronization

/// Fans committed queue events out to display boards as Server-Sent Events.
///
/// Events arrive only after their commit (the hub is a `CommitObserver`), with their row id in
/// `queue_event` as the SSE `id`, so a board that reconnects with `Last-Event-ID` gets exactly
/// what it missed. The check for listening boards and the publish happen under one lock; a
/// replay reads the database outside it, in pages, while live events wait in the new board's
/// own buffer, so no acknowledgement ever waits for a replay.
public final class EventHub: CommitObserver {
    private struct Board {
        let stream: ResponseStream
        /// Live events held back while the board's replay is read; nil once it is live.
        var held: Data?
    }

    private struct State {
        var boards: [ObjectIdentifier: Board] = [:]
        /// The id of the last event committed; a new board's replay stops there.
        var lastId: Int64 = 0
        var closed = false
    }

    private let state = Mutex(State())
    /// Set once in `init`; a dispatch source may be cancelled from any thread.
    private nonisolated(unsafe) let timer: DispatchSourceTimer?
    private let heartbeatSeconds: Double
    private let ticks = Atomic<Int>(0)

    /// - Parameter heartbeatSeconds: how often an idle stream gets a comment line, so proxies
    ///   keep it open. 0 sends none. Independently, every `livenessSeconds` each stream's socket
    ///   is checked, so a board that has gone is dropped within seconds, not at the next write.
    public init(heartbeatSeconds: Double = 15, livenessSeconds: Double = 2) {
        self.heartbeatSeconds = heartbeatSeconds
        guard livenessSeconds > 0 else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "onewindow.board-liveness"))
        self.timer = timer
        timer.schedule(deadline: .now() + livenessSeconds, repeating: livenessSeconds)
        let beatEvery = heartbeatSeconds > 0 ? max(1, Int((heartbeatSeconds / livenessSeconds).rounded())) : 0
        timer.setEventHandler { [weak self] in self?.tick(beatEvery: beatEvery) }
        timer.resume()
    }

    deinit { timer?.cancel() }

    private func tick(beatEvery: Int) {
        let count = ticks.add(1, ordering: .relaxed).newValue
        let comment = beatEvery > 0 && count % beatEvery == 0 ? Data(": keep-alive\n\n".utf8) : nil
        state.withLock { state in
            state.boards = state.boards.filter { _, board in
                if board.stream.peerHasClosed {
                    board.stream.finish()
                    return false
                }
                guard let comment else { return true }
                return board.stream.write(comment)
            }
        }
    }

    public func committed(_ group: CommittedGroup) {
        guard let last = group.events.last else { return }
        state.withLock { state in
            state.lastId = max(state.lastId, last.id)
            let events = group.events.filter(\.event.kind.isQueueEvent)
            guard !state.boards.isEmpty, !events.isEmpty else { return }
            let data = events.reduce(into: Data()) { data, stored in
                let ticket = stored.event.ticketId.flatMap { group.tickets[$0] }
                data.append(BoardEvent(stored, ticket: ticket, catalogue: group.catalogue).serverSentEvent)
            }
            for (id, board) in state.boards {
                if board.held != nil {
                    state.boards[id]?.held?.append(data)
                } else if !board.stream.write(data) {
                    state.boards[id] = nil
                }
            }
        }
    }

    /// Opens a stream: `greeting` (given the id of the last committed event) first, then the
    /// events after `lastEventId` up to that one, read page by page with `replay(after, limit)`,
    /// then live events, with nothing lost or doubled in between. Nil once the hub is closed.
    func subscribe(
        lastEventId: Int64?, greeting: (Int64) -> Data, replay: (Int64, Int) -> [BoardEvent]
    ) -> ResponseStream? {
        let stream = ResponseStream()
        let id = ObjectIdentifier(stream)
        let last: Int64? = state.withLock { state in
            guard !state.closed else { return nil }
            state.boards[id] = Board(stream: stream, held: Data())
            return state.lastId
        }
        guard let last else { return nil }
        var data = greeting(last)
        var after = lastEventId ?? last
        while after < last {
            let page = replay(after, Self.replayPage).filter { $0.id <= last }
            guard let newest = page.last else { break }
            for event in page where event.isQueueEvent { data.append(event.serverSentEvent) }
            after = newest.id
        }
        stream.write(data)
        state.withLock { state in
            guard let held = state.boards[id]?.held else { return }
            if !held.isEmpty { stream.write(held) }
            state.boards[id]?.held = nil
        }
        return stream
    }

    static let replayPage = 500

    /// Records the newest stored event at start-up, so a board's replay range is right.
    func advance(to id: Int64) {
        state.withLock { $0.lastId = max($0.lastId, id) }
    }

    /// Ends every stream and refuses new ones (shutdown); boards reconnect by themselves.
    public func finishAll() {
        state.withLock { state in
            state.closed = true
            for board in state.boards.values { board.stream.finish() }
            state.boards = [:]
        }
    }

    public var boardCount: Int { state.withLock { $0.boards.count } }
}
