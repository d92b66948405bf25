import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// The hall manager's spreadsheet: `GET /api/v1/reports/daily.csv?date=` (admin).
    static func reports(_ state: AppState) -> [Route] {
        [
            // Deferred, as `/api/v1/metrics` is: asked while the figures load after a start, it is
            // answered once they are (or 503 `metrics_loading` after `metricsLoadingWait`).
            Route("GET", "/api/v1/reports/daily.csv", access: .admin, query: ["date"]) { request, responder in
                let date = try hallDay(request, "date")
                state.metrics.whenLoaded(deadline: Date().addingTimeInterval(metricsLoadingWait)) { loaded in
                    guard loaded else { return responder.fail(metricsLoading) }
                    responder.send {
                        do throws(HTTPError) {
                            return try dailyCSV(state, date: date)
                        } catch {
                            return .error(error)
                        }
                    }
                }
            }
        ]
    }

    /// The daily CSV of `date`, as a download named after the day.
    static func dailyCSV(_ state: AppState, date: String) throws(HTTPError) -> Response {
        let report = try metricsReport(state, from: date, to: date)
        let name = "onewindow-daily-\(date).csv"
        let chinese = HTML.urlComponent("一窗通日报-\(date).csv")
        return Response(
            status: 200,
            headers: [
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"\(name)\"; filename*=UTF-8''\(chinese)",
                "Cache-Control": "no-store",
            ],
            body: MetricsTable(report).csv())
    }

    /// The metrics of the range for the whole hall, bookings included, once the event log has been read: until
    /// then (under a second after a start) 503 `metrics_loading` at once, so no worker waits (the
    /// API's routes wait for the load, suspended, before they get here; the manager's pages do not).
    static func metricsReport(_ state: AppState, from: String, to: String) throws(HTTPError) -> MetricsReport {
        guard state.metrics.isLoaded else { throw metricsLoading }
        let catalogue = state.catalogue.published
        let today = state.queue.read(\.day)
        var report = try metricsBook(state, from: from, to: to) {
            $0.report(from: from, to: to, serviceId: nil, catalogue: catalogue, today: today)
        }
        try setBookings(&report, state, catalogue: catalogue)
        return report
    }

    /// A required hall day parameter, written yyyy-MM-dd.
    static func hallDay(_ request: Request, _ name: String) throws(HTTPError) -> String {
        guard let text = try request.queryValue(name) else {
            throw HTTPError(.invalidParameter, "query parameter “\(name)” (a date, yyyy-MM-dd) is required")
        }
        guard text.utf8.count == 10, let date = WorkingDays.date(text), WorkingDays.text(date) == text else {
            throw HTTPError(.invalidParameter, "query parameter “\(name)” must be a date written yyyy-MM-dd")
        }
        return text
    }
}
