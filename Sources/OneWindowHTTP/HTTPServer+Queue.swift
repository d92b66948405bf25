import COneWindowMHD
import Foundation

/// Hands `response` to libmicrohttpd for `state`'s connection, with the request id and, while
/// the server is stopping (or the framing was broken), `Connection: close`.
func queue(
    _ response: Response, for state: RequestState, _ context: ServerContext, on connection: OpaquePointer
) -> MHD_Result {
    state.status = response.status
    state.routePattern = response.routePattern
    state.deviceName = response.deviceName
    let handle: OpaquePointer
    if let prepared = response.prepared, prepared.status == response.status {
        // Sent from the prepared bytes without a copy; the state keeps them alive until the end.
        state.prepared = prepared
        handle = prepared.makeHandle()
    } else if let stream = response.stream {
        handle = makeMHDStreamResponse(stream, headers: response.headers)
        stream.attach(connection, suspensions: context.suspensions)
    } else {
        handle = makeMHDResponse(body: response.body, headers: response.headers)
    }
    defer { MHD_destroy_response(handle) }
    MHD_add_response_header(handle, "X-Request-Id", state.requestId)
    if response.headers["Content-Type"]?.hasPrefix("text/html") == true {
        for field in context.configuration.htmlHeaders.all where response.headers[field.name] == nil {
            MHD_add_response_header(handle, field.name, field.value)
        }
    }
    if response.closesConnection || context.closing.load(ordering: .relaxed) {
        MHD_add_response_header(handle, "Connection", "close")
    }
    return MHD_queue_response(connection, UInt32(response.status), handle)
}

/// Gathers key–value pairs of one kind through libmicrohttpd's iterator.
private final class PairCollector {
    var pairs: [(name: String, value: String)] = []
}

func collectHeaders(_ connection: OpaquePointer) -> HTTPHeaders {
    let collector = PairCollector()
    let pointer = Unmanaged.passUnretained(collector).toOpaque()
    _ = MHD_get_connection_values(connection, .HEADER_KIND, collectPair, pointer)
    var headers = HTTPHeaders()
    for pair in collector.pairs { headers.add(pair.name, pair.value) }
    return headers
}

private func collectPair(
    _ pointer: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?,
    _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let pointer, let key else { return .YES }
    let collector = Unmanaged<PairCollector>.fromOpaque(pointer).takeUnretainedValue()
    // Header bytes that are not UTF-8 are repaired, not trusted: no route reads such a value.
    collector.pairs.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
    return .YES
}
