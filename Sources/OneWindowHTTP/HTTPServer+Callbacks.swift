import COneWindowMHD
import Foundation

// The libmicrohttpd callbacks. They are global functions because a `@convention(c)` closure
// written inside an isolated context crashes when an MHD worker thread calls it.

/// Per-request state, made on the first callback and released in `requestCompleted`.
/// The connection's worker thread owns it; only `answer`/`suspended` are shared with the
/// thread that completes a deferred response, under `lock`.
private final class RequestState: @unchecked Sendable {
    let method: String
    let path: String
    let headers: HTTPHeaders
    let query: [(name: String, value: String)]
    var body = Data()
    var tooLarge = false
    /// Set when the path or a query parameter is not valid UTF-8 once percent-decoded.
    var notUTF8 = false
    /// Set once the request went to the router; the answer may come later.
    var dispatched = false
    let lock = NSLock()
    var answer: ResponseBuilder?
    var suspended = false

    init(method: String, path: String, headers: HTTPHeaders, query: [(name: String, value: String)]) {
        self.method = method
        self.path = path
        self.headers = headers
        self.query = query
    }
}

/// The access handler. The first call only records the request: queuing a response on the
/// first call makes libmicrohttpd 0.9.75 close a keep-alive connection. Middle calls collect
/// the body up to the cap; the last call (no upload data left) answers.
func accessHandler(
    _ contextPointer: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?, _ requestSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let contextPointer, let connection, let requestSlot, let uploadDataSize else { return .NO }
    let context = Unmanaged<ServerContext>.fromOpaque(contextPointer).takeUnretainedValue()

    guard let statePointer = requestSlot.pointee else {
        let path = url.flatMap { String(validatingCString: $0) }
        let query = collectPairs(connection, .GET_ARGUMENT_KIND)
        let state = RequestState(
            method: method.map { String(cString: $0) } ?? "GET", path: path ?? "/",
            headers: collectHeaders(connection), query: query.pairs)
        state.notUTF8 = path == nil || !query.valid
        if let length = state.headers["Content-Length"].flatMap(Int.init), length > context.maxBodyBytes {
            state.tooLarge = true
        }
        requestSlot.pointee = Unmanaged.passRetained(state).toOpaque()
        context.inFlight.add(1, ordering: .relaxed)
        return .YES
    }
    let state = Unmanaged<RequestState>.fromOpaque(statePointer).takeUnretainedValue()

    if uploadDataSize.pointee > 0 {
        let size = uploadDataSize.pointee
        if !state.tooLarge, let uploadData, state.body.count + size <= context.maxBodyBytes {
            state.body.append(UnsafeRawPointer(uploadData).assumingMemoryBound(to: UInt8.self), count: size)
        } else {
            state.tooLarge = true
            state.body = Data()
        }
        uploadDataSize.pointee = 0
        return .YES
    }

    if state.dispatched {
        // Called again after a deferred answer resumed the connection.
        guard let answer = state.lock.withLock({ state.answer }) else { return .NO }
        return queue(answer(), on: connection)
    }
    state.dispatched = true
    if state.tooLarge {
        return queue(
            .error(HTTPError(.bodyTooLarge, "the request body exceeds \(context.maxBodyBytes) bytes")), on: connection)
    }
    if state.notUTF8 {
        return queue(
            .error(HTTPError(.invalidParameter, "the path or query is not valid UTF-8 once percent-decoded")),
            on: connection)
    }
    let request = Request(
        method: state.method, path: state.path, query: state.query, headers: state.headers, body: state.body)
    let handle = ConnectionHandle(pointer: connection)
    context.router.respond(to: request) { build in
        state.lock.withLock {
            state.answer = build
            if state.suspended {
                state.suspended = false
                MHD_resume_connection(handle.pointer)
            }
        }
    }
    // Either the answer is already there (ordinary routes), or suspend until it comes. The lock
    // makes the answer land either before this check or after the suspension, never between.
    let ready: ResponseBuilder? = state.lock.withLock {
        if let answer = state.answer { return answer }
        state.suspended = true
        MHD_suspend_connection(connection)
        return nil
    }
    return ready.map { queue($0(), on: connection) } ?? .YES
}

/// `@unchecked Sendable`: libmicrohttpd allows `MHD_resume_connection` from any thread.
private struct ConnectionHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

func requestCompleted(
    _ contextPointer: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ requestSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ reason: MHD_RequestTerminationCode
) {
    guard let contextPointer, let requestSlot, let statePointer = requestSlot.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(statePointer).release()
    requestSlot.pointee = nil
    Unmanaged<ServerContext>.fromOpaque(contextPointer).takeUnretainedValue().inFlight.subtract(1, ordering: .relaxed)
}

private func queue(_ response: Response, on connection: OpaquePointer) -> MHD_Result {
    if let prepared = response.prepared, prepared.status == response.status {
        return MHD_queue_response(connection, UInt32(response.status), prepared.handle)
    }
    if let stream = response.stream {
        let handle = makeMHDStreamResponse(stream, headers: response.headers)
        defer { MHD_destroy_response(handle) }
        stream.attach(connection)
        return MHD_queue_response(connection, UInt32(response.status), handle)
    }
    let handle = makeMHDResponse(body: response.body, headers: response.headers)
    defer { MHD_destroy_response(handle) }
    return MHD_queue_response(connection, UInt32(response.status), handle)
}

/// Gathers key–value pairs of one kind through libmicrohttpd's iterator.
private final class PairCollector {
    var pairs: [(name: String, value: String)] = []
    /// False once a key or value was not valid UTF-8 (it is then repaired in `pairs`).
    var valid = true
}

private func collectPairs(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> PairCollector {
    let collector = PairCollector()
    let pointer = Unmanaged.passUnretained(collector).toOpaque()
    _ = MHD_get_connection_values(connection, kind, collectPair, pointer)
    return collector
}

private func collectPair(
    _ pointer: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?,
    _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let pointer, let key else { return .YES }
    let collector = Unmanaged<PairCollector>.fromOpaque(pointer).takeUnretainedValue()
    let name = String(validatingCString: key)
    let text = value.map { String(validatingCString: $0) } ?? ""
    if name == nil || text == nil { collector.valid = false }
    collector.pairs.append((name ?? String(cString: key), text ?? value.map { String(cString: $0) } ?? ""))
    return .YES
}

private func collectHeaders(_ connection: OpaquePointer) -> HTTPHeaders {
    var headers = HTTPHeaders()
    for pair in collectPairs(connection, .HEADER_KIND).pairs { headers.add(pair.name, pair.value) }
    return headers
}
