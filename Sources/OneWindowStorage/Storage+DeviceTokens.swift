import Foundation
import GRDB
import OneWindowCore

/// A device token as the database keeps it: never the token itself, only what it is for.
public struct DeviceTokenRecord: Sendable, Equatable, Codable, FetchableRecord {
    public static let databaseTableName = "device_token"

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .sqliteText }

    /// The device's name in the hall, e.g. `kiosk-1` or `window-3`; unique among live tokens.
    public var name: String
    public var role: DeviceRole
    /// The window a clerk terminal or pad belongs to; nil for kiosks and admins, and for clerk
    /// tokens made before tokens were bound (which the daemon refuses).
    public var window: String?
    public var createdAt: Date
    /// When the token stopped opening anything; `nil` while it is live.
    public var revokedAt: Date?

    enum CodingKeys: String, CodingKey {
        case name
        case role
        case window
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }

    public init(name: String, role: DeviceRole, window: String? = nil, createdAt: Date, revokedAt: Date? = nil) {
        self.name = name
        self.role = role
        self.window = window
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// Why a device token could not be created.
public enum DeviceTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A live token already has this name; names tell devices apart in lists and logs.
    case nameTaken(String)

    public var description: String {
        switch self {
        case .nameTaken(let name):
            "a live device token is already named “\(name)”: revoke it first or choose another name"
        }
    }
}

extension Storage {
    /// Stores a new live token by its hash. The unique index on live names decides, so two
    /// concurrent `token create` runs cannot both win.
    /// Whether `window` suits `role` (required for clerks and pads, absent otherwise) is the
    /// caller's to check, with the catalogue at hand.
    public func createDeviceToken(
        name: String, role: DeviceRole, window: String? = nil, tokenHash: String, at date: Date
    ) throws {
        do {
            try writer.write { db in
                try db.execute(
                    sql: "INSERT INTO device_token (name, role, window, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [name, role.rawValue, window, tokenHash, Timestamp.sqlite(date)])
            }
        } catch let error as DatabaseError
            where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && error.message?.contains(".name") == true
        {
            throw DeviceTokenError.nameTaken(name)
        }
    }

    /// Every token ever created, live and revoked, oldest first.
    public func deviceTokens() throws -> [DeviceTokenRecord] {
        try writer.read { db in
            try DeviceTokenRecord.fetchAll(
                db, sql: "SELECT name, role, window, created_at, revoked_at FROM device_token ORDER BY id")
        }
    }

    /// Revokes the live token named `name`; returns false when there was none.
    public func revokeDeviceToken(name: String, at date: Date) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE device_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                arguments: [Timestamp.sqlite(date), name])
            return db.changesCount > 0
        }
    }

    /// The live token with this hash, or `nil` when it is unknown or revoked: callers cannot
    /// forget to check `revokedAt`. An indexed point read, cheap enough for every request, so
    /// a revocation by another process takes effect on the next request.
    public func deviceToken(hash: String) throws -> DeviceTokenRecord? {
        // Runs on every kiosk and clerk request: a cached statement skips parsing the SQL, and
        // one SELECT is consistent on its own, so it needs no transaction around it.
        try writer.unsafeRead { db in
            let statement = try db.cachedStatement(
                sql: "SELECT name, role, window, created_at, revoked_at, token_hash FROM device_token "
                    + "WHERE token_hash = ? AND revoked_at IS NULL")
            guard let row = try Row.fetchOne(statement, arguments: [hash]),
                constantTimeEqual(row["token_hash"] as String, hash)
            else { return nil }
            return try DeviceTokenRecord(row: row)
        }
    }
}
