import COneWindowMHD
import Foundation
import Synchronization

/// A response body written bit by bit for as long as the client listens: Server-Sent Events.
///
/// When nothing is buffered, the reader suspends the connection (libmicrohttpd's way to wait
/// without busy-looping) and the next `write` or `finish` resumes it. The mutex orders the two,
/// so a write lands either before the reader looks or after it has suspended.
public final class ResponseStream: Sendable {
    /// Everything the writer (the commit thread, the liveness timer) and the reader (the
    /// connection's worker) share.
    private struct State {
        var buffer = Data()
        var finished = false
        var closed = false
        /// The suspension's ticket while the connection waits for bytes.
        var suspension: Int?
        var connection: ConnectionHandle?
        var socket: Int32 = -1
        var suspensions: Suspensions?

        /// Resumes the connection if it waits for bytes.
        mutating func wake() {
            guard let ticket = suspension, let connection else { return }
            suspension = nil
            suspensions?.remove(ticket)
            MHD_resume_connection(connection.pointer)
        }
    }

    private let state = Mutex(State())

    public init() {}

    /// Linux's POLLRDHUP (the peer shut its side), which Glibc exposes only to _GNU_SOURCE.
    private static let peerHangUp: Int16 = 0x2000

    /// Appends bytes for the client; false once the client is gone, so the writer can forget it.
    @discardableResult
    public func write(_ data: Data) -> Bool {
        state.withLock { state in
            guard !state.closed, !state.finished else { return false }
            state.buffer.append(data)
            state.wake()
            return true
        }
    }

    /// Ends the stream after what is buffered.
    public func finish() {
        state.withLock { state in
            state.finished = true
            state.wake()
        }
    }

    /// Whether the client has gone (noticed the next time the connection ran).
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// Whether the client has hung up. A suspended connection is not watched by libmicrohttpd,
    /// so without this a board that went away would hold its socket until the next write.
    public var peerHasClosed: Bool {
        state.withLock { state in
            guard !state.closed else { return true }
            guard state.socket >= 0 else { return false }
            var watch = pollfd(fd: state.socket, events: Self.peerHangUp, revents: 0)
            guard poll(&watch, 1, 0) == 1 else { return false }
            return watch.revents & (Self.peerHangUp | Int16(POLLHUP | POLLERR | POLLNVAL)) != 0
        }
    }

    func attach(_ connection: OpaquePointer, suspensions: Suspensions) {
        let handle = ConnectionHandle(pointer: connection)
        let socket = onewindow_connection_fd(connection)
        state.withLock { state in
            state.connection = handle
            state.socket = socket
            state.suspensions = suspensions
        }
    }

    /// Called by libmicrohttpd when it can send: bytes copied, 0 after suspending, or -1 at the
    /// end (finished, or the server is stopping and takes no more suspensions).
    func read(into destination: UnsafeMutablePointer<CChar>, max: Int) -> Int {
        state.withLock { state in
            if !state.buffer.isEmpty {
                let count = min(max, state.buffer.count)
                state.buffer.withUnsafeBytes { bytes in
                    UnsafeMutableRawPointer(destination).copyMemory(from: bytes.baseAddress!, byteCount: count)
                }
                state.buffer.removeFirst(count)
                return count
            }
            if state.finished { return -1 }
            guard let connection = state.connection, let suspensions = state.suspensions else { return 0 }
            // Registered before suspending, under this mutex: a stop that wakes every suspension
            // either finds this one or makes `register` refuse, and then the stream ends.
            guard let ticket = suspensions.register(timeoutSeconds: nil, wake: { [weak self] _ in self?.finish() })
            else { return -1 }
            state.suspension = ticket
            MHD_suspend_connection(connection.pointer)
            return 0
        }
    }

    /// The response is gone: the client left or the stream ended.
    func close() {
        state.withLock { state in
            state.closed = true
            if let ticket = state.suspension { state.suspensions?.remove(ticket) }
            state.suspension = nil
            state.connection = nil
            state.socket = -1
        }
    }
}

/// Creates an MHD response that reads from `stream` until it finishes, with `headers` added.
func makeMHDStreamResponse(_ stream: ResponseStream, headers: HTTPHeaders) -> OpaquePointer {
    let context = Unmanaged.passRetained(stream).toOpaque()
    guard let response = MHD_create_response_from_callback(UInt64.max, 4096, readStream, context, releaseStream) else {
        fatalError("libmicrohttpd could not allocate a response")
    }
    for field in headers.all { MHD_add_response_header(response, field.name, field.value) }
    return response
}

private func readStream(
    _ context: UnsafeMutableRawPointer?, _ position: UInt64, _ buffer: UnsafeMutablePointer<CChar>?, _ max: Int
)
    -> Int
{
    guard let context, let buffer else { return -2 }
    return Unmanaged<ResponseStream>.fromOpaque(context).takeUnretainedValue().read(into: buffer, max: max)
}

private func releaseStream(_ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let stream = Unmanaged<ResponseStream>.fromOpaque(context)
    stream.takeUnretainedValue().close()
    stream.release()
}
