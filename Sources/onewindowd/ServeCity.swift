import ArgumentParser
import Foundation
import OneWindowApp

/// `onewindowd serve`'s export of the event log to the city (`onewindow-city`), as the hall
/// `--hall-id` names (`ServeHall`, applied first).
struct ServeCity: ParsableArguments {
    @Option(help: "Send the event log to this city service; none sends nothing (env ONEWINDOW_CITY_URL).")
    var cityUrl: String?

    @Option(
        help: "File with this hall's token at the city, readable by its owner only (env ONEWINDOW_CITY_TOKEN_FILE).")
    var cityTokenFile: String?

    func apply(to configuration: inout AppConfiguration) throws {
        let text = cityUrl ?? Environment.value("ONEWINDOW_CITY_URL")
        let hall = configuration.hallId
        let tokenPath = cityTokenFile ?? Environment.value("ONEWINDOW_CITY_TOKEN_FILE")
        guard let text else {
            if tokenPath != nil { throw ValidationError("--city-token-file needs --city-url") }
            return
        }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("the city URL “\(text)” is not an http or https URL")
        }
        guard let hall else { throw ValidationError("--city-url needs --hall-id: the hall's id at the city") }
        guard let tokenPath else { throw ValidationError("--city-url needs --city-token-file") }
        configuration.cityExport = CityExport(
            url: url, hallId: hall, token: try TokenFile.read(tokenPath, what: "token"))
    }
}
