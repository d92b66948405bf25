import CoreMetrics
import Foundation
import OneWindowHTTP
import Synchronization

/// HTTP requests by route pattern (never the raw path, so the series stay few), method and
/// status, with a latency histogram by route and method. Told of each answered request by the
/// HTTP server's request observer, on the worker thread that answered it.
///
/// Cheap on the hot path: the metric objects are made once per (method, route, status) and
/// kept; a request costs one dictionary look-up under a lock, an atomic increment and a
/// histogram record. Unknown methods count as `OTHER`, so a client cannot create series.
public final class PrometheusRequestFigures: Sendable {
    private struct Key: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private struct Series {
        var requests: CoreMetrics.Counter
        var latency: CoreMetrics.Timer
    }

    private let exporter: PrometheusExporter
    private let series = Mutex<[Key: Series]>([:])

    static let requests = PrometheusExporter.Name(
        name: "http_requests", unit: "total", help: "HTTP requests answered, by route pattern, method and status.")
    static let latency = PrometheusExporter.Name(
        name: "http_request_duration", unit: "seconds",
        help: "From the request line to the end of the answer, by route pattern and method.")
    static let buckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]
    private static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    public init(exporter: PrometheusExporter) {
        self.exporter = exporter
    }

    /// The HTTP server's request observer. A request that ended without an answer (status 0)
    /// is not counted.
    public func observe(_ request: RequestRecord) {
        guard request.status > 0 else { return }
        let key = Key(
            method: Self.methods.contains(request.method) ? request.method : "OTHER",
            route: request.route == "-" ? "unmatched" : request.route, status: request.status)
        let found = series.withLock { all in
            if let existing = all[key] { return existing }
            let labels = [("route", key.route), ("method", key.method)]
            let made = Series(
                requests: exporter.counter(Self.requests, labels + [("status", String(key.status))]),
                latency: exporter.timer(Self.latency, labels, buckets: Self.buckets))
            all[key] = made
            return made
        }
        found.requests.increment()
        found.latency.recordNanoseconds(Int64(request.microseconds) * 1000)
    }
}
