import Foundation
import Logging
import OneWindowApp

/// The real `Application`, built as `onewindowd serve` builds it, on a free loopback port
/// with its own temporary database.
public final class TestApplication: Sendable {
    public let application: Application
    public let port: UInt16
    public let client: TestHTTPClient
    public let directory: TemporaryDirectory

    /// - Parameters:
    ///   - catalogue: path of the services.json to serve.
    ///   - configure: changes to the configuration before the application is built.
    ///   - logger: where the app logs; warnings and worse to standard error by default.
    public init(catalogue: String, logger: Logger? = nil, configure: (inout AppConfiguration) -> Void = { _ in }) throws
    {
        directory = try TemporaryDirectory()
        var configuration = AppConfiguration()
        configuration.cataloguePath = catalogue
        configuration.databasePath = directory.path("onewindow.sqlite")
        configuration.http.host = "127.0.0.1"
        configuration.http.port = 0
        configuration.shutdownGracePeriod = .seconds(5)
        // No closing time: a test running at 17:30 must not see its tickets expire.
        configuration.closingTime = nil
        // Tests issue many tickets from one token; the rate limit has tests of its own.
        configuration.issueRateLimit = nil
        // Tests mark no-shows right after the calls; the wait since the first call has tests of its own.
        configuration.noShowAfter = 0
        configure(&configuration)
        var standard = Logger(label: "onewindow.test")
        standard.logLevel = .warning
        application = try Application(configuration: configuration, logger: logger ?? standard)
        port = try application.start()
        client = TestHTTPClient(port: port)
        // Started as an operator starts it: ready once its figures are read (in milliseconds on a
        // test's database), so a test that asks for them at once never meets the load
        // (`metrics_loading` has tests of its own, MetricsLoadingTests).
        let deadline = Date().addingTimeInterval(60)
        while !application.state.metrics.isLoaded, Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
    }

    /// Stops the server and removes the temporary folder.
    public func stop() {
        application.stop()
        directory.remove()
    }
}
