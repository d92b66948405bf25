import OneWindowCore
import OneWindowHTTP
import OneWindowStorage

/// The roles an endpoint accepts, named after the device it is for; admin is always welcome.
extension Route.Access {
    /// Endpoints for the kiosks in the waiting area.
    static let kiosk = Route.Access.device([DeviceRole.kiosk.rawValue, DeviceRole.admin.rawValue])
    /// Endpoints for the clerks' terminals at the windows, not tied to one window.
    static let clerk = Route.Access.device([DeviceRole.clerk.rawValue, DeviceRole.admin.rawValue])
    /// Endpoints that act on one window: its clerk terminal, or an admin anywhere.
    static let clerkOfWindow = Route.Access.window([DeviceRole.clerk.rawValue, DeviceRole.admin.rawValue])
    /// The rating endpoint: kiosks (with the receipt's code), pads (their window's visits).
    static let rater = Route.Access.device([
        DeviceRole.kiosk.rawValue, DeviceRole.pad.rawValue, DeviceRole.admin.rawValue,
    ])
    /// Endpoints for the hall manager.
    static let admin = Route.Access.device([DeviceRole.admin.rawValue])
}

extension Set where Element == DeviceRole {
    /// The roles of kiosk endpoints.
    public static let kiosk: Set<DeviceRole> = [.kiosk, .admin]
    /// The roles of clerk endpoints.
    public static let clerk: Set<DeviceRole> = [.clerk, .admin]
}

extension AppState {
    /// The router's check for a route that names roles.
    func authenticate(_ request: Request, roles: Set<String>) throws(HTTPError) -> Device {
        let record = try authorize(request, roles: Set(roles.compactMap(DeviceRole.init(rawValue:))))
        return Device(name: record.name, role: record.role.rawValue, window: record.window)
    }

    /// Checks the request's bearer token: the device's record, or 401 `unauthorized`
    /// (with `WWW-Authenticate`) for a missing, malformed, unknown or revoked token and 403
    /// `forbidden` for a device whose role is not in `roles`, and 403 `token_unbound` for a
    /// clerk or pad token that names no window (made before tokens were bound to windows).
    ///
    /// The token's hash is looked up in the database, remembered for
    /// `AppConfiguration.tokenCacheSeconds`, so a `token revoke` run while the daemon serves
    /// takes effect within that time (1 second by default). Failures are counted per client
    /// and logged at most once per client every 10 seconds, with the count.
    public func authorize(_ request: Request, roles: Set<DeviceRole>) throws(HTTPError) -> DeviceTokenRecord {
        guard let token = DeviceTokens.bearerToken(in: request.headers["Authorization"]) else {
            authFailures.record(client: request.clientAddress, reason: "no usable bearer token", logger: logger)
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
            authFailures.record(client: request.clientAddress, reason: "unknown or revoked token", logger: logger)
            throw Self.unauthorized("the device token is unknown or has been revoked")
        }
        guard roles.contains(record.role) else {
            let accepted = DeviceRole.allCases.filter(roles.contains).map(\.rawValue)
            let device = "device “\(record.name)” (\(record.role.rawValue))"
            throw HTTPError(
                .forbidden,
                "\(device) may not use this endpoint; it is for \(accepted.joined(separator: " or ")) devices")
        }
        guard !record.role.isWindowBound || record.window != nil else {
            throw HTTPError(
                .tokenUnbound,
                "the \(record.role.rawValue) token “\(record.name)” belongs to no window; revoke it and create a new one "
                    + "with `onewindowd token create --role \(record.role.rawValue) --window ID`")
        }
        return record
    }

    private static func unauthorized(_ message: String) -> HTTPError {
        HTTPError(.unauthorized, message, headers: ["WWW-Authenticate": "Bearer realm=\"onewindow\""])
    }
}
