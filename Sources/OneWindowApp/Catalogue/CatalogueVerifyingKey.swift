// Its key types are immutable values but not marked Sendable in swift-crypto 3.12.
@preconcurrency import Crypto
import Foundation

/// Why a key or a signature was not accepted, in words for the operator.
public struct CatalogueSignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// The city's public key, with which a hall checks the catalogue it pulls (`--catalogue-public-key`).
///
/// Files are PEM, as OpenSSL writes them (`openssl pkey -in city.key -pubout`), so that an
/// editor can check a signature with a tool apart from ours.
public struct CatalogueVerifyingKey: Sendable {
    let key: Curve25519.Signing.PublicKey

    init(_ key: Curve25519.Signing.PublicKey) { self.key = key }

    /// Reads a `-----BEGIN PUBLIC KEY-----` Ed25519 key.
    public init(pem: String) throws(CatalogueSignatureError) {
        let raw = try PEM.decode(pem, label: "PUBLIC KEY", prefix: PEM.publicPrefix)
        do {
            key = try Curve25519.Signing.PublicKey(rawRepresentation: raw)
        } catch {
            throw CatalogueSignatureError("not an Ed25519 public key")
        }
    }

    /// Reads the key from a file.
    public init(file path: String) throws(CatalogueSignatureError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CatalogueSignatureError("\(path): cannot read the public key file")
        }
        do {
            try self.init(pem: text)
        } catch {
            throw CatalogueSignatureError("\(path): \(error.reason)")
        }
    }

    public var pem: String { PEM.encode(PEM.publicPrefix + key.rawRepresentation, label: "PUBLIC KEY") }

    /// The first 8 bytes of the key's SHA-256, in hex: to tell keys apart in logs.
    public var fingerprint: String {
        SHA256.hash(data: key.rawRepresentation).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Checks a signature line (`ed25519=<base64>`, see `CatalogueSigningKey.sign`) over the
    /// exact bytes of a catalogue.
    public func verify(_ data: Data, signature text: String) throws(CatalogueSignatureError) {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix(CatalogueSigningKey.signaturePrefix) else {
            throw CatalogueSignatureError("the signature must start with “ed25519=”")
        }
        guard let signature = Data(base64Encoded: String(line.dropFirst(CatalogueSigningKey.signaturePrefix.count))),
            signature.count == 64
        else {
            throw CatalogueSignatureError("the signature is not 64 bytes of base64 after “ed25519=”")
        }
        guard key.isValidSignature(signature, for: data) else {
            throw CatalogueSignatureError(
                "the signature does not match the file under the key \(fingerprint): the file was changed after it was signed, or signed with another key"
            )
        }
    }
}

/// PEM for Ed25519 keys: PKCS #8 and SubjectPublicKeyInfo, whose DER is a fixed prefix and the
/// 32 key bytes (RFC 8410), so no ASN.1 parser is needed.
enum PEM {
    static let privatePrefix = Data([
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ])
    static let publicPrefix = Data([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00])

    static func encode(_ der: Data, label: String) -> String {
        "-----BEGIN \(label)-----\n\(der.base64EncodedString())\n-----END \(label)-----\n"
    }

    /// The 32 key bytes after `prefix`.
    static func decode(_ text: String, label: String, prefix: Data) throws(CatalogueSignatureError) -> Data {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "-----BEGIN \(label)-----", let end = lines.firstIndex(of: "-----END \(label)-----")
        else {
            throw CatalogueSignatureError("not a PEM “\(label)” (it must start with -----BEGIN \(label)-----)")
        }
        guard let der = Data(base64Encoded: lines[1..<end].joined()), der.count == prefix.count + 32,
            der.prefix(prefix.count) == prefix
        else {
            throw CatalogueSignatureError("not an Ed25519 \(label.lowercased()) (openssl genpkey -algorithm ed25519)")
        }
        return der.suffix(32)
    }
}
