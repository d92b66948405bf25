/// One finished request, as the access log and the request metrics see it.
public struct RequestRecord: Sendable {
    public var method: String
    /// The route pattern that answered (`/api/v1/services/{id}`), or `-`; never the raw path.
    public var route: String
    public var status: Int
    /// From the request line's arrival to the end of the answer.
    public var microseconds: Int
    public var requestId: String
    public var client: String
    /// The client went away, or a timeout ended the request, before the answer was sent.
    public var aborted: Bool
    /// The device whose token was accepted, by its name; nil for a request without one.
    public var device: String? = nil

    public init(
        method: String, route: String, status: Int, microseconds: Int, requestId: String, client: String,
        aborted: Bool, device: String? = nil
    ) {
        self.method = method
        self.route = route
        self.status = status
        self.microseconds = microseconds
        self.requestId = requestId
        self.client = client
        self.aborted = aborted
        self.device = device
    }
}

extension HTTPServer {
    /// Hears about every finished request, on the worker thread that served it: it must be quick.
    public typealias RequestObserver = @Sendable (RequestRecord) -> Void
}
