import Foundation

/// Header fields with case-insensitive lookup, in the order they arrived.
public struct HTTPHeaders: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var fields: [(name: String, value: String)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// The first value of the named field. Field names are ASCII, so the comparison folds
    /// ASCII case only; it runs on every request and allocates nothing.
    public subscript(name: String) -> String? {
        fields.first { Self.equalIgnoringASCIICase($0.name, name) }?.value
    }

    static func equalIgnoringASCIICase(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count
            && zip(lhs.utf8, rhs.utf8).allSatisfy { a, b in
                a == b || a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7a
            }
    }

    public var all: [(name: String, value: String)] { fields }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// One whole HTTP request: handlers only ever see a complete, size-checked body.
public struct Request: Sendable {
    public var method: String
    /// The path without the query, percent-decoded.
    public var path: String
    /// Query parameters in arrival order, percent-decoded.
    public var query: [(name: String, value: String)]
    public var headers: HTTPHeaders
    public var body: Data
    /// Values of the `{name}` segments of the matched route, set by the router.
    public internal(set) var pathParameters: [String: String] = [:]
    /// The client's IP address (`-` when unknown), for per-client limits and logs.
    public var clientAddress: String
    /// The request's id, also sent back as `X-Request-Id`.
    public var requestId: String
    /// The device whose token the router accepted; always set in a `.device` route's handler.
    public internal(set) var device: Device?

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [], headers: HTTPHeaders = [:],
        body: Data = Data(), clientAddress: String = "-", requestId: String = "-"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.clientAddress = clientAddress
        self.requestId = requestId
    }

    /// The single value of a query parameter; a repeated parameter is a client error.
    public func queryValue(_ name: String) throws(HTTPError) -> String? {
        let values = query.filter { $0.name == name }
        guard values.count <= 1 else {
            throw HTTPError(.invalidParameter, "query parameter “\(name)” is given more than once")
        }
        return values.first?.value
    }

    /// The value of a `{name}` path segment; the router guarantees it for its own route.
    public func pathParameter(_ name: String) -> String {
        pathParameters[name] ?? ""
    }

    /// Decodes the JSON body, answering 400 `malformed_body` with a message naming the field.
    /// A field the body reads may not be `null` (nor an array holding one); fields it does not
    /// read are ignored.
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws(HTTPError) -> T {
        let value: T
        do {
            value = try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw HTTPError(.malformedBody, Self.describe(error))
        } catch {
            throw HTTPError(.malformedBody, "the body is not valid JSON")
        }
        if let field = JSONNull.field(in: body, readBy: value) {
            throw HTTPError(
                .malformedBody, "field “\(field)” is null; no field takes null: leave it out when it has no value")
        }
        return value
    }

    private static func describe(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "field “\(field(context.codingPath + [key]))” is required"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return
                "field “\(field(context.codingPath))” must be \(type == String.self ? "a string" : type == Bool.self ? "true or false" : "\(type)")"
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "field “\(field(context.codingPath))” has a value that is not allowed"
        default:
            return "the body is not valid JSON"
        }
    }
}

/// A device (kiosk, clerk terminal, admin) whose bearer token was accepted.
public struct Device: Sendable, Equatable {
    /// Its name in the hall, e.g. `kiosk-1`: the actor in the event log.
    public let name: String
    public let role: String
    /// The one window a clerk terminal or rating pad belongs to; nil for a device that is not
    /// bound to a window (a kiosk, an admin).
    public let window: String?

    public init(name: String, role: String, window: String? = nil) {
        self.name = name
        self.role = role
        self.window = window
    }
}

extension Request {
    /// The device of a `.device` route; the router has checked it before the handler runs.
    public var authorizedDevice: Device {
        guard let device else { preconditionFailure("a .device route's handler ran without a device") }
        return device
    }

    /// Refuses a device bound to another window than `window` (403 `wrong_window`); a device
    /// bound to none (an admin) may act on any. `.window` routes whose window is not in their
    /// path call it with the body's window, before they change anything.
    public func authorizeWindow(_ window: String) throws(HTTPError) {
        let device = authorizedDevice
        guard let bound = device.window, bound != window else { return }
        throw HTTPError(
            .wrongWindow, "device “\(device.name)” belongs to window \(bound); it may not act on window \(window)")
    }
}
