import ArgumentParser
import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowStorage

/// `onewindowd token`: creates, lists and revokes the bearer tokens of the hall's devices.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and revoke the bearer tokens of kiosks, clerk terminals, pads and admins.",
        discussion: """
            A device sends its token as "Authorization: Bearer ow_…". The database keeps only the \
            token's SHA-256, so a token is shown once, when it is created. A revocation takes \
            effect on the daemon's next request; no restart is needed. A clerk terminal or a \
            rating pad belongs to one window (--window) and acts only there.
            """,
        subcommands: [Create.self, List.self, Revoke.self]
    )

    /// The database every token subcommand works on, found as `serve` finds it.
    struct DatabaseOptions: ParsableArguments {
        @Option(help: "The SQLite database file (env ONEWINDOW_DATABASE; default var/onewindow.sqlite).")
        var database: String?

        var path: String { database ?? Environment.value("ONEWINDOW_DATABASE") ?? AppConfiguration().databasePath }

        func open() throws -> Storage {
            do {
                return try Storage(path: path)
            } catch {
                throw failure("cannot open the database \(path): \(error)")
            }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print it, once.")

        @Option(help: "What the device is.")
        var role: DeviceRole

        @Option(help: "The device's name in the hall, e.g. kiosk-1; unique among live tokens.")
        var name: String

        @Option(help: "The window a clerk terminal or pad belongs to (required for them, refused for others).")
        var window: String?

        @Option(
            help: "The catalogue, whose windows --window must name (env ONEWINDOW_CATALOGUE; default services.json).")
        var catalogue: String?

        @OptionGroup var options: DatabaseOptions

        func validate() throws {
            if role.isWindowBound, window == nil {
                throw ValidationError("a \(role.rawValue) token belongs to one window: add --window ID")
            }
            if !role.isWindowBound, window != nil {
                throw ValidationError("a \(role.rawValue) token belongs to no window: leave out --window")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 64,
                !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw ValidationError("the name must be 1 to 64 characters without control characters")
            }
        }

        func run() throws {
            if let window { try checkWindow(window) }
            let storage = try options.open()
            let token = DeviceTokens.generate()
            do {
                try storage.createDeviceToken(
                    name: name, role: role, window: window, tokenHash: DeviceTokens.hash(token), at: Date())
            } catch {
                throw failure("cannot create the token: \(error)")
            }
            // Unbuffered, so the token comes first even when stdout and stderr share a pipe.
            FileHandle.standardOutput.write(Data((token + "\n").utf8))
            let place = window.map { " for window \($0)" } ?? ""
            printError(
                "created \(role.rawValue) token “\(name)”\(place); it is shown only this once, the database keeps its hash"
            )
        }

        /// `window` must be one of the catalogue's windows: a typo would make a token that
        /// opens nothing.
        private func checkWindow(_ window: String) throws {
            let path = catalogue ?? Environment.value("ONEWINDOW_CATALOGUE") ?? AppConfiguration().cataloguePath
            let windows: [String]
            do {
                windows = try CatalogueSource.load(path: path).published.hall.windows.map(\.id)
            } catch {
                throw failure("cannot read the catalogue \(path) to check --window: \(error)")
            }
            guard windows.contains(window) else {
                throw failure("\(path) has no window “\(window)”; its windows: \(windows.joined(separator: ", "))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List tokens: name, role, window, created and revoked times.")

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let records = try options.open().deviceTokens()
            let rows =
                [["NAME", "ROLE", "WINDOW", "CREATED", "REVOKED"]]
                + records.map { record in
                    [
                        record.name, record.role.rawValue, record.window ?? (record.role.isWindowBound ? "NONE" : "-"),
                        record.createdAt.formatted(.iso8601), record.revokedAt?.formatted(.iso8601) ?? "-",
                    ]
                }
            let widths = (0..<4).map { column in rows.map { Self.width($0[column]) }.max() ?? 0 }
            for row in rows {
                let padded = zip(row, widths).map { $0 + String(repeating: " ", count: $1 - Self.width($0)) }
                print((padded + [row[4]]).joined(separator: "  "))
            }
            let unbound = records.filter { $0.revokedAt == nil && $0.role.isWindowBound && $0.window == nil }
            for record in unbound {
                printError(
                    "warning: the \(record.role.rawValue) token “\(record.name)” belongs to no window and is refused; "
                        + "revoke it and create it again with --window")
            }
        }

        /// Terminal columns: names such as 一号窗口 take two per character.
        static func width(_ text: String) -> Int {
            text.unicodeScalars.reduce(0) { sum, scalar in
                sum + (wideScalars.contains { $0.contains(scalar.value) } ? 2 : 1)
            }
        }

        /// Hangul, CJK and fullwidth forms: the scalars a terminal draws two columns wide.
        static let wideScalars: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x20000...0x3FFFD,
        ]
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke the live token with this name.")

        @Argument(help: "The name the token was created with.")
        var name: String

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            guard try options.open().revokeDeviceToken(name: name, at: Date()) else {
                throw failure("no live token is named “\(name)”; `onewindowd token list` shows them")
            }
            print("revoked token “\(name)”")
        }
    }
}

/// `--role` is parsed by ArgumentParser, which then lists the roles in help and errors.
extension DeviceRole: ExpressibleByArgument {}

private func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Prints `message` and gives exit status 1 to throw, as `check` does: a plain message
/// naming the problem, not ArgumentParser's usage text.
private func failure(_ message: String) -> ExitCode {
    printError("onewindowd token: \(message)")
    return .failure
}
