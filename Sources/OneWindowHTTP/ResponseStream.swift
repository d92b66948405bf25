import COneWindowMHD
import Foundation

/// A response body written bit by bit for as long as the client listens: Server-Sent Events.
///
/// When nothing is buffered, the reader suspends the connection (libmicrohttpd's way to wait
/// without busy-looping) and the next `write` or `finish` resumes it. The lock orders the two,
/// so a write lands either before the reader looks or after it has suspended.
///
/// `@unchecked Sendable`: every field is guarded by `lock`.
public final class ResponseStream: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = Data()
    private var finished = false
    private var closed = false
    /// The suspension's ticket while the connection waits for bytes.
    private var suspension: Int?
    private var connection: OpaquePointer?
    private var socket: Int32 = -1
    private var suspensions: Suspensions?

    public init() {}

    /// Linux's POLLRDHUP (the peer shut its side), which Glibc exposes only to _GNU_SOURCE.
    private static let peerHangUp: Int16 = 0x2000

    /// Appends bytes for the client; false once the client is gone, so the writer can forget it.
    @discardableResult
    public func write(_ data: Data) -> Bool {
        lock.withLock {
            guard !closed, !finished else { return false }
            buffer.append(data)
            wake()
            return true
        }
    }

    /// Ends the stream after what is buffered.
    public func finish() {
        lock.withLock {
            finished = true
            wake()
        }
    }

    /// Whether the client has gone (noticed the next time the connection ran).
    public var isClosed: Bool { lock.withLock { closed } }

    /// Whether the client has hung up. A suspended connection is not watched by libmicrohttpd,
    /// so without this a board that went away would hold its socket until the next write.
    public var peerHasClosed: Bool {
        lock.withLock {
            guard !closed else { return true }
            guard socket >= 0 else { return false }
            var watch = pollfd(fd: socket, events: Self.peerHangUp, revents: 0)
            guard poll(&watch, 1, 0) == 1 else { return false }
            return watch.revents & (Self.peerHangUp | Int16(POLLHUP | POLLERR | POLLNVAL)) != 0
        }
    }

    private func wake() {
        guard let ticket = suspension, let connection else { return }
        suspension = nil
        suspensions?.remove(ticket)
        MHD_resume_connection(connection)
    }

    func attach(_ connection: OpaquePointer, suspensions: Suspensions) {
        lock.withLock {
            self.connection = connection
            self.socket = onewindow_connection_fd(connection)
            self.suspensions = suspensions
        }
    }

    /// Called by libmicrohttpd when it can send: bytes copied, 0 after suspending, or -1 at the
    /// end (finished, or the server is stopping and takes no more suspensions).
    func read(into destination: UnsafeMutablePointer<CChar>, max: Int) -> Int {
        lock.withLock {
            if !buffer.isEmpty {
                let count = min(max, buffer.count)
                buffer.withUnsafeBytes { bytes in
                    UnsafeMutableRawPointer(destination).copyMemory(from: bytes.baseAddress!, byteCount: count)
                }
                buffer.removeFirst(count)
                return count
            }
            if finished { return -1 }
            guard let connection, let suspensions else { return 0 }
            // Registered before suspending, under this lock: a stop that wakes every suspension
            // either finds this one or makes `register` refuse, and then the stream ends.
            guard let ticket = suspensions.register(timeoutSeconds: nil, wake: { [weak self] _ in self?.finish() })
            else { return -1 }
            suspension = ticket
            MHD_suspend_connection(connection)
            return 0
        }
    }

    /// The response is gone: the client left or the stream ended.
    func close() {
        lock.withLock {
            closed = true
            if let ticket = suspension { suspensions?.remove(ticket) }
            suspension = nil
            connection = nil
            socket = -1
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
