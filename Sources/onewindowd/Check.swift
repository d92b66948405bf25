import ArgumentParser
import Foundation
import OneWindowApp
import OneWindowCore

/// `onewindowd check [--strict] [FILE]`: validates a catalogue without starting anything.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a services.json and print every problem with its JSON path.",
        discussion: """
            Exits 0 when the file is a valid catalogue, 1 otherwise. Each problem is printed as
            FILE: PATH: REASON, e.g. services.json: services[12].materials[3].copies: must be at least 1, found 0.
            Placeholders 【待配置:…】 are counted; with --strict each is an error, for use before a hall opens.
            """
    )

    @Flag(help: "Fail while any placeholder 【待配置:…】 remains, listing every one.")
    var strict = false

    @Argument(help: "The catalogue to check (default: $ONEWINDOW_CATALOGUE or services.json).")
    var file: String?

    func run() throws {
        let path = file ?? Environment.value("ONEWINDOW_CATALOGUE") ?? AppConfiguration().cataloguePath
        let catalogue: Catalogue
        do {
            let limit = (try? Serve.parse("ONEWINDOW_CATALOGUE_MAX_BYTES", Int.init)) ?? nil
            catalogue = try CatalogueSource.load(path: path, maxBytes: limit ?? CatalogueSource.defaultMaxBytes)
                .catalogue
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            FileHandle.standardError.write(
                Data("\(path): \(error.issues.count) problem(s); the catalogue was not accepted\n".utf8))
            throw ExitCode.failure
        }
        let placeholders = catalogue.placeholders
        if strict && !placeholders.isEmpty {
            let lines = placeholders.map {
                "\(path): \($0): still a placeholder 【待配置:…】; replace it with the local fact"
            }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            FileHandle.standardError.write(
                Data("\(path): \(placeholders.count) placeholder(s) remain; not ready to open (--strict)\n".utf8))
            throw ExitCode.failure
        }
        print(
            "\(path): ok: \(catalogue.services.count) services in \(catalogue.categories.count) categories, "
                + "\(catalogue.hall.windows.count) windows")
        guard !placeholders.isEmpty else { return }
        print("\(path): note: \(placeholders.count) placeholder values 【待配置:…】 still to replace with local facts:")
        for path in placeholders.prefix(10) { print("  \(path)") }
        if placeholders.count > 10 { print("  … and \(placeholders.count - 10) more (all with --strict)") }
    }
}
