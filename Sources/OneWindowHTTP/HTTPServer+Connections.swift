import COneWindowMHD
import Foundation

// The libmicrohttpd callbacks about connections, as opposed to requests
// (`HTTPServer+Callbacks.swift`); global functions for the same reason.

/// The accept policy: once the server is stopping, a new connection is closed as soon as it is
/// accepted, before it is a connection (no notice, no request). The listening socket stays open
/// (see `HTTPServer.quiesce`), so a client sees its connection closed, not refused.
func connectionAllowed(
    _ contextPointer: UnsafeMutableRawPointer?, _ address: UnsafePointer<sockaddr>?, _ length: socklen_t
) -> MHD_Result {
    guard let context = serverContext(contextPointer) else { return .NO }
    return context.closing.load(ordering: .acquiring) ? .NO : .YES
}

/// A connection opened or closed: its record holds its socket, its client's address and the
/// deadline of its current request.
func connectionNotified(
    _ contextPointer: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ socketContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ code: MHD_ConnectionNotificationCode
) {
    guard let context = serverContext(contextPointer), let connection, let socketContext else { return }
    if code == .CONNECTION_NOTIFY_STARTED {
        let record = ConnectionRecord(
            fd: onewindow_connection_fd(connection),
            clientAddress: SocketAddress.text(of: onewindow_connection_client_address(connection)))
        record.due(within: context.configuration.requestTimeoutSeconds)
        context.connections.add(record)
        socketContext.pointee = Unmanaged.passRetained(record).toOpaque()
    } else if let pointer = socketContext.pointee {
        let record = Unmanaged<ConnectionRecord>.fromOpaque(pointer)
        context.connections.remove(record.takeUnretainedValue())
        record.release()
        socketContext.pointee = nil
    }
}
