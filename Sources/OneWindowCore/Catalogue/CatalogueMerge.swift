import Foundation

/// The city's base catalogue with one hall's overrides: the `services.json` that hall serves.
///
/// The city edits guides once, in the base; a hall differs only where it stands and how it is
/// staffed. So an overrides file may set the hall's `name`, `nameEn`, `address`, `hours` and
/// `windows` (each replaces the base's), and per service its `place` and `hours` (replaced) and
/// `phones` (merged by kind, so a hall can change its consultation line and keep 12345 for
/// complaints). Anything else is refused, naming the path: an override of a material or a
/// time limit would make one hall's guide differ from the city's without anyone seeing it.
///
/// ```json
/// {"hall": {"name": "甘井子区政务服务大厅", "address": "…", "windows": […]},
///  "services": {"MZ-HY-001": {"place": "二楼", "phones": {"consultation": "0411-…"}}}}
/// ```
public enum CatalogueMerge {
    /// The hall keys an overrides file may set; each replaces the base's value.
    public static let hallKeys: Set<String> = ["name", "nameEn", "address", "hours", "windows"]
    /// The service keys an overrides file may set: `place` and `hours` replace, `phones` merges.
    public static let serviceKeys: Set<String> = ["place", "hours", "phones"]

    /// The merged catalogue's bytes (keys sorted, so equal inputs give equal bytes and equal
    /// ETags), after the same checks as `onewindowd check`.
    /// - Throws: `CatalogueError` naming `overridesFile` for a bad overrides file, or both files
    ///   for a merged catalogue that does not pass the checks (a window naming a service the
    ///   base does not have, say).
    public static func merge(base: Data, overrides: Data, baseFile: String, overridesFile: String)
        throws(CatalogueError) -> Data
    {
        let baseDocument = try decode(base, file: baseFile)
        let overridesDocument = try decode(overrides, file: overridesFile)
        let log = IssueLog()
        let merged = apply(overridesDocument, to: baseDocument, log: log)
        guard log.issues.isEmpty, let merged else { throw CatalogueError(file: overridesFile, issues: log.issues) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(merged)
        } catch {
            throw CatalogueError(
                file: overridesFile, issues: [CatalogueIssue(path: "", reason: "cannot encode the merge: \(error)")])
        }
        _ = try CatalogueLoader.load(data, file: "\(baseFile) with \(overridesFile)")
        return data
    }

    private static func decode(_ data: Data, file: String) throws(CatalogueError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw CatalogueError(file: file, issues: [CatalogueIssue(path: "", reason: "not valid JSON")])
        }
    }

    static func apply(_ overrides: JSONValue, to base: JSONValue, log: IssueLog) -> JSONValue? {
        guard case .object(var document) = base else {
            log.report(.root, "the base catalogue must be an object, found \(base.typeName)")
            return nil
        }
        guard case .object(let changes) = overrides else {
            log.report(.root, "must be an object with “hall” and “services”, found \(overrides.typeName)")
            return nil
        }
        for key in changes.keys.sorted() where key != "hall" && key != "services" {
            log.report(JSONPath.root.appending(key: key), "is not something a hall may override (only hall, services)")
        }
        if let hall = changes["hall"] {
            document["hall"] = replacing(
                in: document["hall"], with: hall, allowed: hallKeys, at: .root.appending(key: "hall"), log: log)
        }
        if let services = changes["services"] {
            document["services"] = applyServices(services, to: document["services"], log: log)
        }
        return .object(document)
    }

    /// The base object with the allowed keys of `change` replacing its own.
    private static func replacing(
        in base: JSONValue?, with change: JSONValue, allowed: Set<String>, at path: JSONPath, log: IssueLog,
        merging: Set<String> = []
    ) -> JSONValue? {
        guard case .object(let values) = change else {
            log.report(path, "must be an object, found \(change.typeName)")
            return base
        }
        guard case .object(var object) = base else {
            log.report(path, "the base catalogue has no object here to override")
            return base
        }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            guard allowed.contains(key) else {
                log.report(
                    path.appending(key: key),
                    "is not something a hall may override (only \(allowed.sorted().joined(separator: ", ")))")
                continue
            }
            if merging.contains(key), case .object(let parts) = value, case .object(var old)? = object[key] {
                for (part, text) in parts { old[part] = text }
                object[key] = .object(old)
            } else {
                object[key] = value
            }
        }
        return .object(object)
    }

    private static func applyServices(_ change: JSONValue, to base: JSONValue?, log: IssueLog) -> JSONValue? {
        let path = JSONPath.root.appending(key: "services")
        guard case .object(let byId) = change else {
            log.report(path, "must be an object of overrides by service id, found \(change.typeName)")
            return base
        }
        guard case .array(var services) = base else {
            log.report(path, "the base catalogue has no list of services")
            return base
        }
        var index: [String: Int] = [:]
        for (position, service) in services.enumerated() {
            if case .object(let fields) = service, case .string(let id)? = fields["id"], index[id] == nil {
                index[id] = position
            }
        }
        for (id, override) in byId.sorted(by: { $0.key < $1.key }) {
            let at = path.appending(key: id)
            guard let position = index[id] else {
                log.report(at, "no service has this id in the base catalogue")
                continue
            }
            if let merged = replacing(
                in: services[position], with: override, allowed: serviceKeys, at: at, log: log, merging: ["phones"])
            {
                services[position] = merged
            }
        }
        return .array(services)
    }
}
