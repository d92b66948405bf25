import ArgumentParser
import Foundation
import OneWindowApp

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
        guard Self.isValid(id) else {
            throw ValidationError(
                "hall id “\(id)” must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit "
                    + "(it becomes a Prometheus label and a part of the city's URLs)")
        }
        configuration.hallId = id
    }

    /// The rule the city's event export holds hall ids to (`^[a-z0-9][a-z0-9-]{0,62}$`).
    static func isValid(_ id: String) -> Bool {
        id.range(of: #"^[a-z0-9][a-z0-9-]{0,62}$"#, options: .regularExpression) != nil
    }
}
