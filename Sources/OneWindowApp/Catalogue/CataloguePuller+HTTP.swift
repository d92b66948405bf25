import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension CataloguePuller {
    /// A 200 from the city: the file's bytes and what came with them.
    struct Fetched: Sendable {
        var body: Data
        var signature: String?
        var etag: String?
    }

    /// GETs the catalogue; nil for 304 Not Modified.
    func fetch(ifNoneMatch: String?) -> Result<Fetched?, CataloguePullOutcome> {
        Self.fetch(pull, maxBytes: maxBytes, ifNoneMatch: ifNoneMatch)
    }

    static func fetch(_ pull: CataloguePull, maxBytes: Int, ifNoneMatch: String?) -> Result<
        Fetched?, CataloguePullOutcome
    > {
        var request = URLRequest(url: pull.url, timeoutInterval: pull.timeoutSeconds)
        request.httpMethod = "GET"
        if let tag = ifNoneMatch?.trimmingCharacters(in: .whitespacesAndNewlines), !tag.isEmpty {
            request.setValue(tag, forHTTPHeaderField: "If-None-Match")
        }
        let download = CatalogueDownload(maxBytes: maxBytes)
        guard
            let answer = download.run(
                request, configuration: configuration(timeout: pull.timeoutSeconds), seconds: pull.timeoutSeconds + 2)
        else { return .failure(.unreachable("no answer within \(pull.timeoutSeconds) s")) }
        if answer.tooLarge {
            return .failure(.failedCheck("the file is over the limit of \(maxBytes) bytes (--catalogue-max-bytes)"))
        }
        switch answer.status {
        case 304?: return .success(nil)
        case 200? where answer.failure == nil:
            return .success(Fetched(body: answer.body, signature: answer.signature, etag: answer.etag))
        case let status? where status != 200: return .failure(.unreachable("the city answered HTTP \(status)"))
        default: return .failure(.unreachable(answer.failure ?? "no answer"))
        }
    }

    /// No cookies and no cache (a cache would answer the ETag itself).
    private static func configuration(timeout: Double) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return configuration
    }
}
