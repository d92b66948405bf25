import ArgumentParser
import OneWindowKiosk

struct Clerk: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The clerk console of one window: call, recall, no-show, transfer, pause, resume, complete.")

    @OptionGroup var common: CommonOptions

    @OptionGroup var place: WindowOptions

    func run() throws {
        try runMode {
            let (settings, window) = try place.settings(common)
            let token = try common.token(settings, role: "clerk")
            let daemon = HTTPDaemonClient(baseURL: settings.daemonURL, token: token)
            let runner = ClerkRunner(daemon: daemon, eventsURL: settings.daemonURL)
            let console = ClerkConsole(window: window, language: settings.language)
            var loop = TerminalLoop(program: console, runner: runner, terminal: try Terminal())
            _ = try loop.run()
        }
    }
}
