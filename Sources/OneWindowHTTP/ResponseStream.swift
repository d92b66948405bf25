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
    private var suspended = false
    private var connection: OpaquePointer?

    public init() {}

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

    private func wake() {
        guard suspended, let connection else { return }
        suspended = false
        MHD_resume_connection(connection)
    }

    func attach(_ connection: OpaquePointer) {
        lock.withLock { self.connection = connection }
    }

    /// Called by libmicrohttpd when it can send: bytes copied, 0 after suspending, or -1 at the end.
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
            if let connection {
                suspended = true
                MHD_suspend_connection(connection)
            }
            return 0
        }
    }

    /// The response is gone: the client left or the stream ended.
    func close() {
        lock.withLock {
            closed = true
            connection = nil
            suspended = false
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
