import COneWindowMHD
import Foundation

/// A response built once (per catalogue load, say) and sent on many connections.
///
/// Its bytes are copied once into memory of its own; each request gets a small libmicrohttpd
/// response that points at them without copying (so it can carry its own `X-Request-Id`),
/// and keeps this object alive until the send ends. That is what makes swapping catalogues
/// under load safe.
///
/// `@unchecked Sendable`: everything is immutable after `init`.
public final class PreparedResponse: @unchecked Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    public let body: Data
    /// The `ETag` header's value, if any, for conditional requests.
    public let etag: String?
    private let bytes: UnsafeMutableRawBufferPointer

    /// - Parameter etag: pass `true` to tag the body with `ETag.of(body)`.
    public init(status: Int = 200, headers: HTTPHeaders, body: Data, etag: Bool = false) {
        var headers = headers
        let tag = etag ? ETag.of(body) : headers["ETag"]
        if etag, let tag { headers.add("ETag", tag) }
        self.status = status
        self.headers = headers
        self.body = body
        self.etag = tag
        bytes = .allocate(byteCount: max(1, body.count), alignment: 1)
        body.withUnsafeBytes { bytes.copyMemory(from: $0) }
    }

    deinit {
        bytes.deallocate()
    }

    /// A new libmicrohttpd response over these bytes; the caller destroys it, and keeps this
    /// object alive until the request completes.
    func makeHandle() -> OpaquePointer {
        guard let response = MHD_create_response_from_buffer(body.count, bytes.baseAddress, .RESPMEM_PERSISTENT)
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
