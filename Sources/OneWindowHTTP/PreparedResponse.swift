import COneWindowMHD
import Foundation

/// A response built once (per catalogue load, say) and queued on many connections.
///
/// libmicrohttpd reference-counts responses: each queued use holds its own reference, so
/// when this object goes away while a connection is still sending it, the bytes stay alive
/// until that send ends. That is what makes swapping catalogues under load safe.
///
/// `@unchecked Sendable`: the MHD response is immutable after `init` (headers are added
/// before anyone else sees it) and MHD's own reference counting is thread-safe.
public final class PreparedResponse: @unchecked Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    public let body: Data
    /// The `ETag` header's value, if any, for conditional requests.
    public let etag: String?
    let handle: OpaquePointer

    /// - Parameter etag: pass `true` to tag the body with `ETag.of(body)`.
    public init(status: Int = 200, headers: HTTPHeaders, body: Data, etag: Bool = false) {
        var headers = headers
        let tag = etag ? ETag.of(body) : headers["ETag"]
        if etag, let tag { headers.add("ETag", tag) }
        self.status = status
        self.headers = headers
        self.body = body
        self.etag = tag
        self.handle = makeMHDResponse(body: body, headers: headers)
    }

    deinit {
        MHD_destroy_response(handle)
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
