import ArgumentParser
import OneWindowKiosk

struct Clerk: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The clerk console of one window: call, recall, no-show, transfer, pause, resume, complete.")

    @OptionGroup var common: CommonOptions

    @Option(help: "The window's id as in services.json, e.g. 3.")
    var window: String?

    func validate() throws {
        if let window, window.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--window must name a window, e.g. --window 3")
        }
    }

    func run() throws {
        try runMode {
            let settings = try common.settings([("window", window)])
            guard let window = settings.window else {
                throw KioskSettings.Failure("which window? give --window N or window = N in the config file")
            }
            let token = try common.token(settings, role: "clerk")
            let daemon = HTTPDaemonClient(baseURL: settings.daemonURL, token: token)
            let runner = ClerkRunner(daemon: daemon, eventsURL: settings.daemonURL)
            let console = ClerkConsole(window: window, language: settings.language)
            var loop = TerminalLoop(program: console, runner: runner, terminal: try Terminal())
            _ = try loop.run()
        }
    }
}
