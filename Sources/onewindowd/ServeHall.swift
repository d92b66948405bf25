import ArgumentParser
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
                "hall id “\(id)” must be 1 to 64 of a-z, 0-9, - and _ (it becomes a Prometheus label and a URL part)")
        }
        configuration.hallId = id
    }

    /// Lower-case letters, digits, `-` and `_`: safe as a label value and in a URL path.
    static func isValid(_ id: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        return (1...64).contains(id.count) && id.allSatisfy(allowed.contains)
    }
}
