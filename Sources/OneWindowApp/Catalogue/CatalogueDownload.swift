import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One GET of the city's catalogue, read with a cap: an answer whose `Content-Length` is over
/// `--catalogue-max-bytes`, or whose bytes grow past it, is cut off there, so a city (or
/// whoever stands between) cannot fill the hall's memory. The completion-handler API would
/// read the whole body first.
///
/// `@unchecked Sendable`: URLSession calls the delegate on its own queue; every field it
/// changes is in `state`, under its lock.
final class CatalogueDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Answer: Sendable {
        var status: Int?
        var signature: String?
        var etag: String?
        var body = Data()
        var tooLarge = false
        var failure: String?
    }

    private let maxBytes: Int
    private let state = Mutex(Answer())
    private let done = DispatchSemaphore(value: 0)

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Sends `request` and waits for its end, at most `seconds`; nil when it did not end in time.
    func run(_ request: URLRequest, configuration: URLSessionConfiguration, seconds: Double) -> Answer? {
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        session.dataTask(with: request).resume()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return state.withLock { $0 }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        let tooLarge = response.expectedContentLength > Int64(maxBytes)
        state.withLock {
            $0.status = http?.statusCode
            $0.signature = http?.value(forHTTPHeaderField: "X-OneWindow-Signature")
            $0.etag = http?.value(forHTTPHeaderField: "ETag")
            $0.tooLarge = tooLarge
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = state.withLock { answer -> Bool in
            answer.body.append(data)
            if answer.body.count > maxBytes { answer.tooLarge = true }
            return answer.tooLarge
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        state.withLock { $0.failure = error.map { $0.localizedDescription } }
        done.signal()
    }
}
