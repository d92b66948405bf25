import ArgumentParser
import Foundation
import OneWindowApp

/// `onewindowd serve`'s export of the event log to the city (`onewindow-city`).
struct ServeCity: ParsableArguments {
    @Option(help: "Send the event log to this city service; none sends nothing (env ONEWINDOW_CITY_URL).")
    var cityUrl: String?

    @Option(help: "This hall's id at the city (env ONEWINDOW_HALL_ID).")
    var hallId: String?

    @Option(
        help: "File with this hall's token at the city, readable by its owner only (env ONEWINDOW_CITY_TOKEN_FILE).")
    var cityTokenFile: String?

    func apply(to configuration: inout AppConfiguration) throws {
        let text = cityUrl ?? Environment.value("ONEWINDOW_CITY_URL")
        let hall = hallId ?? Environment.value("ONEWINDOW_HALL_ID")
        let tokenPath = cityTokenFile ?? Environment.value("ONEWINDOW_CITY_TOKEN_FILE")
        guard let text else {
            if hall != nil || tokenPath != nil {
                throw ValidationError("--hall-id and --city-token-file need --city-url")
            }
            return
        }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("the city URL “\(text)” is not an http or https URL")
        }
        guard let hall, hall.range(of: #"^[a-z0-9][a-z0-9-]{0,62}$"#, options: .regularExpression) != nil else {
            throw ValidationError("--city-url needs --hall-id: 1 to 63 lower-case letters, digits and hyphens")
        }
        guard let tokenPath else { throw ValidationError("--city-url needs --city-token-file") }
        configuration.cityExport = CityExport(
            url: url, hallId: hall, token: try TokenFile.read(tokenPath, what: "token"))
    }
}
