import Foundation
import OneWindowCore
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension CitySender {
    struct Failure: Error {
        let message: String
    }

    /// POSTs `batch`; the city's answer, or why there is none. `stop` cancels it.
    func post(_ batch: CityEventBatch) -> Result<CityAck, Failure> {
        var request = URLRequest(url: export.eventsURL, timeoutInterval: export.timeoutSeconds)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(export.token)", forHTTPHeaderField: "Authorization")
        do {
            request.httpBody = try JSONEncoder().encode(batch)
        } catch {
            return .failure(Failure(message: "cannot encode the batch: \(error)"))
        }
        let outcome = Mutex<Result<CityAck, Failure>>(
            .failure(Failure(message: "no answer within \(export.timeoutSeconds) s")))
        let done = DispatchSemaphore(value: 0)
        let city = export.url.absoluteString
        let task = Self.session.dataTask(with: request) { data, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode
            let result: Result<CityAck, Failure>
            if status == 200, let data, let ack = try? JSONDecoder().decode(CityAck.self, from: data) {
                result = .success(ack)
            } else if let status {
                let body = data.map { String(decoding: $0.prefix(300), as: UTF8.self) } ?? ""
                result = .failure(Failure(message: "HTTP \(status) \(body)\(Self.hint(status: status, body: body))"))
            } else {
                let cause = error.map { "\($0.localizedDescription)" } ?? "no answer"
                result = .failure(
                    Failure(
                        message: "cannot reach the city at \(city): \(cause); check --city-url "
                            + "and that the city service runs"))
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        inFlight.withLock { $0 = task }
        defer { inFlight.withLock { $0 = nil } }
        if stopping.load(ordering: .relaxed) { return .failure(Failure(message: "stopping")) }
        task.resume()
        if done.wait(timeout: .now() + export.timeoutSeconds + 2) == .timedOut {
            task.cancel()
            return .failure(Failure(message: "no answer within \(export.timeoutSeconds) s"))
        }
        return outcome.withLock { $0 }
    }

    /// What an operator should check when the city refuses: the hall's own settings are the
    /// usual cause (a `--city-url` with a path, a token file of another hall, a typo in `--hall-id`).
    static func hint(status: Int, body: String) -> String {
        switch status {
        case 404 where body.contains("route_not_found") || !body.hasPrefix("{"):
            "; no such route at the city: --city-url must be the city service's own address "
                + "(e.g. https://city.example, without /api/v1), not a hall's"
        case 401:
            "; the city does not know this token: --city-token-file must hold what `onewindow-city hall-add` "
                + "(or `hall-token`) printed for this hall"
        case 403 where body.contains("wrong_hall"):
            "; --hall-id must be the id this hall's token was made for at the city"
        case 409 where body.contains("sequence_conflict"):
            "; nothing more is sent until the city's operator runs `onewindow-city hall-reset` for this hall "
                + "(then it sends its whole log again), or this hall's newest database is restored"
        default: ""
        }
    }

    /// No cookies, no cache: nothing is kept between batches.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        return URLSession(configuration: configuration)
    }()
}
