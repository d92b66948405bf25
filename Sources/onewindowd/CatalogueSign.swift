import ArgumentParser
import Foundation
import OneWindowApp
import OneWindowCore

/// `onewindowd catalogue sign --key F FILE`: checks the catalogue, then writes FILE.sig.
struct CatalogueSign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Check a catalogue as `check` does, then sign its exact bytes into FILE.sig.",
        discussion: "A file that fails the check is not signed: a hall would refuse it anyway."
    )

    @Option(help: "The private key (PEM, mode 600).")
    var key: String

    @Option(help: "Where to write the signature line (default: FILE.sig).")
    var signature: String?

    @Argument(help: "The catalogue to sign.")
    var file: String

    func run() throws {
        let signing = try CatalogueTool.readPrivate(key)
        let data = try CatalogueTool.read(file)
        do {
            _ = try CatalogueLoader.load(data, file: file)
        } catch {
            throw CatalogueTool.fail("\(error)\n\(file): \(error.issues.count) problem(s); not signed")
        }
        let line = try signing.sign(data)
        let path = signature ?? CatalogueSigningKey.signaturePath(for: file)
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        print("\(path): signed \(file) (\(data.count) bytes) with key \(signing.verifyingKey.fingerprint)")
    }
}
