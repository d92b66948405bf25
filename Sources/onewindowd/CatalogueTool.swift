import ArgumentParser
import Foundation
import OneWindowApp

/// `onewindowd catalogue …`: for the city's editors, who keep one catalogue for many halls.
struct CatalogueTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Sign, verify and merge catalogues for halls that pull theirs from the city.",
        discussion: """
            A signed catalogue is the services.json as it is, and beside it FILE.sig: one line,
            ed25519=<base64 of the 64-byte Ed25519 signature of the file's exact bytes>. Keys are
            PEM files as OpenSSL writes them. The city serves the same line in the
            X-OneWindow-Signature header; a hall started with --catalogue-url checks it with
            --catalogue-public-key.
            """,
        subcommands: [CatalogueKeygen.self, CatalogueSign.self, CatalogueVerify.self, CatalogueMergeCommand.self]
    )

    /// Fails unless the file is readable by its owner only: whoever reads a private key can
    /// sign catalogues every hall of the city will serve.
    static func readPrivate(_ path: String) throws -> CatalogueSigningKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ValidationError("\(path): cannot read the key file: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw ValidationError(
                "\(path): the private key can be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); "
                    + "anyone who reads it can sign catalogues for every hall. Run: chmod 600 \(path)")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        do {
            return try CatalogueSigningKey(pem: text)
        } catch {
            throw ValidationError("\(path): \(error.reason)")
        }
    }

    static func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("\(path): cannot read the file: \(error.localizedDescription)")
        }
    }

    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode.failure
    }
}
