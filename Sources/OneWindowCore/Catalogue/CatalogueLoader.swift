import Foundation

/// Turns the bytes of a `services.json` into a checked `Catalogue`, or into every reason it
/// cannot be one. The file format is described by `services.schema.json` at the repo root.
public enum CatalogueLoader {
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the file's name as the user gave it, used in error messages.
    public static func load(_ data: Data, file: String) throws(CatalogueError) -> Catalogue {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw CatalogueError(
                file: file, issues: [CatalogueIssue(path: "", reason: "not valid JSON: \(describe(error))")])
        }
        let log = IssueLog()
        let catalogue = read(document, log: log)
        if let catalogue { CatalogueRules.check(catalogue, log: log) }
        guard let catalogue, log.issues.isEmpty else {
            throw CatalogueError(file: file, issues: log.issues)
        }
        return catalogue
    }

    private static func describe(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return "\(error)" }
        let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return underlying ?? context.debugDescription
    }

    static func read(_ document: JSONValue, log: IssueLog) -> Catalogue? {
        guard var root = ObjectReader(document, at: .root, log: log) else { return nil }
        let hall = root.object("hall", readHall)
        let services = root.array("services", minimum: 1) { value, path -> ServiceItem? in
            guard var reader = ObjectReader(value, at: path, log: log) else { return nil }
            var item = readService(&reader)
            let replaces = readReplaces(&reader)
            item?.replaces = replaces
            reader.finish()
            return item
        }
        root.finish()
        guard let hall, let services else { return nil }
        return Catalogue(hall: hall, services: services)
    }

    private static func readHall(_ reader: inout ObjectReader) -> Hall? {
        let log = reader.log
        let name = reader.string("name")
        let nameEn = reader.string("nameEn", required: false)
        let timeZone = reader.string("timeZone")
        let address = reader.string("address")
        let hours = reader.string("hours")
        let windows = reader.array("windows", minimum: 1) { value, path -> Window? in
            guard var window = ObjectReader(value, at: path, log: log) else { return nil }
            defer { window.finish() }
            let id = window.string("id")
            let name = window.string("name")
            let kind = window.string("kind").flatMap { text -> Window.Kind? in
                guard let kind = Window.Kind(rawValue: text) else {
                    log.report(path.appending(key: "kind"), "must be “comprehensive” or “specialised”, found “\(text)”")
                    return nil
                }
                return kind
            }
            let services = window.strings("services")
            guard let id, let name, let kind, let services else { return nil }
            return Window(id: id, name: name, kind: kind, services: services)
        }
        let holidays = readDays(&reader, "holidays")
        let workdays = readDays(&reader, "workdays")
        let present = reader.raw("appointments").map { $0 != .null } ?? false
        let appointments = reader.object("appointments", required: false, readAppointments)
        if present && appointments == nil { return nil }
        guard let name, let timeZone, let address, let hours, let windows, let holidays, let workdays else {
            return nil
        }
        return Hall(
            name: name, nameEn: nameEn, timeZone: timeZone, address: address, hours: hours, windows: windows,
            holidays: holidays, workdays: workdays, appointments: appointments)
    }

    /// An optional list of dates, each `yyyy-MM-dd` and a real day.
    private static func readDays(_ reader: inout ObjectReader, _ key: String) -> [String]? {
        let log = reader.log
        return reader.array(key) { value, path -> String? in
            guard case .string(let text) = value, text.utf8.count == 10, WorkingDays.date(text) != nil,
                WorkingDays.text(WorkingDays.date(text)!) == text
            else {
                log.report(path, "must be a date written yyyy-MM-dd, found \(value.typeName)")
                return nil
            }
            return text
        }
    }
}
