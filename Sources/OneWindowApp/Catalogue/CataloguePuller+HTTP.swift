import Foundation
import Synchronization

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
        let outcome = Mutex<Result<Fetched?, CataloguePullOutcome>>(
            .failure(.unreachable("no answer within \(pull.timeoutSeconds) s")))
        let done = DispatchSemaphore(value: 0)
        let task = session(timeout: pull.timeoutSeconds).dataTask(with: request) { data, response, error in
            let result: Result<Fetched?, CataloguePullOutcome>
            if let http = response as? HTTPURLResponse {
                let header = { (name: String) in http.value(forHTTPHeaderField: name) }
                switch http.statusCode {
                case 304: result = .success(nil)
                case 200 where (data?.count ?? 0) > maxBytes:
                    result = .failure(
                        .failedCheck("the file is over the limit of \(maxBytes) bytes (--catalogue-max-bytes)"))
                case 200:
                    result = .success(
                        Fetched(body: data ?? Data(), signature: header("X-OneWindow-Signature"), etag: header("ETag")))
                default: result = .failure(.unreachable("the city answered HTTP \(http.statusCode)"))
                }
            } else {
                result = .failure(.unreachable(error.map { $0.localizedDescription } ?? "no answer"))
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + pull.timeoutSeconds + 2) == .timedOut {
            task.cancel()
        }
        return outcome.withLock { $0 }
    }

    /// One session per timeout: no cookies and no cache (a cache would answer the ETag itself).
    private static func session(timeout: Double) -> URLSession {
        sessions.withLock { sessions in
            if let session = sessions[timeout] { return session }
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout
            configuration.timeoutIntervalForResource = timeout
            configuration.httpCookieStorage = nil
            configuration.urlCache = nil
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            let session = URLSession(configuration: configuration)
            sessions[timeout] = session
            return session
        }
    }

    private static let sessions = Mutex<[Double: URLSession]>([:])
}
