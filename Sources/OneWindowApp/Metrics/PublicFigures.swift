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
    }

    let setting: Setting
    private let guides = Mutex<Guides?>(nil)

    init(setting: Setting) {
        self.setting = setting
    }

    /// The guide document of `id` with its 常见缺件提醒; nil for an unknown id.
    func guide(_ id: String, state: AppState) -> PreparedResponse? {
        let snapshot = state.catalogue
        let key = Key(catalogue: ObjectIdentifier(snapshot), day: state.queue.read(\.day))
        let now = state.clock()
        if let cached = guides.withLock({ cached in
            cached.flatMap { $0.key == key && now.timeIntervalSince($0.computedAt) < setting.seconds ? $0 : nil }
        }) {
            return cached.documents[id]
        }
        let missing = state.metrics.read {
            $0.commonlyMissing(catalogue: snapshot.published, today: key.day, setting: setting.commonlyMissing)
        }
        var documents: [String: PreparedResponse] = [:]
        for item in snapshot.published.services {
            let guide = ServiceGuide(item, in: snapshot.published, commonlyMissing: missing[item.id])
            documents[item.id] = CatalogueSnapshot.json(guide)
        }
        guides.withLock { $0 = Guides(key: key, computedAt: now, documents: documents) }
        return documents[id]
    }
}
