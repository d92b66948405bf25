import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowHTTP
import Synchronization

/// The catalogues the city serves its halls: one base `services.json` and, per hall, an
/// overrides file `<folder>/<hallId>.json`, merged (`CatalogueMerge`) and signed with the
/// city's key (`SignedCatalogue`).
///
/// Files, not PostgreSQL: the city's editors keep the base and the overrides under version
/// control and deploy the same folder to every service behind the load balancer, so the
/// services stay stateless. A hall needs an overrides file (`{}` when it differs in nothing):
/// a hall id without one is 404, so a typo never gets the base's windows. A merge is kept
/// until either file's bytes change, so a hall's pull every few minutes costs two file reads
/// and a 304.
public final class CityCatalogues: Sendable {
    public let baseFile: String
    public let overridesFolder: String
    private let key: CatalogueSigningKey
    private let merged = Mutex<[String: Entry]>([:])

    private struct Entry: Sendable {
        let base: Data
        let overrides: Data
        let signed: SignedCatalogue
    }

    /// - Throws: if the key file cannot be read or is not an Ed25519 private key in PEM.
    public init(baseFile: String, overridesFolder: String, keyFile: String) throws {
        self.baseFile = baseFile
        self.overridesFolder = overridesFolder
        let pem = try String(contentsOfFile: keyFile, encoding: .utf8)
        key = try CatalogueSigningKey(pem: pem)
    }

    /// Hall `hallId`'s merged, signed catalogue.
    func signed(hallId: String) throws(HTTPError) -> SignedCatalogue {
        guard HallId.isValid(hallId) else { throw HTTPError(.hallNotFound, "“\(hallId)” is not a hall id") }
        let path = (overridesFolder as NSString).appendingPathComponent("\(hallId).json")
        guard let overrides = FileManager.default.contents(atPath: path) else {
            throw HTTPError(.hallNotFound, "the city has no catalogue overrides for hall “\(hallId)”")
        }
        guard let base = FileManager.default.contents(atPath: baseFile) else {
            throw HTTPError(.catalogueUnavailable, "the city's base catalogue cannot be read")
        }
        if let entry = merged.withLock({ $0[hallId] }), entry.base == base, entry.overrides == overrides {
            return entry.signed
        }
        let signed: SignedCatalogue
        do {
            signed = try SignedCatalogue(base: base, overrides: overrides, hall: hallId, key: key)
        } catch {
            // The editors' mistake, not the hall's: the hall keeps its last good catalogue.
            throw HTTPError(.catalogueUnavailable, "hall “\(hallId)”'s catalogue cannot be merged: \(error)")
        }
        merged.withLock { $0[hallId] = Entry(base: base, overrides: overrides, signed: signed) }
        return signed
    }
}

extension HTTPError.Code {
    /// The city cannot serve a hall's catalogue (its files cannot be read or merged): the hall
    /// keeps its last good one and tries again at its next pull.
    public static let catalogueUnavailable = HTTPError.Code(name: "catalogue_unavailable", status: 503)
}
