import Crypto
import Foundation
import OneWindowCore

extension PhoneVault {
    /// The vault of `path`, creating the key file (mode 0600, 64 hex digits) when it does not
    /// exist: a hall that never set `--phone-key-file` still keeps its numbers sealed, with a key
    /// beside the database. A file that exists but is unreadable or malformed is an error, never
    /// replaced: a new key would make every stored number unreadable.
    public static func loadOrCreate(keyFile path: String) throws(PhoneVaultError) -> PhoneVault {
        if !FileManager.default.fileExists(atPath: path) {
            let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            let text = Hex.encode(secret) + "\n"
            let created = FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            guard created else { throw PhoneVaultError(description: "\(path): cannot create the phone key file") }
        }
        return try PhoneVault(keyFile: path)
    }

    /// Where the key lives when `--phone-key-file` is not given: `phone.key` beside the database.
    public static func defaultKeyFile(database path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("phone.key").path
    }
}
