import COneWindowMHD
import Foundation

// The libmicrohttpd callbacks. They are global functions because a `@convention(c)` closure
// written inside an isolated context crashes when an MHD worker thread calls it.

func serverContext(_ pointer: UnsafeMutableRawPointer?) -> ServerContext? {
    pointer.map { Unmanaged<ServerContext>.fromOpaque($0).takeUnretainedValue() }
}

/// The request line arrived: the request's state starts here, with the target exactly as sent
/// (before libmicrohttpd decodes it, which would cut it at a `%00`).
func requestLineArrived(
    _ contextPointer: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    let record = connection.flatMap(onewindow_connection_context).map {
        Unmanaged<ConnectionRecord>.fromOpaque($0).takeUnretainedValue()
    }
    let state = RequestState(
        rawTarget: uri.flatMap { String(validatingCString: $0) }, rawTargetLength: uri.map { strlen($0) } ?? 0,
        connection: record)
    return Unmanaged.passRetained(state).toOpaque()
}

/// The access handler. The first call only records the request (queuing a response on the
/// first call makes libmicrohttpd 0.9.75 close a keep-alive connection, which is wanted only
/// for broken framing). Middle calls collect the body up to the cap; the last call answers.
func accessHandler(
    _ contextPointer: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?, _ requestSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let context = serverContext(contextPointer), let connection, let requestSlot, let uploadDataSize,
        let statePointer = requestSlot.pointee
    else { return .NO }
    let state = Unmanaged<RequestState>.fromOpaque(statePointer).takeUnretainedValue()

    if !state.headersSeen {
        state.headersSeen = true
        context.inFlight.add(1, ordering: .relaxed)
        state.method = method.map { String(cString: $0) } ?? "GET"
        state.headers = collectHeaders(connection)
        state.requestId = context.requestId(given: state.headers["X-Request-Id"])
        state.connection?.due(within: context.configuration.requestTimeoutSeconds)
        if let method, let version,
            requestLineWasCut(method: method, version: version, targetLength: state.rawTargetLength)
        {
            state.target = .failure(.path("the request line has a NUL byte in its target, or more than one space"))
        }
        if let problem = Framing.problem(in: state.headers) {
            state.dispatched = true
            var response = Response.error(problem)
            response.closesConnection = true
            return queue(response, for: state, context, on: connection)
        }
        if let length = state.headers["Content-Length"].flatMap(Int.init), length > context.maxBodyBytes {
            // Answered at once, without waiting for (or reading) a body that will be refused.
            state.dispatched = true
            var response = Response.error(
                HTTPError(.bodyTooLarge, "the request body exceeds \(context.maxBodyBytes) bytes"))
            response.closesConnection = true
            return queue(response, for: state, context, on: connection)
        }
        return .YES
    }

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
        guard let answer = state.settled else { return .NO }
        return queue(answer(), for: state, context, on: connection)
    }
    state.dispatched = true
    state.connection?.answering()
    if state.tooLarge {
        let error = HTTPError(.bodyTooLarge, "the request body exceeds \(context.maxBodyBytes) bytes")
        return queue(.error(error), for: state, context, on: connection)
    }
    let target: RequestTarget
    switch state.target {
    case .success(let parsed): target = parsed
    case .failure(let problem):
        let error =
            switch problem {
            case .path(let reason): HTTPError(.invalidPath, reason)
            case .query(let reason): HTTPError(.invalidParameter, reason)
            }
        // A browser that asked for a page gets the error page, decided on the path as sent.
        let undecoded = Request(
            method: state.method, path: String(state.rawTarget.prefix { $0 != "?" }), headers: state.headers,
            clientAddress: state.connection?.clientAddress ?? "-", requestId: state.requestId)
        return queue(context.router.answer(error, toUndecodable: undecoded), for: state, context, on: connection)
    }
    let request = Request(
        method: state.method, path: target.path, query: target.query.map { ($0.name, $0.value) },
        headers: state.headers, body: state.body, clientAddress: state.connection?.clientAddress ?? "-",
        requestId: state.requestId)
    let handle = ConnectionHandle(pointer: connection)
    context.router.respond(to: request) { build in
        if let ticket = state.settle(build, resume: { MHD_resume_connection(handle.pointer) }) {
            context.suspensions.remove(ticket)
        }
    }
    // Either the answer is already there (ordinary routes), or suspend until it comes. The
    // state's mutex makes the answer land either before this check or after the suspension.
    let ready = state.answerOrSuspend(
        suspend: {
            let ticket = context.suspensions.register(timeoutSeconds: context.configuration.answerTimeoutSeconds) {
                closing in
                let error =
                    closing
                    ? HTTPError(.shuttingDown, "the daemon is stopping; try again in a moment", headers: retry)
                    : HTTPError(
                        .commitTimeout, "the answer did not come in time; its outcome is unknown", headers: retry)
                state.settle({ .error(error) }, resume: { MHD_resume_connection(handle.pointer) })
            }
            if ticket != nil { MHD_suspend_connection(connection) }
            return ticket
        },
        closing: { .error(HTTPError(.shuttingDown, "the daemon is stopping; try again in a moment", headers: retry)) })
    return ready.map { queue($0(), for: state, context, on: connection) } ?? .YES
}

private let retry: HTTPHeaders = ["Retry-After": "1"]

/// Whether the target libmicrohttpd handed over is shorter than the one sent. It reads the
/// request line as C strings, so a raw NUL in the target cuts it silently (`GET
/// /healthz\0/../manage` arrives as `/healthz`). The method and the version still point into
/// the line as received, `METHOD SP target SP version`: any other distance between them means
/// bytes were lost (a NUL), or the line was not written with single spaces.
func requestLineWasCut(method: UnsafePointer<CChar>, version: UnsafePointer<CChar>, targetLength: Int) -> Bool {
    method.distance(to: version) != strlen(method) + 1 + targetLength + 1
}

/// `@unchecked Sendable`: libmicrohttpd allows `MHD_resume_connection` from any thread.
struct ConnectionHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

func requestCompleted(
    _ contextPointer: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ requestSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ reason: MHD_RequestTerminationCode
) {
    guard let context = serverContext(contextPointer), let requestSlot, let statePointer = requestSlot.pointee
    else { return }
    let unmanaged = Unmanaged<RequestState>.fromOpaque(statePointer)
    let state = unmanaged.takeUnretainedValue()
    if state.headersSeen {
        context.inFlight.subtract(1, ordering: .relaxed)
        context.finished(state, aborted: reason != .REQUEST_TERMINATED_COMPLETED_OK)
    }
    // The next request on this connection must be whole within the idle time plus the usual.
    state.connection?.due(
        within: Double(context.configuration.idleTimeoutSeconds) + context.configuration.requestTimeoutSeconds)
    unmanaged.release()
    requestSlot.pointee = nil
}
