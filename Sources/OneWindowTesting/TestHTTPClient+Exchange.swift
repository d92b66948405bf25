import Foundation

/// Everything the server sent for some bytes, up to its closing the connection.
public struct TestExchange: Sendable {
    public var raw: Data
    /// The first response, if any came.
    public var response: TestResponse?
    /// How many responses (status lines) came: more than one means the server read a second
    /// request out of the bytes.
    public var responseCount: Int
}

extension TestHTTPClient {
    /// Sends the bytes and reads until the server closes the connection (or the timeout, an
    /// error): for hostile requests, where what matters is everything the server answered.
    public func exchange(_ bytes: Data) throws -> TestExchange {
        let socket = try TestSocket.connect(port: port, timeoutSeconds: timeoutSeconds)
        defer { socket.close() }
        try socket.write(bytes)
        let raw = try socket.read { _ in false }
        let text = String(decoding: raw, as: UTF8.self)
        let count = (text.hasPrefix("HTTP/1.1 ") ? 1 : 0) + text.components(separatedBy: "\nHTTP/1.1 ").count - 1
        return TestExchange(raw: raw, response: try? Self.parse(raw), responseCount: count)
    }
}
