import ArgumentParser
import Foundation
import OneWindowKiosk

/// Options every mode takes; each overrides the config file's setting of the same name.
struct CommonOptions: ParsableArguments {
    @Option(help: "Config file of `key = value` lines (default: /etc/onewindow/kiosk.conf when it exists).")
    var config: String?

    @Option(help: "The daemon's URL, e.g. http://10.0.0.2:8080.")
    var daemonUrl: String?

    @Option(help: "File holding the device token; it must be readable by this user only (chmod 600).")
    var tokenFile: String?

    @Option(help: "zh (default) or en.")
    var language: String?

    @Option(help: "Seconds without input before the kiosk returns to its start screen (default 60).")
    var idleTimeout: String?

    static let defaultConfig = "/etc/onewindow/kiosk.conf"

    /// The config file's settings with the flags on top: `flags` are this mode's own flags.
    func settings(_ flags: [(key: String, value: String?)] = []) throws(KioskSettings.Failure) -> KioskSettings {
        var settings = KioskSettings()
        if let config {
            try settings.load(configFile: config)
        } else if FileManager.default.fileExists(atPath: Self.defaultConfig) {
            try settings.load(configFile: Self.defaultConfig)
        }
        let common: [(key: String, value: String?)] = [
            ("daemon-url", daemonUrl), ("token-file", tokenFile), ("language", language), ("idle-timeout", idleTimeout),
        ]
        for flag in common + flags {
            if let value = flag.value { try settings.set(flag.key, value, at: "--\(flag.key)") }
        }
        return settings
    }

    /// The device token from the configured file.
    func token(_ settings: KioskSettings, role: String) throws(KioskSettings.Failure) -> String {
        guard let path = settings.tokenFile else {
            throw .init("a \(role) token is needed: give --token-file or token-file in the config file")
        }
        return try TokenFile.read(path)
    }
}

/// Runs a mode's loop and turns what ended it into an exit: failures as one clear line.
func runMode(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as KioskSettings.Failure {
        FileHandle.standardError.write(Data("onewindow-kiosk: \(failure.description)\n".utf8))
        throw ExitCode(2)
    } catch let failure as Terminal.Failure {
        FileHandle.standardError.write(Data("onewindow-kiosk: \(failure.description)\n".utf8))
        throw ExitCode(1)
    }
}
