import ArgumentParser
import OneWindowApp

/// `serve`'s options for the figures shown to the public: 常见缺件提醒 and the disclosure.
struct ServePublicFigures: ParsableArguments {
    @Option(help: "常见缺件提醒: hall days of first visits counted (env ONEWINDOW_MISSING_DAYS; default 90).")
    var missingDays: Int?

    @Option(
        help: "常见缺件提醒: first visits needed before a share is shown (env ONEWINDOW_MISSING_MINIMUM; default 20).")
    var missingMinimum: Int?

    @Option(
        help:
            "Seconds the public figures (guides' 常见缺件提醒, /disclosure) stay cached (env ONEWINDOW_PUBLIC_SECONDS; default 60)."
    )
    var publicSeconds: Int?

    func apply(to configuration: inout AppConfiguration) throws {
        let days =
            try missingDays ?? Serve.parse("ONEWINDOW_MISSING_DAYS", Int.init) ?? configuration.commonlyMissing.days
        guard (1...3660).contains(days) else {
            throw ValidationError("missing days must be from 1 to 3660, found \(days)")
        }
        let minimum =
            try missingMinimum ?? Serve.parse("ONEWINDOW_MISSING_MINIMUM", Int.init)
            ?? configuration.commonlyMissing.minimumFirstVisits
        guard minimum >= 1 else { throw ValidationError("missing minimum must be at least 1, found \(minimum)") }
        let seconds =
            try publicSeconds ?? Serve.parse("ONEWINDOW_PUBLIC_SECONDS", Int.init)
            ?? Int(configuration.publicFiguresSeconds)
        guard (0...86_400).contains(seconds) else {
            throw ValidationError("public seconds must be from 0 to 86400, found \(seconds)")
        }
        configuration.commonlyMissing.days = days
        configuration.commonlyMissing.minimumFirstVisits = minimum
        configuration.publicFiguresSeconds = Double(seconds)
    }
}
