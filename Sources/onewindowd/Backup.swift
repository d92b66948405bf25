import ArgumentParser
import Foundation
import OneWindowStorage

/// `onewindowd backup`: a consistent copy of the database, safe while the daemon serves.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to a file, consistently, while the daemon serves.",
        discussion: """
            Uses SQLite's online backup API: the copy holds everything committed before the backup \
            began, and the daemon keeps committing meanwhile. The copy is checked with \
            PRAGMA integrity_check before it takes the file's name. An existing file is kept unless \
            --force is given.
            """
    )

    @OptionGroup var database: Token.DatabaseOptions

    @Option(help: "The file to write the copy to.")
    var to: String

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw ValidationError("\(database.path): no such database")
        }
        if FileManager.default.fileExists(atPath: to), !force {
            throw ValidationError("\(to): the file exists; pass --force to replace it")
        }
        let started = Date()
        let result: Storage.BackupResult
        do {
            result = try Storage.backup(database: database.path, to: to)
        } catch {
            FileHandle.standardError.write(Data("onewindowd backup: \(to): \(error)\n".utf8))
            throw ExitCode.failure
        }
        guard result.integrity == "ok" else {
            FileHandle.standardError.write(
                Data(
                    "onewindowd backup: the copy failed its integrity check (\(result.integrity)); \(to) unchanged\n"
                        .utf8))
            throw ExitCode.failure
        }
        print(
            "backed up \(database.path) to \(to): \(result.pages) pages in \(String(format: "%.2f", Date().timeIntervalSince(started))) s, integrity ok"
        )
    }
}
