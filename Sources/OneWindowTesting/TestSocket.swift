import Foundation

/// A blocking TCP socket to 127.0.0.1 with send and receive timeouts.
struct TestSocket {
    let descriptor: Int32

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A socket listening on 127.0.0.1 at `port` (0 for any free one; a fixed one to come back
    /// where a stopped server was, hence SO_REUSEADDR), and the port it got.
    static func listen(port: UInt16 = 0, what: String) throws -> (Int32, UInt16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && Foundation.listen(descriptor, 64) == 0
                    && getsockname(descriptor, address, &length) == 0
            }
        }
        guard descriptor >= 0, bound else {
            Foundation.close(descriptor)
            throw Failure(description: "\(what) cannot listen on \(port): errno \(errno)")
        }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }

    static func connect(port: UInt16, timeoutSeconds: Int) throws -> TestSocket {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Foundation.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Foundation.close(descriptor)
            throw Failure(description: "connect to 127.0.0.1:\(port) failed: errno \(code)")
        }
        return TestSocket(descriptor: descriptor)
    }

    func write(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let sent = data.withUnsafeBytes { bytes in
                Foundation.send(descriptor, bytes.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL))
            }
            // The server may answer (413, say) and close before it has read everything.
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Reads until the peer closes or `isComplete` says the data is a whole response; a
    /// timeout is an error, so a hung server fails the test.
    func read(until isComplete: (Data) -> Bool) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isComplete(data) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return data }
            if count < 0 {
                if errno == ECONNRESET { return data }
                throw Failure(description: "read failed after \(data.count) bytes: errno \(errno)")
            }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    func close() {
        Foundation.close(descriptor)
    }
}
