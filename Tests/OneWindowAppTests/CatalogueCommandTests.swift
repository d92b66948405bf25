import Foundation
import OneWindowApp
import OneWindowTesting
import Testing

/// `onewindowd catalogue keygen|sign|verify|merge`, as the city's editors run them, and
/// `serve --catalogue-url` as a hall's operator starts it.
@Suite("The catalogue commands for the city's editors", .timeLimit(.minutes(2)))
struct CatalogueCommandTests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    func run(_ arguments: String...) throws -> (status: Int32, output: String) {
        try DaemonProcess.run(["catalogue"] + arguments)
    }

    func copyFixture(_ name: String) throws -> String {
        let path = folder.path(name)
        try FileManager.default.copyItem(atPath: Fixtures.validCatalogue, toPath: path)
        return path
    }

    @Test("the help texts name the catalogue commands, the pull's options and their environment variables")
    func help() throws {
        let catalogue = try run("--help")
        for word in ["keygen", "sign", "verify", "merge", "ed25519=", "X-OneWindow-Signature"] {
            #expect(catalogue.output.contains(word), "catalogue --help lacks \(word)")
        }
        let serve = try DaemonProcess.run(["serve", "--help"])
        for word in [
            "--hall-id", "--catalogue-url", "--catalogue-public-key", "--catalogue-pull-interval", "ONEWINDOW_HALL_ID",
            "ONEWINDOW_CATALOGUE_URL", "ONEWINDOW_CATALOGUE_PUBLIC_KEY",
        ] {
            #expect(serve.output.contains(word), "serve --help lacks \(word)")
        }
    }

    @Test("keygen writes a private key only its owner reads and the public key; it never overwrites")
    func keygen() throws {
        defer { folder.remove() }
        let key = folder.path("city.key")
        let made = try run("keygen", "--key", key)
        #expect(made.status == 0, "\(made.output)")
        let mode = (try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: key + ".pub", encoding: .utf8).hasPrefix("-----BEGIN PUBLIC KEY-----"))
        let again = try run("keygen", "--key", key)
        #expect(again.status != 0)
        #expect(again.output.contains("a key is never overwritten"))
    }

    @Test("sign then verify passes; a changed file, another key or a failing catalogue do not")
    func signAndVerify() throws {
        defer { folder.remove() }
        let key = folder.path("city.key")
        #expect(try run("keygen", "--key", key).status == 0)
        #expect(try run("keygen", "--key", folder.path("other.key")).status == 0)
        let file = try copyFixture("services.json")
        let signed = try run("sign", "--key", key, file)
        #expect(signed.status == 0, "\(signed.output)")
        let verified = try run("verify", "--public-key", key + ".pub", file)
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("ok: signed with key"))
        let other = try run("verify", "--public-key", folder.path("other.key.pub"), file)
        #expect(other.status == 1)
        #expect(other.output.contains("bad signature"))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(" ".utf8))
        try handle.close()
        let changed = try run("verify", "--public-key", key + ".pub", file)
        #expect(changed.status == 1)
        #expect(changed.output.contains("the file was changed after it was signed"))
        let broken = folder.path("broken.json")
        try Data(#"{"hall": {}, "services": []}"#.utf8).write(to: URL(fileURLWithPath: broken))
        let refused = try run("sign", "--key", key, broken)
        #expect(refused.status == 1)
        #expect(refused.output.contains("not signed"))
        #expect(!FileManager.default.fileExists(atPath: broken + ".sig"))
    }

    @Test("sign refuses a private key that others can read")
    func keyMode() throws {
        defer { folder.remove() }
        let key = folder.path("city.key")
        #expect(try run("keygen", "--key", key).status == 0)
        chmod(key, 0o644)
        let refused = try run("sign", "--key", key, try copyFixture("services.json"))
        #expect(refused.status != 0)
        #expect(refused.output.contains("chmod 600"))
    }

    @Test("merge writes the hall's catalogue, which signs and verifies")
    func merge() throws {
        defer { folder.remove() }
        let overrides = folder.path("hall.json")
        try Data(#"{"hall": {"name": "中山区政务服务大厅", "address": "中山区人民路1号"}}"#.utf8).write(
            to: URL(fileURLWithPath: overrides))
        let merged = folder.path("merged.json")
        let result = try run("merge", "--output", merged, Fixtures.validCatalogue, overrides)
        #expect(result.status == 0, "\(result.output)")
        #expect(try String(contentsOfFile: merged, encoding: .utf8).contains("中山区人民路1号"))
        let refused = try run("merge", Fixtures.validCatalogue, Fixtures.validCatalogue)
        #expect(refused.status == 1)
        #expect(refused.output.contains("is not something a hall may override"))
    }

    @Test("serve --catalogue-url pulls at start, labels /metrics with --hall-id, and /healthz shows the pull")
    func serve() throws {
        defer { folder.remove() }
        let key = CatalogueSigningKey()
        let publicKey = folder.path("city.pub")
        try Data(key.verifyingKey.pem.utf8).write(to: URL(fileURLWithPath: publicKey))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        let city = try CatalogueServer(.file(bytes, signature: try key.sign(bytes)))
        defer { city.stop() }
        let catalogue = folder.path("pulled/services.json")
        let daemon = try DaemonProcess(arguments: [
            "--catalogue", catalogue, "--database", folder.path("hall.sqlite"), "--hall-id", "dalian-zhongshan",
            "--catalogue-url", city.url.absoluteString, "--catalogue-public-key", publicKey,
        ])
        defer {
            daemon.signal(SIGTERM)
            _ = daemon.waitForExit()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: catalogue)) == bytes)
        let metrics = try daemon.client.get("/metrics").text
        let samples = metrics.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(!samples.isEmpty)
        #expect(samples.allSatisfy { $0.contains(#"hall="dalian-zhongshan""#) }, "\(samples.prefix(5))")
        #expect(try daemon.client.get("/healthz").json["cataloguePull"] != nil)
        let refused = try DaemonProcess.run(["serve", "--catalogue-url", city.url.absoluteString])
        #expect(refused.status != 0)
        #expect(refused.output.contains("--catalogue-url needs --catalogue-public-key"))
        let badId = try DaemonProcess.run(["serve", "--hall-id", "Dalian Zhongshan"])
        #expect(badId.status != 0)
        #expect(badId.output.contains("hall id"))
    }
}
