import Foundation
import OneWindowApp
import OneWindowTesting
import Testing

/// The catalogue's Ed25519 signature, checked against OpenSSL: an implementation apart from
/// swift-crypto, with the key files an editor would make with it.
@Suite("Signing a catalogue with Ed25519", .timeLimit(.minutes(1)))
struct CatalogueSignatureTests {
    let bytes = Data(#"{"hall":{},"services":[]}"#.utf8)

    @Test("a signature verifies over the same bytes and key, and not over changed bytes or another key")
    func roundTrip() throws {
        let key = CatalogueSigningKey()
        let line = try key.sign(bytes)
        #expect(line.hasPrefix("ed25519="))
        #expect(throws: Never.self) { try key.verifyingKey.verify(bytes, signature: line) }
        #expect(throws: CatalogueSignatureError.self) {
            try key.verifyingKey.verify(bytes + Data(" ".utf8), signature: line)
        }
        #expect(throws: CatalogueSignatureError.self) {
            try CatalogueSigningKey().verifyingKey.verify(bytes, signature: line)
        }
    }

    @Test("malformed signature lines are refused with a reason")
    func malformed() throws {
        let key = CatalogueSigningKey().verifyingKey
        for line in ["", "sha256=abcd", "ed25519=", "ed25519=@@@", "ed25519=" + Data(count: 63).base64EncodedString()] {
            #expect(throws: CatalogueSignatureError.self, "\(line)") { try key.verify(bytes, signature: line) }
        }
    }

    @Test("keys survive PEM, and PEM that is not an Ed25519 key is refused")
    func pem() throws {
        let key = CatalogueSigningKey()
        let again = try CatalogueSigningKey(pem: key.pem)
        #expect(again.verifyingKey.fingerprint == key.verifyingKey.fingerprint)
        let verifying = try CatalogueVerifyingKey(pem: key.verifyingKey.pem)
        #expect(throws: Never.self) { try verifying.verify(bytes, signature: try key.sign(bytes)) }
        #expect(throws: CatalogueSignatureError.self) { try CatalogueVerifyingKey(pem: key.pem) }
        #expect(throws: CatalogueSignatureError.self) { try CatalogueSigningKey(pem: key.verifyingKey.pem) }
        #expect(throws: CatalogueSignatureError.self) { try CatalogueVerifyingKey(pem: "hello") }
    }

    @Test("OpenSSL verifies our signatures, and we verify OpenSSL's, with the same PEM files")
    func openSSL() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("services.json")
        try bytes.write(to: URL(fileURLWithPath: file))
        // Ours, checked by OpenSSL.
        let ours = CatalogueSigningKey()
        try Data(ours.verifyingKey.pem.utf8).write(to: URL(fileURLWithPath: folder.path("ours.pub")))
        let line = try ours.sign(bytes)
        try Data(base64Encoded: String(line.dropFirst("ed25519=".count)))!.write(
            to: URL(fileURLWithPath: folder.path("ours.sig")))
        #expect(
            try openssl(
                "pkeyutl", "-verify", "-pubin", "-inkey", folder.path("ours.pub"), "-rawin", "-in", file, "-sigfile",
                folder.path("ours.sig")) == 0)
        // OpenSSL's, checked by us.
        #expect(try openssl("genpkey", "-algorithm", "ed25519", "-out", folder.path("theirs.key")) == 0)
        #expect(
            try openssl("pkey", "-in", folder.path("theirs.key"), "-pubout", "-out", folder.path("theirs.pub")) == 0)
        #expect(
            try openssl(
                "pkeyutl", "-sign", "-inkey", folder.path("theirs.key"), "-rawin", "-in", file, "-out",
                folder.path("theirs.sig")) == 0)
        let theirs = try CatalogueVerifyingKey(file: folder.path("theirs.pub"))
        let signature = try Data(contentsOf: URL(fileURLWithPath: folder.path("theirs.sig")))
        #expect(throws: Never.self) {
            try theirs.verify(self.bytes, signature: "ed25519=" + signature.base64EncodedString())
        }
        let privatePEM = try String(contentsOfFile: folder.path("theirs.key"), encoding: .utf8)
        #expect(try CatalogueSigningKey(pem: privatePEM).verifyingKey.fingerprint == theirs.fingerprint)
    }

    private func openssl(_ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
