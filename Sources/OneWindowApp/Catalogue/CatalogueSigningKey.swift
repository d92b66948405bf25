// Its key types are immutable values but not marked Sendable in swift-crypto 3.12.
@preconcurrency import Crypto
import Foundation

/// The city's private key, with which its editors sign each hall's `services.json`.
///
/// The signature covers the file's exact bytes and is one line, `ed25519=<base64 of 64 bytes>`:
/// kept beside the file as `services.json.sig`, and sent by the city in the
/// `X-OneWindow-Signature` header of the file's answer (as the outbox's push signs with
/// `sha256=`). A detached line leaves the catalogue a plain file that `check` and people read.
public struct CatalogueSigningKey: Sendable {
    static let signaturePrefix = "ed25519="
    private let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public init() { key = Curve25519.Signing.PrivateKey() }

    /// Reads a `-----BEGIN PRIVATE KEY-----` Ed25519 key (`openssl genpkey -algorithm ed25519`).
    public init(pem: String) throws(CatalogueSignatureError) {
        let raw = try PEM.decode(pem, label: "PRIVATE KEY", prefix: PEM.privatePrefix)
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        } catch {
            throw CatalogueSignatureError("not an Ed25519 private key")
        }
    }

    public var pem: String { PEM.encode(PEM.privatePrefix + key.rawRepresentation, label: "PRIVATE KEY") }

    public var verifyingKey: CatalogueVerifyingKey { CatalogueVerifyingKey(key.publicKey) }

    /// The signature line for these exact bytes.
    public func sign(_ data: Data) throws(CatalogueSignatureError) -> String {
        do {
            return Self.signaturePrefix + (try key.signature(for: data)).base64EncodedString()
        } catch {
            throw CatalogueSignatureError("cannot sign: \(error)")
        }
    }

    /// Where a catalogue's signature is kept: beside it, with `.sig` added.
    public static func signaturePath(for catalogue: String) -> String { catalogue + ".sig" }
}
