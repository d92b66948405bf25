import ArgumentParser
import OneWindowKiosk

struct Board: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The hall display in text: the current call in large characters, the last calls, the waiting per queue.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        try runMode {
            // The board reads only public endpoints: it needs no token.
            let settings = try common.settings()
            let daemon = HTTPDaemonClient(baseURL: settings.daemonURL, token: nil)
            let runner = BoardRunner(daemon: daemon, eventsURL: settings.daemonURL)
            var loop = TerminalLoop(
                program: BoardDisplay(language: settings.language), runner: runner, terminal: try Terminal())
            _ = try loop.run()
        }
    }
}
