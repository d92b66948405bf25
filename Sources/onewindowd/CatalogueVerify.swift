import ArgumentParser
import Foundation
import OneWindowApp
import OneWindowCore

/// `onewindowd catalogue verify --public-key F FILE`: what a hall checks before it uses a pull.
struct CatalogueVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify FILE.sig over a catalogue with the city's public key, then check the catalogue.",
        discussion: "Exits 0 when both pass, 1 otherwise, saying which failed."
    )

    @Option(help: "The city's public key (PEM).")
    var publicKey: String

    @Option(help: "The signature line's file (default: FILE.sig).")
    var signature: String?

    @Argument(help: "The catalogue to verify.")
    var file: String

    func run() throws {
        let key: CatalogueVerifyingKey
        do {
            key = try CatalogueVerifyingKey(file: publicKey)
        } catch {
            throw ValidationError(error.reason)
        }
        let data = try CatalogueTool.read(file)
        let signaturePath = signature ?? CatalogueSigningKey.signaturePath(for: file)
        let line = String(decoding: try CatalogueTool.read(signaturePath), as: UTF8.self)
        do {
            try key.verify(data, signature: line)
        } catch {
            throw CatalogueTool.fail("\(file): bad signature (\(signaturePath)): \(error.reason)")
        }
        let catalogue: Catalogue
        do {
            catalogue = try CatalogueLoader.load(data, file: file)
        } catch {
            throw CatalogueTool.fail(
                "\(error)\n\(file): signed, but fails the check with \(error.issues.count) problem(s)")
        }
        print("\(file): ok: signed with key \(key.fingerprint); \(catalogue.services.count) services")
    }
}
