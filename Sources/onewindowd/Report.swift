import ArgumentParser
import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowStorage

extension ReportFormat: ExpressibleByArgument {}

/// `onewindowd report --from D --to D [--serviceId S] [--format text|csv|json]`: the metrics
/// computed from the database's event log, read-only, with the numbers of `GET /api/v1/metrics`.
/// `--compare A..B C..D` prints each service's first-visit rates in two ranges side by side.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the hall's metrics for a range of hall days, from the database's event log.",
        discussion: """
            Opens the database read-only (safe while the daemon runs: WAL mode) and folds its whole \
            event log, as the daemon does at start-up, so the numbers equal GET /api/v1/metrics. \
            text is a table for a terminal; csv is the daily report's table for the range (UTF-8 with \
            a BOM, for Excel); json is exactly the API's answer. Overdue bad reviews are judged on \
            today's hall day. --compare 2026-11-01..2026-11-30 2026-12-01..2026-12-31 prints, per \
            service, the first-visit resolution rate and the cohort one-visit rate before and after \
            (for instance a change to its guide), instead of --from and --to.
            """
    )

    @Option(help: "The first hall day, yyyy-MM-dd.")
    var from: String?

    @Option(help: "The last hall day, yyyy-MM-dd (inclusive; at most 366 days after --from).")
    var to: String?

    @Option(
        parsing: .upToNextOption,
        help: "Two ranges FROM..TO to set side by side (before, after), instead of --from and --to.")
    var compare: [String] = []

    @Option(name: .customLong("serviceId"), help: "Only this service item (its id in services.json).")
    var serviceId: String?

    @Option(help: "text, csv or json.")
    var format: ReportFormat = .text

    @Option(help: "The catalogue, for service and material names (env ONEWINDOW_CATALOGUE; default services.json).")
    var catalogue: String?

    @Option(
        help: ArgumentHelp(
            "The hall day on which overdue bad reviews are judged (default: today).", visibility: .hidden))
    var today: String?

    @OptionGroup var database: Token.DatabaseOptions

    func validate() throws {
        _ = try ranges()
    }

    /// The ranges asked for: one from --from and --to, or the two of --compare.
    func ranges() throws -> [(from: String, to: String)] {
        let ranges: [(from: String, to: String, name: String)]
        if compare.isEmpty {
            guard let from else { throw ValidationError("Missing expected argument '--from <from>' (or --compare)") }
            guard let to else { throw ValidationError("Missing expected argument '--to <to>' (or --compare)") }
            ranges = [(from, to, "--from")]
        } else {
            guard from == nil, to == nil else {
                throw ValidationError("--compare takes its ranges instead of --from and --to")
            }
            guard compare.count == 2 else {
                throw ValidationError(
                    "--compare needs two ranges, before and after, e.g. 2026-11-01..2026-11-30 2026-12-01..2026-12-31")
            }
            ranges = try compare.map { text in
                let parts = text.components(separatedBy: "..")
                guard parts.count == 2 else { throw ValidationError("--compare range “\(text)” is not FROM..TO") }
                return (parts[0], parts[1], "--compare \(text):")
            }
        }
        for (from, to, name) in ranges {
            for (field, value) in [
                (name == "--from" ? "--from" : "\(name) from", from), (name == "--from" ? "--to" : "\(name) to", to),
                ("--today", today ?? from),
            ] {
                guard value.utf8.count == 10, let date = WorkingDays.date(value), WorkingDays.text(date) == value else {
                    throw ValidationError("\(field) must be a date written yyyy-MM-dd, found “\(value)”")
                }
            }
            guard from <= to else {
                throw ValidationError(
                    name == "--from" ? "--from (\(from)) is after --to (\(to))" : "\(name) \(from) is after \(to)")
            }
            let span = WorkingDays.date(to)!.timeIntervalSince(WorkingDays.date(from)!) / 86_400
            guard span < 366 else { throw ValidationError("the range is longer than 366 days") }
        }
        return ranges.map { ($0.from, $0.to) }
    }

    func run() throws {
        let cataloguePath = catalogue ?? Environment.value("ONEWINDOW_CATALOGUE") ?? AppConfiguration().cataloguePath
        let published: Catalogue
        do {
            published = try CatalogueSource.load(path: cataloguePath).published
        } catch {
            throw failure(error.description)
        }
        if let serviceId, published.service(id: serviceId) == nil {
            throw failure("\(cataloguePath): no service item with id “\(serviceId)”")
        }
        let book: MetricsBook
        let storage: Storage
        let calendar = HallCalendar(timeZone: published.hall.timeZone)
        do {
            storage = try Storage.openReadOnly(path: database.path)
            book = try MetricsBook.read(from: storage)
        } catch {
            throw failure("cannot read the database \(database.path): \(error)")
        }
        let today = self.today ?? calendar.day(of: Date())
        let plan = HallQueue.slotPlan(published, calendar: calendar)
        let reports = try ranges().map { range in
            // A range of an older month needs stored days the book does not hold.
            let held: MetricsBook
            do {
                held = try book.holdingDays(from: range.from, to: range.to, storage: storage)
            } catch {
                throw failure("cannot read the metrics rollups from \(database.path): \(error)")
            }
            var report = held.report(
                from: range.from, to: range.to, serviceId: serviceId, catalogue: published, today: today)
            do {
                try plan.map { try report.setBookings(from: storage, plan: $0, catalogue: published, at: Date()) }
            } catch {
                throw failure("cannot read the bookings from \(database.path): \(error)")
            }
            return report
        }
        if reports.count == 2 {
            FileHandle.standardOutput.write(Data(MetricsComparison(before: reports[0], after: reports[1]).text().utf8))
        } else {
            FileHandle.standardOutput.write(reports[0].rendered(as: format))
        }
    }
}

/// Prints `message` as `onewindowd report: …` on standard error; the command exits 1.
private func failure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("onewindowd report: \(message)\n".utf8))
    return .failure
}
