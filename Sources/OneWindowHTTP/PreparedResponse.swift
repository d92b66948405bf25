import COneWindowMHD
import Foundation

/// A response built once (per catalogue load, say) and sent on many connections.
///
/// Its bytes are held once, in memory of its own that `body` wraps without copying; each
/// request gets a small libmicrohttpd response that points at them (so it can carry its own
/// `X-Request-Id`), and keeps this object alive until the send ends. That is what makes
/// swapping catalogues under load safe. (The bytes were held twice, as `body` and as the copy
/// libmicrohttpd sent: 0.95 MB of guide pages, about 1 MiB of the daemon's memory.)
///
/// `@unchecked Sendable`: everything is immutable after `init`.
public final class PreparedResponse: @unchecked Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    /// The bytes sent. For bodies longer than `Data` keeps inline, the same memory libmicrohttpd
    /// sends from; `body` owns it and this object keeps `body`, so it lives as long as we do.
    public let body: Data
    /// The `ETag` header's value, if any, for conditional requests.
    public let etag: String?
    /// What libmicrohttpd sends: `body`'s own storage, or `ownCopy`'s for a short body.
    let sentBytes: UnsafeRawPointer?
    /// A copy for bodies `Data` keeps inline (up to a few bytes, whose address is not stable).
    private let ownCopy: UnsafeMutableRawBufferPointer?

    /// - Parameter etag: pass `true` to tag the body with `ETag.of(body)`.
    public init(status: Int = 200, headers: HTTPHeaders, body: Data, etag: Bool = false) {
        var headers = headers
        let tag = etag ? ETag.of(body) : headers["ETag"]
        if etag, let tag { headers.add("ETag", tag) }
        self.status = status
        self.headers = headers
        self.etag = tag
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, body.count), alignment: 1)
        body.withUnsafeBytes { buffer.copyMemory(from: $0) }
        // `Data` adopts the buffer and frees it with its last copy. A short body is stored
        // inline (copied) instead, and the buffer freed at once; the address check catches that.
        let held = Data(
            bytesNoCopy: buffer.baseAddress!, count: body.count,
            deallocator: .custom { pointer, _ in pointer.deallocate() })
        if body.count > 0, held.withUnsafeBytes({ $0.baseAddress }) == UnsafeRawPointer(buffer.baseAddress) {
            self.body = held
            sentBytes = UnsafeRawPointer(buffer.baseAddress)
            ownCopy = nil
        } else {
            self.body = held
            let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, body.count), alignment: 1)
            body.withUnsafeBytes { copy.copyMemory(from: $0) }
            sentBytes = UnsafeRawPointer(copy.baseAddress)
            ownCopy = copy
        }
    }

    deinit {
        ownCopy?.deallocate()
    }

    /// A new libmicrohttpd response over these bytes; the caller destroys it, and keeps this
    /// object alive until the request completes.
    func makeHandle() -> OpaquePointer {
        guard
            let response = MHD_create_response_from_buffer(
                body.count, UnsafeMutableRawPointer(mutating: sentBytes), .RESPMEM_PERSISTENT)
        else { fatalError("libmicrohttpd could not allocate a response") }
        for field in headers.all { MHD_add_response_header(response, field.name, field.value) }
        return response
    }
}

/// Creates an MHD response that owns a copy of `body`, with `headers` added.
func makeMHDResponse(body: Data, headers: HTTPHeaders) -> OpaquePointer {
    let response = body.withUnsafeBytes { bytes in
        MHD_create_response_from_buffer(
            bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
    }
    guard let response else { fatalError("libmicrohttpd could not allocate a response") }
    for field in headers.all {
        MHD_add_response_header(response, field.name, field.value)
    }
    return response
}
