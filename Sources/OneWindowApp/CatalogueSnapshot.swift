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
    /// The home page in each `PageMode` (the reader's cookie chooses).
    let homePage: [PageMode: PreparedResponse]
    /// Each guide page in each `PageMode`.
    let guidePages: [String: [PageMode: PreparedResponse]]

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
        homePage = Self.html { HomePage.render(catalogue: published, query: nil, category: nil, results: [], mode: $0) }
        var guidePages: [String: [PageMode: PreparedResponse]] = [:]
        for item in published.services {
            guidePages[item.id] = Self.html { GuidePage.render(item: item, catalogue: published, mode: $0) }
        }
        self.guidePages = guidePages
    }

    static func json<T: Encodable>(_ value: T) -> PreparedResponse {
        PreparedResponse(
            headers: ["Content-Type": Response.jsonContentType, "Cache-Control": cacheControl],
            body: Response.encodeJSON(value), etag: true)
    }

    /// A page in every mode. The mode comes from a cookie, so caches must keep them apart.
    static func html(_ render: (PageMode) -> String) -> [PageMode: PreparedResponse] {
        var pages: [PageMode: PreparedResponse] = [:]
        for mode in PageMode.allCases {
            pages[mode] = PreparedResponse(
                headers: ["Content-Type": Response.htmlContentType, "Cache-Control": cacheControl, "Vary": "Cookie"],
                body: Data(render(mode).utf8), etag: true)
        }
        return pages
    }
}
