import OneWindowCore
import OneWindowStorage

extension MetricsBook {
    /// A book of the whole stored event log, read in pages, as the daemon reads it at start-up:
    /// what `onewindowd report` prints, with the same numbers as the API.
    public static func read(from storage: Storage, pageSize: Int = Storage.eventPageSize) throws -> MetricsBook {
        var book = MetricsBook()
        while true {
            let page = try storage.queueEvents(after: book.lastEventId, limit: pageSize)
            guard !page.isEmpty else { return book }
            for stored in page { book.apply(id: stored.id, stored.event) }
        }
    }
}
