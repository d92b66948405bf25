import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where receipts go: a device file such as /dev/usb/lp0 (the kernel's usblp driver), or any
/// file for tests.
public struct ReceiptPrinter: Sendable {
    public let path: String

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(path: String) {
        self.path = path
    }

    /// Writes the whole receipt in one go; an offline printer fails here, not silently.
    public func print(_ bytes: [UInt8]) throws(Failure) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            throw Failure(description: "cannot open the printer \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write to the printer \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
