import ArgumentParser
import OneWindowApp

/// `onewindowd serve`'s limits: what keeps one client, or a flood, from taking the daemon.
struct ServeLimits: ParsableArguments {
    @Option(help: "Tickets per minute one device may take, 0 for no limit (env ONEWINDOW_ISSUE_RATE; default 60).")
    var issueRate: Double?

    @Option(
        help: "Tickets one device may take at once before the rate applies (env ONEWINDOW_ISSUE_BURST; default 20).")
    var issueBurst: Double?

    @Option(help: "Open connections in all (env ONEWINDOW_CONNECTION_LIMIT; default 1000).")
    var connectionLimit: Int?

    @Option(
        help:
            "Open connections per client IP, 0 for none, e.g. behind a proxy (env ONEWINDOW_PER_CLIENT_LIMIT; default 128)."
    )
    var perClientLimit: Int?

    @Option(
        help:
            "Seconds a client has to send a request's headers, and then its body (env ONEWINDOW_REQUEST_TIMEOUT; default 10)."
    )
    var requestTimeout: Double?

    @Option(
        help:
            "Seconds a write may wait for its commit before 503 commit_timeout (env ONEWINDOW_ANSWER_TIMEOUT; default 10)."
    )
    var answerTimeout: Double?

    @Option(
        help:
            "Writes waiting for the commit thread at most, then 503 server_busy (env ONEWINDOW_INBOX_CAPACITY; default 10000)."
    )
    var inboxCapacity: Int?

    @Option(help: "on or off: one log line per request (env ONEWINDOW_ACCESS_LOG; default on).")
    var accessLog: String?

    @Option(
        help:
            "Largest catalogue file in bytes, refused before it is read, at start and on reload (env ONEWINDOW_CATALOGUE_MAX_BYTES; default 5242880)."
    )
    var catalogueMaxBytes: Int?

    func apply(to configuration: inout AppConfiguration) throws {
        let defaults = configuration.issueRateLimit ?? IssueRateLimit(perMinute: 60, burst: 20)
        let rate = try issueRate ?? Serve.parse("ONEWINDOW_ISSUE_RATE", Double.init) ?? defaults.perMinute
        let burst = try issueBurst ?? Serve.parse("ONEWINDOW_ISSUE_BURST", Double.init) ?? defaults.burst
        guard rate >= 0, burst >= 1 else {
            throw ValidationError(
                "the issue rate must be 0 or more and the burst at least 1, found \(rate) and \(burst)")
        }
        configuration.issueRateLimit = rate == 0 ? nil : IssueRateLimit(perMinute: rate, burst: burst)
        var http = configuration.http
        http.connectionLimit =
            try connectionLimit ?? Serve.parse("ONEWINDOW_CONNECTION_LIMIT", Int.init) ?? http.connectionLimit
        http.perClientConnectionLimit =
            try perClientLimit ?? Serve.parse("ONEWINDOW_PER_CLIENT_LIMIT", Int.init) ?? http.perClientConnectionLimit
        http.requestTimeoutSeconds =
            try requestTimeout ?? Serve.parse("ONEWINDOW_REQUEST_TIMEOUT", Double.init) ?? http.requestTimeoutSeconds
        http.answerTimeoutSeconds =
            try answerTimeout ?? Serve.parse("ONEWINDOW_ANSWER_TIMEOUT", Double.init) ?? http.answerTimeoutSeconds
        guard (16...100_000).contains(http.connectionLimit), (0...100_000).contains(http.perClientConnectionLimit)
        else {
            throw ValidationError(
                "the connection limit must be 16 to 100000 and the per-client limit 0 to 100000, found "
                    + "\(http.connectionLimit) and \(http.perClientConnectionLimit)")
        }
        guard http.requestTimeoutSeconds >= 1, http.answerTimeoutSeconds >= 1 else {
            throw ValidationError("the request and answer timeouts must be at least 1 second")
        }
        configuration.inboxCapacity =
            try inboxCapacity ?? Serve.parse("ONEWINDOW_INBOX_CAPACITY", Int.init) ?? configuration.inboxCapacity
        guard configuration.inboxCapacity >= 1 else { throw ValidationError("the inbox capacity must be at least 1") }
        switch accessLog ?? Environment.value("ONEWINDOW_ACCESS_LOG") ?? "on" {
        case "on": http.accessLog = true
        case "off": http.accessLog = false
        case let other: throw ValidationError("access log “\(other)” is not on or off")
        }
        configuration.http = http
        configuration.catalogueMaxBytes =
            try catalogueMaxBytes ?? Serve.parse("ONEWINDOW_CATALOGUE_MAX_BYTES", Int.init)
            ?? configuration.catalogueMaxBytes
        guard configuration.catalogueMaxBytes >= 1024 else {
            throw ValidationError("the catalogue limit must be at least 1024 bytes")
        }
    }
}
