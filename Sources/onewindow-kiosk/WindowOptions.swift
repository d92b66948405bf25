import ArgumentParser
import OneWindowKiosk

/// The window a clerk console or a rating pad belongs to: from `--window` or the config file's
/// `window = N`. Both devices' tokens are bound to that window by the daemon.
struct WindowOptions: ParsableArguments {
    @Option(help: "The window's id as in services.json, e.g. 3; the device's token must be made for it.")
    var window: String?

    func validate() throws {
        if let window, window.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--window must name a window, e.g. --window 3")
        }
    }

    /// The settings with `--window` on top, and the window they name.
    func settings(_ common: CommonOptions) throws -> (settings: KioskSettings, window: String) {
        let settings = try common.settings([("window", window)])
        guard let window = settings.window else {
            throw KioskSettings.Failure("which window? give --window N or window = N in the config file")
        }
        return (settings, window)
    }
}
