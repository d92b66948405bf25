import Foundation
import GRDB
import OneWindowCore

/// One successful load of services.json.
public struct CatalogueLoad: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "catalogue_load"
    /// GRDB's own date text, written by hand: its default goes through a `DateFormatter`,
    /// which paged ICU's code and data in at start-up for this one row.
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { Timestamp.sqlite($0) }
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .sqliteText }

    public var loadedAt: Date
    public var file: String
    /// The ETag of the file's bytes: equal versions, equal files.
    public var version: String
    public var serviceCount: Int

    enum CodingKeys: String, CodingKey {
        case loadedAt = "loaded_at"
        case file
        case version
        case serviceCount = "service_count"
    }

    public init(loadedAt: Date, file: String, version: String, serviceCount: Int) {
        self.loadedAt = loadedAt
        self.file = file
        self.version = version
        self.serviceCount = serviceCount
    }
}

extension Storage {
    public func recordCatalogueLoad(_ load: CatalogueLoad) throws {
        try writer.write { db in try load.insert(db) }
    }

    /// The most recent loads, newest first.
    public func catalogueLoads(limit: Int) throws -> [CatalogueLoad] {
        try writer.read { db in
            try CatalogueLoad.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}
