import OneWindowCore
import OneWindowHTTP
import OneWindowStorage

/// The roles an endpoint accepts, named after the device it is for; admin is always welcome.
extension Set where Element == DeviceRole {
    /// Endpoints for the kiosks in the waiting area.
    public static let kiosk: Set<DeviceRole> = [.kiosk, .admin]
    /// Endpoints for the clerks' terminals at the windows.
    public static let clerk: Set<DeviceRole> = [.clerk, .admin]
}

extension AppState {
    /// Checks the request's bearer token and returns its device, so a handler reads
    /// `let device = try state.authorize(request, roles: .clerk)`.
    ///
    /// The token's hash is looked up in the database, remembered for
    /// `AppConfiguration.tokenCacheSeconds`, so a `token revoke` run while the daemon serves
    /// takes effect within that time (1 second by default). Answers 401 `unauthorized` (with
    /// `WWW-Authenticate`) for a missing, malformed, unknown or revoked token and 403
    /// `forbidden` for a device whose role is not in `roles`.
    public func authorize(_ request: Request, roles: Set<DeviceRole>) throws(HTTPError) -> DeviceTokenRecord {
        guard let token = DeviceTokens.bearerToken(in: request.headers["Authorization"]) else {
            throw Self.unauthorized("this endpoint needs an “Authorization: Bearer ow_…” header with a device token")
        }
        let record: DeviceTokenRecord?
        do {
            record = try tokens.record(for: DeviceTokens.hash(token)) { try storage.deviceToken(hash: $0) }
        } catch {
            logger.error("cannot read the device tokens: \(error)")
            throw HTTPError(.internalError, "the device tokens cannot be read")
        }
        guard let record else {
            throw Self.unauthorized("the device token is unknown or has been revoked")
        }
        guard roles.contains(record.role) else {
            let accepted = DeviceRole.allCases.filter(roles.contains).map(\.rawValue).joined(separator: " or ")
            let device = "device “\(record.name)” (\(record.role.rawValue))"
            throw HTTPError(.forbidden, "\(device) may not use this endpoint; it is for \(accepted) devices")
        }
        return record
    }

    private static func unauthorized(_ message: String) -> HTTPError {
        HTTPError(.unauthorized, message, headers: ["WWW-Authenticate": "Bearer realm=\"onewindow\""])
    }
}
