import ArgumentParser
import Foundation
import OneWindowApp
import OneWindowCore

/// `onewindowd check [FILE]`: validates a catalogue without starting anything.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a services.json and print every problem with its JSON path.",
        discussion: """
            Exits 0 when the file is a valid catalogue, 1 otherwise. Each problem is printed as
            FILE: PATH: REASON, e.g. services.json: services[12].materials[3].copies: must be at least 1, found 0.
            """
    )

    @Argument(help: "The catalogue to check (default: $ONEWINDOW_CATALOGUE or services.json).")
    var file: String?

    func run() throws {
        let path = file ?? Environment.value("ONEWINDOW_CATALOGUE") ?? AppConfiguration().cataloguePath
        do {
            let snapshot = try CatalogueSource.load(path: path)
            let catalogue = snapshot.catalogue
            print(
                "\(path): ok: \(catalogue.services.count) services in \(catalogue.categories.count) categories, "
                    + "\(catalogue.hall.windows.count) windows")
            let placeholders = catalogue.placeholders
            if !placeholders.isEmpty {
                print(
                    "\(path): note: \(placeholders.count) placeholder values 【待配置:…】 still to replace with local facts:"
                )
                for path in placeholders.prefix(10) { print("  \(path)") }
                if placeholders.count > 10 { print("  … and \(placeholders.count - 10) more") }
            }
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            FileHandle.standardError.write(
                Data("\(path): \(error.issues.count) problem(s); the catalogue was not accepted\n".utf8))
            throw ExitCode.failure
        }
    }
}
