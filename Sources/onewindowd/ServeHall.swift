import ArgumentParser
import Foundation
import OneWindowApp
import OneWindowCore

/// `serve`'s `--hall-id`: the hall's id in the city, one setting for everything the city sees
/// of the hall (the `hall` label of Prometheus; the city's event export).
struct ServeHall: ParsableArguments {
    @Option(
        help:
            "The hall's id in the city, e.g. dalian-ganjingzi: the hall label of every /metrics figure (env ONEWINDOW_HALL_ID)."
    )
    var hallId: String?

    func apply(to configuration: inout AppConfiguration) throws {
        guard let id = hallId ?? Environment.value("ONEWINDOW_HALL_ID") else { return }
        guard HallId.isValid(id) else {
            throw ValidationError(
                "hall id “\(id)” must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit "
                    + "(it becomes a Prometheus label and a part of the city's URLs)")
        }
        configuration.hallId = id
    }
}
