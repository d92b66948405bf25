import Foundation

/// The checks that span fields and items: what a per-field reader cannot see.
enum CatalogueRules {
    /// Service ids appear in URLs, so they keep to letters, digits and dashes.
    static func isValidId(_ id: String) -> Bool {
        let scalars = id.unicodeScalars
        guard (2...40).contains(scalars.count), let first = scalars.first, isASCIIAlphanumeric(first) else {
            return false
        }
        return scalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "-" }
    }

    /// A queue prefix is one letter A–Z, printed before the ticket's number (A012).
    static func isValidPrefix(_ prefix: String) -> Bool {
        prefix.unicodeScalars.count == 1 && ("A"..."Z").contains(prefix.unicodeScalars.first!)
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    static func check(_ catalogue: Catalogue, log: IssueLog) {
        checkHall(catalogue.hall, log: log)
        var firstIndex: [String: Int] = [:]
        for (index, item) in catalogue.services.enumerated() {
            let path = JSONPath.root.appending(key: "services").appending(index: index)
            if let first = firstIndex[item.id] {
                log.report(path.appending(key: "id"), "duplicate id “\(item.id)”, already used by services[\(first)]")
            } else {
                firstIndex[item.id] = index
            }
            checkService(item, at: path, log: log)
        }
        checkWindows(catalogue, log: log)
        checkHallChannel(catalogue, log: log)
        checkReplaces(catalogue, log: log)
    }

    private static func checkHall(_ hall: Hall, log: IssueLog) {
        if !HallCalendar.knows(hall.timeZone) {
            log.report(.root.appending(key: "hall").appending(key: "timeZone"), "unknown time zone “\(hall.timeZone)”")
        }
    }

    private static func checkWindows(_ catalogue: Catalogue, log: IssueLog) {
        let windowsPath = JSONPath.root.appending(key: "hall").appending(key: "windows")
        var seenWindows: [String: Int] = [:]
        for (index, window) in catalogue.hall.windows.enumerated() {
            let path = windowsPath.appending(index: index)
            if let first = seenWindows[window.id] {
                log.report(
                    path.appending(key: "id"), "duplicate window id “\(window.id)”, already used by windows[\(first)]")
            } else {
                seenWindows[window.id] = index
            }
            switch window.kind {
            case .comprehensive where !window.services.isEmpty:
                log.report(
                    path.appending(key: "services"), "a comprehensive window takes every service: remove this list")
            case .specialised where window.services.isEmpty:
                log.report(path.appending(key: "services"), "a specialised window must list the services it takes")
            default:
                break
            }
            for (serviceIndex, serviceId) in window.services.enumerated() where catalogue.service(id: serviceId) == nil
            {
                log.report(
                    path.appending(key: "services").appending(index: serviceIndex), "unknown service “\(serviceId)”")
            }
        }
    }
}
