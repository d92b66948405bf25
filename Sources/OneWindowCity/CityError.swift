import OneWindowHTTP
import PostgresNIO

/// The city's errors, each with its code in the one registry (`HTTPError.Code`); the command
/// line prints their description.
enum CityError: Error, CustomStringConvertible {
    case unknownHall(String)
    /// `hall-add` of an id the city has (PostgreSQL's unique violation, 23505).
    case hallExists(String)
    /// `reader-add` of a name the city has.
    case readerExists(String)
    /// A batch whose event `seq` differs from the one the city holds under that number.
    case sequenceConflict(hallId: String, seq: Int64, held: Int64)

    var description: String {
        switch self {
        case .unknownHall(let id):
            "the city has no hall “\(id)”: add it with `onewindow-city hall-add \(id) NAME`"
        case .hallExists(let id):
            "the city has a hall “\(id)” already; to give it a new token (the old one stops working), run "
                + "`onewindow-city hall-token \(id)`"
        case .readerExists(let name):
            "the city has a reader “\(name)” already; `onewindow-city reader-remove \(name)` first, or choose another name"
        case .sequenceConflict(let hallId, let seq, let held):
            "event \(seq) of this batch is not the event \(seq) the city holds of hall “\(hallId)” (it holds 1 to "
                + "\(held)): this hall's database is not the one that sent them (restored from an older backup, or "
                + "reinstalled, under the same hall id). Nothing of the batch is stored, and nothing more will be until "
                + "the city's operator runs `onewindow-city hall-reset \(hallId) --yes` (the hall then sends its "
                + "whole log again), or the hall's newest database is restored"
        }
    }

    /// Whether `error` is PostgreSQL refusing a row whose key is there already.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        CityDatabaseProbe.serverError(in: error)?.serverInfo?[.sqlState] == "23505"
    }
}

extension HTTPError.Code {
    /// A hall id the city does not know.
    public static let hallNotFound = HTTPError.Code(name: "hall_not_found", status: 404)
    /// A batch that gives an event number the city holds with other content.
    public static let sequenceConflict = HTTPError.Code(name: "sequence_conflict", status: 409)
    /// A hall token used for another hall's path.
    public static let wrongHall = HTTPError.Code(name: "wrong_hall", status: 403)
    /// PostgreSQL did not answer or refused: the hall sends the batch again later.
    public static let databaseUnavailable = HTTPError.Code(name: "database_unavailable", status: 503)
}
