import OneWindowHTTP

/// Error codes of the hall's API, added to the HTTP layer's registry.
extension HTTPError.Code {
    public static let serviceNotFound = HTTPError.Code(name: "service_not_found", status: 404)
}
