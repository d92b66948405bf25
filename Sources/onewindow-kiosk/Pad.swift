import ArgumentParser
import OneWindowKiosk

struct Pad: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The rating pad (评价器) of one window: after each visit there it asks 1–5, and why after a 1 or 2.",
        discussion: """
            Needs a pad token bound to the window: onewindowd token create --role pad --window N.
            """)

    @OptionGroup var common: CommonOptions

    @OptionGroup var place: WindowOptions

    func run() throws {
        try runMode {
            let (settings, window) = try place.settings(common)
            let token = try common.token(settings, role: "pad")
            let daemon = HTTPDaemonClient(baseURL: settings.daemonURL, token: token)
            let runner = PadRunner(daemon: daemon, eventsURL: settings.daemonURL)
            var loop = TerminalLoop(
                program: RatingPad(window: window, language: settings.language), runner: runner,
                terminal: try Terminal())
            _ = try loop.run()
        }
    }
}
