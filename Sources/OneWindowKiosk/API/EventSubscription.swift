import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Follows `GET /api/v1/events` for as long as it lives: delivers each event, and on a lost
/// connection reconnects with backoff and `Last-Event-ID`, so nothing is missed.
///
/// `@unchecked Sendable`: URLSession calls the delegate methods on its own serial queue; the
/// state they share with `cancel()` sits behind a Mutex.
public final class EventSubscription: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    public enum Signal: Sendable, Equatable {
        case connected
        case event(ServerSentEvent)
        /// The stream ended or could not be opened; a reconnection follows after `retryIn` seconds.
        case disconnected(reason: String, retryIn: Double)
    }

    private struct State {
        var parser = ServerSentEventParser()
        var attempt = 0
        var cancelled = false
        var task: URLSessionDataTask?
    }

    private let url: URL
    private let backoff: Backoff
    private let deliver: @Sendable (Signal) -> Void
    private let state = Mutex(State())
    private var session: URLSession!

    public init(baseURL: URL, backoff: Backoff = Backoff(initial: 1, maximum: 10), deliver: @escaping @Sendable (Signal) -> Void) {
        url = baseURL.appendingPathComponent("api/v1/events")
        self.backoff = backoff
        self.deliver = deliver
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        // The daemon sends a keep-alive every 15 s: a minute of silence means the stream is dead.
        configuration.timeoutIntervalForRequest = 60
        configuration.timeoutIntervalForResource = .infinity
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    public func start() { connect() }

    public func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
        session.invalidateAndCancel()
    }

    private func connect() {
        var request = URLRequest(url: url)
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        let task: URLSessionDataTask? = state.withLock { state in
            guard !state.cancelled else { return nil }
            if let last = state.parser.lastEventId { request.setValue(last, forHTTPHeaderField: "Last-Event-ID") }
            let task = session.dataTask(with: request)
            state.task = task
            return task
        }
        task?.resume()
    }

    public func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        if status == 200 {
            state.withLock { $0.attempt = 0 }
            deliver(.connected)
        }
        completionHandler(status == 200 ? .allow : .cancel)
    }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let events = state.withLock { $0.parser.feed(data) }
        for event in events { deliver(.event(event)) }
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let delay: Double? = state.withLock { state in
            guard !state.cancelled else { return nil }
            state.attempt += 1
            state.parser = state.parser.resetKeepingId()
            return backoff.delay(after: state.attempt)
        }
        guard let delay else { return }
        deliver(.disconnected(reason: error?.localizedDescription ?? "the stream ended", retryIn: delay))
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [weak self] in self?.connect() }
    }
}

extension ServerSentEventParser {
    /// A fresh parser for a new connection that remembers the last event id.
    func resetKeepingId() -> ServerSentEventParser {
        var fresh = ServerSentEventParser()
        fresh.restore(lastEventId: lastEventId)
        return fresh
    }
}
