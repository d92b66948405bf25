import ArgumentParser
import Foundation
import OneWindowCore

/// `onewindowd catalogue merge BASE OVERRIDES`: one hall's catalogue, as the city serves it.
struct CatalogueMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the city's base catalogue with one hall's overrides, and check the result.",
        discussion: """
            The overrides may set hall.name, nameEn, address, hours and windows, and per service id
            place, hours and phones (merged by kind); anything else is refused with its path.
            """
    )

    @Option(help: "Where to write the merged catalogue (default: standard output).")
    var output: String?

    @Argument(help: "The city's base catalogue.")
    var base: String

    @Argument(help: "The hall's overrides.")
    var overrides: String

    func run() throws {
        let merged: Data
        do {
            merged = try CatalogueMerge.merge(
                base: try CatalogueTool.read(base), overrides: try CatalogueTool.read(overrides), baseFile: base,
                overridesFile: overrides)
        } catch let error as CatalogueError {
            throw CatalogueTool.fail("\(error)\n\(error.issues.count) problem(s); nothing written")
        }
        if let output {
            try merged.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(merged + Data("\n".utf8))
        }
    }
}
