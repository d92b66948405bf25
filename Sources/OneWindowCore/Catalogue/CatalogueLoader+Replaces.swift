/// `replaces`: the ids a service or a material had before, so that a catalogue can rename one
/// while cases and tickets still name the old id (a reload that drops an id they name is
/// refused otherwise).
extension CatalogueLoader {
    /// The optional `replaces` list of ids; nil when absent or empty.
    static func readReplaces(_ reader: inout ObjectReader) -> [String]? {
        guard let ids = reader.strings("replaces"), !ids.isEmpty else { return nil }
        return ids
    }
}

extension CatalogueRules {
    /// A replaced id must be gone from the file (else two would answer to it), and replaced by
    /// one service (or, within a service, one material) only.
    static func checkReplaces(_ catalogue: Catalogue, log: IssueLog) {
        let ids = Set(catalogue.services.map(\.id))
        var replacedBy: [String: String] = [:]
        for (index, item) in catalogue.services.enumerated() {
            let path = JSONPath.root.appending(key: "services").appending(index: index)
            for old in item.replaces ?? [] {
                if ids.contains(old) {
                    log.report(path.appending(key: "replaces"), "“\(old)” is still a service of this file")
                } else if let other = replacedBy[old] {
                    log.report(path.appending(key: "replaces"), "“\(old)” is replaced by “\(other)” already")
                } else {
                    replacedBy[old] = item.id
                }
            }
            let materialIds = Set(item.materials.map(\.id))
            var materialReplacedBy: [String: String] = [:]
            for (materialIndex, material) in item.materials.enumerated() {
                let materialPath = path.appending(key: "materials").appending(index: materialIndex)
                for old in material.replaces ?? [] {
                    if materialIds.contains(old) {
                        log.report(
                            materialPath.appending(key: "replaces"), "“\(old)” is still a material of this service")
                    } else if let other = materialReplacedBy[old] {
                        log.report(
                            materialPath.appending(key: "replaces"), "“\(old)” is replaced by “\(other)” already")
                    } else {
                        materialReplacedBy[old] = material.id
                    }
                }
            }
        }
    }
}

extension Catalogue {
    /// The service that is `id` now: the one with that id, or the one that replaces it.
    public func service(replacing id: String) -> ServiceItem? {
        service(id: id) ?? services.first { $0.replaces?.contains(id) == true }
    }
}

extension ServiceItem {
    /// The material that is `id` now: the one with that id, or the one that replaces it.
    public func material(replacing id: String) -> Material? {
        materials.first { $0.id == id } ?? materials.first { $0.replaces?.contains(id) == true }
    }
}
