import Crypto
import Foundation
import OneWindowCore

/// Keeps phone numbers unreadable at rest (个人信息保护法): each is sealed with AES-GCM, and a
/// keyed hash (HMAC-SHA256) stands beside it for the per-phone limits, so that counting a
/// phone's bookings never needs the number itself.
///
/// Both keys come from one 32-byte secret in a file (`--phone-key-file`), through HKDF with
/// distinct labels: losing the file makes the stored numbers unreadable, by design.
public struct PhoneVault: Sendable {
    /// Key bytes, not `SymmetricKey`s: those are not `Sendable`, and the vault is shared by
    /// the HTTP workers.
    private let sealBytes: Data
    private let hashBytes: Data
    private var sealKey: SymmetricKey { SymmetricKey(data: sealBytes) }
    private var hashKey: SymmetricKey { SymmetricKey(data: hashBytes) }

    public init(secret: Data) {
        let master = SymmetricKey(data: secret)
        func derive(_ label: String) -> Data {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data(label.utf8), outputByteCount: 32)
                .withUnsafeBytes { Data($0) }
        }
        sealBytes = derive("onewindow phone seal")
        hashBytes = derive("onewindow phone key")
    }

    /// Reads the secret: 64 hex digits (as `openssl rand -hex 32` writes), surrounding
    /// whitespace allowed. The error names the file and what is wrong.
    public init(keyFile path: String) throws(PhoneVaultError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PhoneVaultError(description: "\(path): cannot read the phone key file")
        }
        let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard hex.utf8.count == 64, let bytes = Hex.decode(hex) else {
            throw PhoneVaultError(
                description:
                    "\(path): the phone key must be 64 hex digits (openssl rand -hex 32), found \(hex.utf8.count) characters"
            )
        }
        self.init(secret: Data(bytes))
    }

    /// The keyed hash that stands for the phone in limits and indexes (hex).
    public func key(for phone: PhoneNumber) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(phone.digits.utf8), using: hashKey))
    }

    /// The number sealed for storage: nonce, ciphertext and tag together.
    public func seal(_ phone: PhoneNumber) -> Data {
        // AES-GCM only fails on a bad key size or nonce, which this type cannot produce.
        try! AES.GCM.seal(Data(phone.digits.utf8), using: sealKey).combined!
    }

    /// The number back, or nil when the box was sealed with another key or tampered with.
    public func open(_ sealed: Data) -> PhoneNumber? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed),
            let plain = try? AES.GCM.open(box, using: sealKey)
        else { return nil }
        return PhoneNumber(String(decoding: plain, as: UTF8.self))
    }
}

public struct PhoneVaultError: Error, CustomStringConvertible {
    public let description: String
}
