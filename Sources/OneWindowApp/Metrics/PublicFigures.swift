import Foundation
import OneWindowCore
import OneWindowHTTP
import Synchronization

/// What the public reads of the hall's own figures, computed from the one metrics fold and kept
/// encoded: the guide documents with their 常见缺件提醒. A cached answer is recomputed at most
/// every `seconds`, and at once when the hall day or the catalogue changes, so a busy page costs
/// a lock and a dictionary look-up, not a fold of 90 days.
final class PublicFigures: Sendable {
    struct Setting: Sendable {
        var commonlyMissing = CommonlyMissing.Setting()
        /// How old a cached answer may grow before it is computed again.
        var seconds: Double = 60
    }

    private struct Key: Equatable {
        var catalogue: ObjectIdentifier
        var day: String
    }

    private struct Guides {
        var key: Key
        var computedAt: Date
        var documents: [String: PreparedResponse]
        /// The guide pages in each mode, with the 常见缺件提醒 marks.
        var pages: [String: [PageMode: PreparedResponse]]
        var missing: [String: CommonlyMissing]
    }

    private struct Disclosed {
        var key: Key
        var computedAt: Date
        var json: PreparedResponse
        var pages: [PageMode: PreparedResponse]
    }

    let setting: Setting
    private let guides = Mutex<Guides?>(nil)
    private let disclosed = Mutex<Disclosed?>(nil)

    init(setting: Setting) {
        self.setting = setting
    }

    /// The guide document of `id` with its 常见缺件提醒; nil for an unknown id.
    func guide(_ id: String, state: AppState) -> PreparedResponse? {
        guides(state).documents[id]
    }

    /// The guide page of `id` in `mode`, its materials marked with 常见缺件提醒; nil for an unknown id.
    func guidePage(_ id: String, mode: PageMode, state: AppState) -> PreparedResponse? {
        guides(state).pages[id]?[mode]
    }

    /// The 常见缺件提醒 of service `id` as the guide shows it (for the booking page's checklist).
    func commonlyMissing(_ id: String, state: AppState) -> CommonlyMissing? {
        guides(state).missing[id]
    }

    /// The materials of service `id` that its 常见缺件提醒 marks, most often missed first, each
    /// with the mark the pages show; empty below the threshold.
    func missedMaterials(_ id: String, state: AppState) -> [(name: String, mark: String)] {
        let missing = guides(state).missing[id]
        guard let item = state.catalogue.published.service(id: id) else { return [] }
        return (missing?.materials ?? []).compactMap { entry in
            guard let material = item.materials.first(where: { $0.id == entry.materialId }),
                let mark = GuidePage.missedMark(entry.materialId, missing)
            else { return nil }
            return (material.name, mark)
        }
    }

    private func guides(_ state: AppState) -> Guides {
        let snapshot = state.catalogue
        let key = Key(catalogue: ObjectIdentifier(snapshot), day: state.queue.read(\.day))
        let now = state.clock()
        if let cached = guides.withLock({ cached in
            cached.flatMap { $0.key == key && now.timeIntervalSince($0.computedAt) < setting.seconds ? $0 : nil }
        }) {
            return cached
        }
        // 90 days back reach before the held days: those are read from the rollups (if they
        // cannot be, the marks go without them until the next computation, and the log says so:
        // a guide page is better shown with a day or two fewer than not at all).
        let window = setting.commonlyMissing
        let from = CommonlyMissing.firstDay(today: key.day, setting: window)
        let compute = { (book: MetricsBook) in
            book.commonlyMissing(catalogue: snapshot.published, today: key.day, setting: window)
        }
        let missing: [String: CommonlyMissing]
        do {
            missing = try state.metrics.read(from: from, to: key.day, compute)
        } catch {
            state.logger.warning(
                "cannot read the rollups before the held days; the guides' commonly missing marks leave them out",
                metadata: ["from": "\(from)", "error": "\(error)"])
            missing = state.metrics.read(compute)
        }
        var documents: [String: PreparedResponse] = [:]
        var pages: [String: [PageMode: PreparedResponse]] = [:]
        for item in snapshot.published.services {
            let guide = ServiceGuide(item, in: snapshot.published, commonlyMissing: missing[item.id])
            documents[item.id] = CatalogueSnapshot.json(guide)
            // Without a mark to show, the snapshot's page is the same page: no need to render it again.
            pages[item.id] =
                missing[item.id]?.materials.isEmpty == false
                ? CatalogueSnapshot.html {
                    GuidePage.render(
                        item: item, catalogue: snapshot.published, mode: $0, commonlyMissing: missing[item.id])
                } : snapshot.guidePages[item.id]
        }
        let computed = Guides(
            key: key, computedAt: stamp(now, state), documents: documents, pages: pages, missing: missing)
        guides.withLock { $0 = computed }
        return computed
    }

    /// The disclosure as JSON and as a page in each mode, computed at most every `seconds`. Its
    /// bad reviews are counted from the stored evaluations of this year (the book keeps only the
    /// open ones); when they cannot be read, 503 `storage_unavailable`.
    func disclosure(state: AppState) throws(HTTPError) -> (json: PreparedResponse, pages: [PageMode: PreparedResponse])
    {
        let snapshot = state.catalogue
        let key = Key(catalogue: ObjectIdentifier(snapshot), day: state.queue.read(\.day))
        let now = state.clock()
        if let cached = disclosed.withLock({ cached in
            cached.flatMap { $0.key == key && now.timeIntervalSince($0.computedAt) < setting.seconds ? $0 : nil }
        }) {
            return (cached.json, cached.pages)
        }
        let calendar = HallCalendar(timeZone: snapshot.published.hall.timeZone)
        let badReviews: [String: BadReviewCounts]
        do {
            badReviews = try state.storage.badReviewCountsByDay(
                since: "\(key.day.prefix(4))-01-01", today: key.day, dayEnd: calendar.end(ofDay:))
        } catch {
            throw HTTPError(
                .storageUnavailable, "the bad reviews cannot be read; try again", headers: ["Retry-After": "1"])
        }
        let disclosure = state.metrics.read {
            $0.disclosure(catalogue: snapshot.published, today: key.day, badReviews: badReviews)
        }
        let json = CatalogueSnapshot.json(disclosure)
        let pages = CatalogueSnapshot.html { mode in
            DisclosurePage.render(disclosure, hall: snapshot.published.hall, mode: mode)
        }
        disclosed.withLock { $0 = Disclosed(key: key, computedAt: stamp(now, state), json: json, pages: pages) }
        return (json, pages)
    }

    /// When an answer counts as computed: while the fold is still reading the stored log at
    /// start-up, never, so the next request computes again instead of keeping a partial count.
    private func stamp(_ now: Date, _ state: AppState) -> Date {
        state.metrics.isLoaded ? now : .distantPast
    }
}
