import ArgumentParser
import Foundation
import OneWindowKiosk

struct Applicant: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The hall kiosk: find a service, read its materials checklist, take a ticket, return with a case number, rate a visit."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Receipt printer device, e.g. /dev/usb/lp0; `none` prints nothing.")
    var printer: String?

    @Option(help: "Public base URL for the ticket's status page printed as a QR code (<URL>/t/{id}).")
    var publicUrl: String?

    @Option(
        help: "File keeping the catalogue and guides last loaded, browsed after a restart while the daemon is down.")
    var cacheFile: String?

    func run() throws {
        try runMode {
            let settings = try common.settings([
                ("printer", printer), ("public-url", publicUrl), ("cache-file", cacheFile),
            ])
            let token = try common.token(settings, role: "kiosk")
            let daemon = HTTPDaemonClient(baseURL: settings.daemonURL, token: token)
            let runner = ApplicantRunner(
                daemon: daemon, printer: settings.printer.map(ReceiptPrinter.init(path:)),
                publicURL: settings.publicURL ?? settings.daemonURL, cacheFile: settings.cacheFile)
            let kiosk = ApplicantKiosk(
                settings: .init(
                    language: settings.language, idleTimeout: settings.idleTimeout,
                    organisationCategories: settings.organisationCategories))
            var loop = TerminalLoop(program: kiosk, runner: runner, terminal: try Terminal())
            _ = try loop.run()
        }
    }
}
