import Foundation
import OneWindowCore
import OneWindowHTTP

/// The route table of the daemon: one list, read by the router and checked against the
/// OpenAPI document by a test.
public enum Routes {
    public static func all(_ state: AppState, _ monitoring: Monitoring) -> [Route] {
        let sessions = ManageSessions(tokens: HallAdminTokens(state: state), clock: state.clock)
        return catalogue(state) + tickets(state) + windows(state) + cases(state) + evaluations(state)
            + evaluationExport(state)
            + metrics(state) + appointments(state) + booking(state) + bookPages(state) + checkIn(state)
            + remoteTickets(state)
            + reports(state) + board(state) + ticketPage(state)
            + pages(state) + disclosure(state) + manage(state, monitoring, sessions)
            + manageReviews(state, sessions)
            + system(state)
            + prometheus(state, monitoring)
    }

    /// Longest `q` or `category` accepted: longer than any name in a real catalogue.
    static let maxQueryLength = 100

    /// Reads an optional text parameter, blank meaning absent, length-checked.
    ///
    /// The length is that of the value as sent, in Unicode code points: what the OpenAPI
    /// document's `maxLength` means, so a client that checks the document is never surprised.
    static func textParameter(_ request: Request, _ name: String) throws(HTTPError) -> String? {
        guard let raw = try request.queryValue(name) else { return nil }
        guard raw.unicodeScalars.count <= maxQueryLength else {
            throw HTTPError(.invalidParameter, "query parameter “\(name)” is longer than \(maxQueryLength) characters")
        }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}

extension CatalogueSnapshot {
    /// Items matching `query` (ranked) and in `category`; nil for both means every item.
    func find(query: String?, category: String?) -> [ServiceItem] {
        var items = query.map(searchIndex.search) ?? published.services
        if let category { items = items.filter { $0.category == category } }
        return items
    }
}
