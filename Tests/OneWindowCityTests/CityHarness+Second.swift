import Foundation
import Logging
import OneWindowCity
import OneWindowTesting

/// A second city service in this process, on the harness's PostgreSQL and database: what a
/// load balancer would send the next request to.
final class SecondCityService {
    let application: CityApplication
    let client: TestHTTPClient

    init(_ city: CityHarness, clock: (@Sendable () -> Date)? = nil) throws {
        var configuration = CityConfiguration(database: city.location)
        configuration.http.port = 0
        if let clock { configuration.clock = clock }
        var logger = Logger(label: "onewindow.city.test.second")
        logger.logLevel = .warning
        application = try CityApplication(configuration: configuration, logger: logger)
        client = TestHTTPClient(port: try application.start())
    }

    func stop() { application.stop() }
}

/// Posts `/city`'s sign-in form with `token` to the service behind `client`; the session
/// cookie's `name=value` on success.
func citySignIn(_ client: TestHTTPClient, _ token: String) throws -> (TestResponse, String?) {
    let response = try client.send(
        "POST", "/city/sign-in", headers: ["Content-Type": "application/x-www-form-urlencoded"],
        body: Data("token=\(token)".utf8))
    return (response, response.headers["set-cookie"]?.components(separatedBy: ";").first)
}
