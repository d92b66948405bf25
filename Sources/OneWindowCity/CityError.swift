import OneWindowHTTP

/// The city's errors, each with its code in the one registry (`HTTPError.Code`).
enum CityError: Error {
    case unknownHall(String)
}

extension HTTPError.Code {
    /// A hall id the city does not know.
    public static let hallNotFound = HTTPError.Code(name: "hall_not_found", status: 404)
    /// A hall token used for another hall's path.
    public static let wrongHall = HTTPError.Code(name: "wrong_hall", status: 403)
    /// PostgreSQL did not answer or refused: the hall sends the batch again later.
    public static let databaseUnavailable = HTTPError.Code(name: "database_unavailable", status: 503)
}
