import Foundation
import OneWindowCore
import OneWindowHTTP

/// One loaded catalogue with every response that does not depend on a query, encoded once.
///
/// Requests read the current snapshot and answer from it; a reload builds a new one and
/// swaps it in whole, so a request never sees half of one catalogue and half of another.
public final class CatalogueSnapshot: Sendable {
    /// The catalogue as loaded, placeholders included: for the queue and for `check`.
    public let catalogue: Catalogue
    /// What the public sees, without placeholders: every page and catalogue answer comes from it.
    public let published: Catalogue
    /// Over `published`, so results never show a placeholder.
    public let searchIndex: SearchIndex
    /// The ETag of the file's bytes, recorded with each load.
    public let version: String
    public let loadedAt: Date

    let serviceList: PreparedResponse
    let categories: PreparedResponse
    let hall: PreparedResponse
    let homePage: PreparedResponse
    let guides: [String: PreparedResponse]
    let guidePages: [String: PreparedResponse]

    /// Catalogue answers may be cached briefly; the ETag makes revalidation cheap.
    static let cacheControl = "public, max-age=60"

    public init(catalogue: Catalogue, version: String, loadedAt: Date = Date()) {
        let published = catalogue.published
        self.catalogue = catalogue
        self.published = published
        self.searchIndex = SearchIndex(published)
        self.version = version
        self.loadedAt = loadedAt
        serviceList = Self.json(ServiceList(published.services))
        categories = Self.json(CategoryList(categories: published.categories))
        hall = Self.json(published.hall)
        homePage = Self.html(HomePage.render(catalogue: published, query: nil, category: nil, results: []))
        var guides: [String: PreparedResponse] = [:]
        var guidePages: [String: PreparedResponse] = [:]
        for item in published.services {
            guides[item.id] = Self.json(ServiceGuide(item, in: published))
            guidePages[item.id] = Self.html(GuidePage.render(item: item, catalogue: published))
        }
        self.guides = guides
        self.guidePages = guidePages
    }

    static func json<T: Encodable>(_ value: T) -> PreparedResponse {
        PreparedResponse(
            headers: ["Content-Type": Response.jsonContentType, "Cache-Control": cacheControl],
            body: Response.encodeJSON(value), etag: true)
    }

    static func html(_ page: String) -> PreparedResponse {
        PreparedResponse(
            headers: ["Content-Type": Response.htmlContentType, "Cache-Control": cacheControl],
            body: Data(page.utf8), etag: true)
    }
}
