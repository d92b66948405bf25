import ArgumentParser
import Foundation
import Logging
import OneWindowApp
import OneWindowCity

/// `onewindow-city serve`: serves ingest, the metrics and /city until SIGTERM or SIGINT.
struct CityServe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the city's API.",
        discussion: """
            Stateless: every state is in PostgreSQL, so several services can run behind one load \
            balancer. Options also read ONEWINDOW_CITY_HOST, ONEWINDOW_CITY_PORT, ONEWINDOW_CITY_CATALOGUE \
            and the ONEWINDOW_CITY_PG_* variables. Applies pending migrations at start, but not one \
            that rebuilds stored hall days: for those it exits, and `onewindow-city migrate` runs them.
            """)

    @Option(help: "Address to listen on (env ONEWINDOW_CITY_HOST; default 127.0.0.1).")
    var host: String?
    @Option(help: "Port to listen on, 0 for any free port (env ONEWINDOW_CITY_PORT; default 8090).")
    var port: UInt16?
    @Option(help: "A services.json that names services and materials (env ONEWINDOW_CITY_CATALOGUE).")
    var catalogue: String?
    @Option(help: "The base services.json the halls' catalogues are merged from (env ONEWINDOW_CITY_CATALOGUE_BASE).")
    var catalogueBase: String?
    @Option(help: "The folder of the halls' overrides, <hall-id>.json each (env ONEWINDOW_CITY_CATALOGUE_OVERRIDES).")
    var catalogueOverrides: String?
    @Option(help: "The city's Ed25519 private key, PEM, that signs them (env ONEWINDOW_CITY_CATALOGUE_KEY).")
    var catalogueKey: String?
    @Option(
        help: """
            A hall's public address (https://…) whose /guides/{id} pages /city links the materials most \
            often missing to (env ONEWINDOW_CITY_GUIDE_BASE); without it they are not links.
            """)
    var guideBase: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "onewindow-city")
        let env = ProcessInfo.processInfo.environment
        var configuration = CityConfiguration(database: try database.location)
        configuration.http.host = host ?? env["ONEWINDOW_CITY_HOST"] ?? "127.0.0.1"
        let portText = port.map(String.init) ?? env["ONEWINDOW_CITY_PORT"] ?? "8090"
        guard let port = UInt16(portText) else { throw ValidationError("“\(portText)” is not a port number") }
        configuration.http.port = port
        if let path = catalogue ?? env["ONEWINDOW_CITY_CATALOGUE"] {
            configuration.catalogue = try CatalogueSource.load(path: path).published
        }
        let base = catalogueBase ?? env["ONEWINDOW_CITY_CATALOGUE_BASE"]
        let overrides = catalogueOverrides ?? env["ONEWINDOW_CITY_CATALOGUE_OVERRIDES"]
        let key = catalogueKey ?? env["ONEWINDOW_CITY_CATALOGUE_KEY"]
        if base != nil || overrides != nil || key != nil {
            guard let base, let overrides, let key else {
                throw ValidationError(
                    "--catalogue-base, --catalogue-overrides and --catalogue-key go together: the halls' "
                        + "catalogues need all three")
            }
            configuration.catalogues = try CityCatalogues(baseFile: base, overridesFolder: overrides, keyFile: key)
        }
        if let guides = guideBase ?? env["ONEWINDOW_CITY_GUIDE_BASE"] {
            guard let url = URLComponents(string: guides), ["http", "https"].contains(url.scheme ?? ""),
                url.host?.isEmpty == false, url.query == nil, url.fragment == nil
            else { throw ValidationError("--guide-base must be an http or https address, found “\(guides)”") }
            configuration.guideBase = guides
        }
        let application = try CityApplication(configuration: configuration, logger: logger)
        try application.start()
        var received: Int32 = 0
        sigwait(&signals, &received)
        logger.info("stopping on signal \(received)")
        application.stop()
    }
}
