import ArgumentParser
import Foundation
import Logging
import OneWindowApp

/// `onewindowd serve`: runs the hall's daemon until SIGTERM or SIGINT; SIGHUP reloads the catalogue.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the hall's API and guide pages.",
        discussion: """
            Every option also reads an environment variable, used when the option is not given:
            ONEWINDOW_HOST, ONEWINDOW_PORT, ONEWINDOW_CATALOGUE, ONEWINDOW_DATABASE, ONEWINDOW_THREADS,
            ONEWINDOW_MAX_BODY_BYTES, ONEWINDOW_CLOSING_TIME, ONEWINDOW_NO_SHOW_CALLS, ONEWINDOW_NO_SHOW_AFTER,
            ONEWINDOW_LOG_LEVEL,
            ONEWINDOW_ISSUE_RATE, ONEWINDOW_ISSUE_BURST, ONEWINDOW_CONNECTION_LIMIT, ONEWINDOW_PER_CLIENT_LIMIT,
            ONEWINDOW_REQUEST_TIMEOUT, ONEWINDOW_ANSWER_TIMEOUT, ONEWINDOW_INBOX_CAPACITY, ONEWINDOW_ACCESS_LOG,
            ONEWINDOW_EVALUATION_PUSH_URL, ONEWINDOW_EVALUATION_PUSH_SECRET_FILE, ONEWINDOW_EVALUATION_PUSH_TIMEOUT,
            ONEWINDOW_HALL_ID, ONEWINDOW_CATALOGUE_URL, ONEWINDOW_CATALOGUE_PUBLIC_KEY,
            ONEWINDOW_CATALOGUE_PULL_INTERVAL, ONEWINDOW_CATALOGUE_PULL_TIMEOUT.
            Logs go to standard error, one logfmt line each (one per request unless the access log is off).
            With --catalogue-url the catalogue is pulled from the city every few minutes, checked
            against --catalogue-public-key and `check`, and reloaded; anything short keeps the last good one.
            Signals: SIGHUP reloads the catalogue (a bad file keeps the old one serving);
            SIGTERM and SIGINT stop after requests in flight finish.
            """
    )

    @Option(help: "Address to listen on (env ONEWINDOW_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on, 0 for any free port (env ONEWINDOW_PORT; default 8080).")
    var port: UInt16?

    @Option(help: "The service catalogue (env ONEWINDOW_CATALOGUE; default services.json).")
    var catalogue: String?

    @Option(help: "The SQLite database file (env ONEWINDOW_DATABASE; default var/onewindow.sqlite).")
    var database: String?

    @Option(help: "HTTP worker threads (env ONEWINDOW_THREADS; default 2).")
    var threads: Int?

    @Option(help: "Largest request body in bytes (env ONEWINDOW_MAX_BODY_BYTES; default 65536).")
    var maxBodyBytes: Int?

    @Option(
        help: "Hall-local time when open tickets expire, HH:MM, or “none” (env ONEWINDOW_CLOSING_TIME; default 17:30).")
    var closingTime: String?

    @Option(help: "Calls before a ticket may be marked a no-show (env ONEWINDOW_NO_SHOW_CALLS; default 3).")
    var noShowCalls: Int?

    @Option(
        help:
            "Seconds after a ticket's first call before it may be marked a no-show (env ONEWINDOW_NO_SHOW_AFTER; default 90)."
    )
    var noShowAfter: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical (env ONEWINDOW_LOG_LEVEL; default info).")
    var logLevel: String?

    @OptionGroup var limits: ServeLimits

    @OptionGroup var push: ServePush

    @OptionGroup var publicFigures: ServePublicFigures

    @OptionGroup var hall: ServeHall

    @OptionGroup var cataloguePull: ServeCatalogue

    /// The options, then the environment, then the defaults, checked once.
    func resolved() throws -> (AppConfiguration, Logger.Level) {
        var configuration = AppConfiguration()
        configuration.http.host = host ?? Environment.value("ONEWINDOW_HOST") ?? configuration.http.host
        configuration.http.port = try port ?? Self.parse("ONEWINDOW_PORT", UInt16.init) ?? configuration.http.port
        configuration.cataloguePath =
            catalogue ?? Environment.value("ONEWINDOW_CATALOGUE") ?? configuration.cataloguePath
        configuration.databasePath = database ?? Environment.value("ONEWINDOW_DATABASE") ?? configuration.databasePath
        configuration.http.threads =
            try threads ?? Self.parse("ONEWINDOW_THREADS", Int.init) ?? configuration.http.threads
        configuration.http.maxBodyBytes =
            try maxBodyBytes ?? Self.parse("ONEWINDOW_MAX_BODY_BYTES", Int.init) ?? configuration.http.maxBodyBytes
        configuration.callsBeforeNoShow =
            try noShowCalls ?? Self.parse("ONEWINDOW_NO_SHOW_CALLS", Int.init) ?? configuration.callsBeforeNoShow
        guard (1...20).contains(configuration.callsBeforeNoShow) else {
            throw ValidationError("no-show calls must be from 1 to 20, found \(configuration.callsBeforeNoShow)")
        }
        let after = try noShowAfter ?? Self.parse("ONEWINDOW_NO_SHOW_AFTER", Int.init) ?? Int(configuration.noShowAfter)
        guard (0...3600).contains(after) else {
            throw ValidationError("no-show after must be from 0 to 3600 seconds, found \(after)")
        }
        configuration.noShowAfter = TimeInterval(after)
        if let text = closingTime ?? Environment.value("ONEWINDOW_CLOSING_TIME") {
            configuration.closingTime = try Self.clockTime(text)
        }
        let levelText = logLevel ?? Environment.value("ONEWINDOW_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelText) else {
            throw ValidationError(
                "log level “\(levelText)” is not one of trace, debug, info, notice, warning, error, critical")
        }
        guard (1...64).contains(configuration.http.threads) else {
            throw ValidationError("threads must be from 1 to 64, found \(configuration.http.threads)")
        }
        guard configuration.http.maxBodyBytes >= 1024 else {
            throw ValidationError("max body bytes must be at least 1024, found \(configuration.http.maxBodyBytes)")
        }
        try limits.apply(to: &configuration)
        try push.apply(to: &configuration)
        try publicFigures.apply(to: &configuration)
        try hall.apply(to: &configuration)
        try cataloguePull.apply(to: &configuration)
        return (configuration, level)
    }

    static func parse<T>(_ name: String, _ make: (String) -> T?) throws -> T? {
        guard let text = Environment.value(name) else { return nil }
        guard let value = make(text) else { throw ValidationError("\(name)=“\(text)” is not a valid value") }
        return value
    }

    /// Parses `HH:MM` (24-hour) or `none`.
    static func clockTime(_ text: String) throws -> (hour: Int, minute: Int)? {
        if text == "none" { return nil }
        let parts = text.split(separator: ":").map { Int($0) }
        guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { throw ValidationError("closing time “\(text)” is not HH:MM (24-hour) or “none”") }
        return (hour, minute)
    }

    func validate() throws {
        _ = try resolved()
    }

    func run() throws {
        // Block the signals before any thread exists, so every thread inherits the mask and
        // only the `sigwait` below ever receives them.
        let signals = SignalSet([SIGINT, SIGTERM, SIGHUP])
        signals.block()
        let (resolvedConfiguration, level) = try resolved()
        var configuration = resolvedConfiguration
        let sink = LogSink()
        LoggingSystem.bootstrap { label in LogfmtHandler(logLevel: level, label: label, sink: sink) }
        if level <= .info { configuration.http.accessLogWriter = { sink.access($0) } }
        let systemd = SystemdNotifier()
        configuration.commitHeartbeat = { systemd.heartbeat() }
        let logger = Logger(label: "onewindowd")
        let application: Application
        do {
            application = try Application(configuration: configuration, logger: logger)
            try application.start()
        } catch {
            logger.critical("cannot start\n\(error)")
            sink.flush()
            throw ExitCode.failure
        }
        systemd.ready()
        while true {
            switch signals.wait() {
            case SIGHUP:
                logger.info("SIGHUP: reloading the catalogue")
                systemd.reloading()
                application.reloadCatalogue()
                systemd.ready()
            default:
                logger.info("stopping: requests in flight may finish")
                systemd.stopping()
                application.stop()
                sink.flush()
                return
            }
        }
    }
}
