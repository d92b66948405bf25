import ArgumentParser
import Foundation
import OneWindowApp

/// `onewindowd catalogue keygen --key F --public-key F`.
struct CatalogueKeygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract:
            "Make a new Ed25519 key pair: the private key (mode 600) for the editors, the public one for the halls."
    )

    @Option(help: "Where to write the private key; an existing file is never overwritten.")
    var key: String

    @Option(help: "Where to write the public key (default: the private key's path with .pub added).")
    var publicKey: String?

    func run() throws {
        let publicPath = publicKey ?? key + ".pub"
        for path in [key, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw CatalogueTool.fail("\(path): exists; a key is never overwritten (move it away first)")
        }
        let signing = CatalogueSigningKey()
        let descriptor = open(key, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw CatalogueTool.fail("\(key): cannot create: \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data(signing.pem.utf8))
        try handle.close()
        try Data(signing.verifyingKey.pem.utf8).write(to: URL(fileURLWithPath: publicPath))
        print("\(key): private key (keep it with the editors only)")
        print("\(publicPath): public key \(signing.verifyingKey.fingerprint) (give it to every hall)")
    }
}
