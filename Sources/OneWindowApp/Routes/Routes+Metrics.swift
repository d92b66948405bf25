import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// The manager's numbers: `GET /api/v1/metrics?from=&to=[&serviceId=]`.
    static func metrics(_ state: AppState) -> [Route] {
        [
            // Deferred: asked while the figures load after a start, it is answered when they are
            // loaded (or 503 `metrics_loading` after `metricsLoadingWait`), and no worker waits.
            Route("GET", "/api/v1/metrics", access: .clerk, query: ["from", "to", "serviceId"]) {
                request, responder in
                let range = try dayRange(request)
                let serviceId = try textParameter(request, "serviceId")
                let catalogue = state.catalogue.published
                if let serviceId, catalogue.service(id: serviceId) == nil {
                    throw HTTPError(.serviceNotFound, "no service item with id “\(serviceId)”")
                }
                state.metrics.whenLoaded(deadline: Date().addingTimeInterval(metricsLoadingWait)) { loaded in
                    guard loaded else { return responder.fail(metricsLoading) }
                    responder.send {
                        let today = state.queue.read(\.day)
                        do throws(HTTPError) {
                            var report = try metricsBook(state, from: range.from, to: range.to) {
                                $0.report(
                                    from: range.from, to: range.to, serviceId: serviceId, catalogue: catalogue,
                                    today: today)
                            }
                            try setBookings(&report, state, catalogue: catalogue)
                            return .json(report, headers: ["Cache-Control": "no-store"])
                        } catch {
                            return .error(error)
                        }
                    }
                }
            }
        ]
    }

    /// `body` on the metrics book holding what a question over `from`…`to` needs (an older
    /// month's days are read from the rollups, `MetricsService.read(from:to:)`).
    static func metricsBook<T>(_ state: AppState, from: String, to: String, _ body: (MetricsBook) -> T)
        throws(HTTPError) -> T
    {
        do {
            return try state.metrics.read(from: from, to: to, body)
        } catch {
            throw HTTPError(
                .storageUnavailable, "the stored metrics cannot be read; try again", headers: ["Retry-After": "1"])
        }
    }

    /// Sets the report's booking figures (hall and per service) from the stored bookings; left
    /// null when the hall takes no appointments.
    static func setBookings(_ report: inout MetricsReport, _ state: AppState, catalogue: Catalogue)
        throws(HTTPError)
    {
        guard let plan = state.queue.read({ $0.bookings?.plan }) else { return }
        do {
            try report.setBookings(from: state.storage, plan: plan, catalogue: catalogue, at: state.clock())
        } catch {
            throw HTTPError(
                .storageUnavailable, "the bookings cannot be read; try again", headers: ["Retry-After": "1"])
        }
    }

    /// How long a metrics request waits, suspended, for the figures to load after a start.
    static let metricsLoadingWait: TimeInterval = 5

    /// The answer while the figures are still loading after a start.
    static var metricsLoading: HTTPError {
        HTTPError(
            .metricsLoading, "the metrics are still being read from the event log; try again shortly",
            headers: ["Retry-After": "2"])
    }

    /// `from` and `to`: hall days written yyyy-MM-dd, `from` not after `to`, at most 366 days.
    static func dayRange(_ request: Request) throws(HTTPError) -> (from: String, to: String) {
        let from = try hallDay(request, "from")
        let to = try hallDay(request, "to")
        guard from <= to else { throw HTTPError(.invalidParameter, "from (\(from)) is after to (\(to))") }
        let span = WorkingDays.date(to)!.timeIntervalSince(WorkingDays.date(from)!) / 86_400
        guard span < 366 else { throw HTTPError(.invalidParameter, "the range is longer than 366 days") }
        return (from, to)
    }
}

extension HTTPError.Code {
    /// The metrics are still being computed from the event log after a start.
    public static let metricsLoading = HTTPError.Code(name: "metrics_loading", status: 503)
}
