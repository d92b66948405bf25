import Foundation
import OneWindowKiosk
import OneWindowTesting
import Testing

@Suite("Terminal settings and the token file", .timeLimit(.minutes(2)))
struct SettingsTests {
    @Test("the shipped example config file loads")
    func example() throws {
        var settings = KioskSettings()
        try settings.load(configFile: Fixtures.repositoryRoot.appendingPathComponent("kiosk/kiosk.conf").path)
        #expect(settings.daemonURL.absoluteString == "http://127.0.0.1:8080")
        #expect(settings.tokenFile == "/etc/onewindow/kiosk.token")
        #expect(settings.language == .zh)
        #expect(settings.idleTimeout == 60)
    }

    @Test("a config file sets each key, and a flag applied after it wins")
    func override() throws {
        var settings = KioskSettings()
        try settings.apply(
            configFile: """
                # a clerk terminal
                daemon-url = http://10.0.0.2:8080
                window = 3
                printer = none
                language = en
                idle-timeout = 90
                organisation-categories = 社会组织登记, 慈善事业, 养老服务
                """, path: "kiosk.conf")
        #expect(settings.daemonURL.absoluteString == "http://10.0.0.2:8080")
        #expect(settings.window == "3")
        #expect(settings.printer == nil)
        #expect(settings.language == .en)
        #expect(settings.idleTimeout == 90)
        #expect(settings.organisationCategories == ["社会组织登记", "慈善事业", "养老服务"])
        try settings.set("window", "5", at: "--window")
        #expect(settings.window == "5")
    }

    @Test(
        "a bad line names the file, the line and the reason",
        arguments: [
            ("colour = blue", "kiosk.conf:2: unknown setting “colour”"),
            ("daemon-url = 10.0.0.2", "kiosk.conf:2: expected an http:// or https:// URL, found “10.0.0.2”"),
            ("language = fr", "kiosk.conf:2: language must be zh or en, found “fr”"),
            ("idle-timeout = 1", "kiosk.conf:2: idle-timeout must be seconds from 5 to 3600, found “1”"),
            ("just words", "kiosk.conf:2: expected “key = value”, found “just words”"),
        ])
    func bad(line: String, message: String) {
        var settings = KioskSettings()
        #expect {
            try settings.apply(configFile: "# first\n\(line)\n", path: "kiosk.conf")
        } throws: { error in
            (error as? KioskSettings.Failure)?.description.hasPrefix(message) == true
        }
    }

    @Test("a token file others can read is refused, with the reason and the fix")
    func tokenPermissions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("kiosk.token")
        try "ow_secret\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        #expect {
            try TokenFile.read(path)
        } throws: { error in
            let text = (error as? KioskSettings.Failure)?.description ?? ""
            return text.contains("can be read by others (mode 644)") && text.contains("chmod 600 \(path)")
        }
        chmod(path, 0o640)
        #expect(throws: KioskSettings.Failure.self) { try TokenFile.read(path) }
        chmod(path, 0o600)
        #expect(try TokenFile.read(path) == "ow_secret")
    }

    @Test("an empty or missing token file is refused")
    func tokenMissing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: KioskSettings.Failure.self) { try TokenFile.read(directory.path("none")) }
        let path = directory.path("empty.token")
        try TestFiles.write(path, "\n")
        #expect(throws: KioskSettings.Failure.self) { try TokenFile.read(path) }
    }
}
