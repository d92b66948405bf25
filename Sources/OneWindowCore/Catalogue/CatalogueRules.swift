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

    /// A material id is `m` and a number without leading zero (`m1`, `m12`); short, since a
    /// clerk may type it when naming a missing material.
    static func isValidMaterialId(_ id: String) -> Bool {
        let digits = id.unicodeScalars.dropFirst()
        return id.unicodeScalars.first == "m" && (1...4).contains(digits.count) && digits.first != "0"
            && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
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
    }

    private static func checkHall(_ hall: Hall, log: IssueLog) {
        if TimeZone(identifier: hall.timeZone) == nil {
            log.report(.root.appending(key: "hall").appending(key: "timeZone"), "unknown time zone “\(hall.timeZone)”")
        }
    }

    private static func checkService(_ item: ServiceItem, at path: JSONPath, log: IssueLog) {
        if !isValidId(item.id) {
            log.report(
                path.appending(key: "id"),
                "“\(item.id)” is not a valid id: use 2–40 letters, digits and dashes, starting with a letter or digit")
        }
        if !isValidPrefix(item.queuePrefix) {
            log.report(
                path.appending(key: "queuePrefix"), "must be one capital letter A–Z, found “\(item.queuePrefix)”")
        }
        if item.timeLimit.promisedDays > item.timeLimit.statutoryDays {
            log.report(
                path.appending(key: "timeLimit").appending(key: "promisedDays"),
                "promised limit (\(item.timeLimit.promisedDays) days) exceeds the statutory limit "
                    + "(\(item.timeLimit.statutoryDays) days)")
        }
        checkMaterialIds(item.materials, at: path.appending(key: "materials"), log: log)
    }

    private static func checkMaterialIds(_ materials: [Material], at path: JSONPath, log: IssueLog) {
        var seen: [String: Int] = [:]
        for (index, material) in materials.enumerated() {
            let idPath = path.appending(index: index).appending(key: "id")
            if !isValidMaterialId(material.id) {
                log.report(idPath, "“\(material.id)” is not a valid material id: use m and a number, e.g. m1")
            } else if let first = seen[material.id] {
                log.report(idPath, "duplicate material id “\(material.id)”, already used by materials[\(first)]")
            } else {
                seen[material.id] = index
            }
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
        for (index, item) in catalogue.services.enumerated() where catalogue.windows(serving: item.id).isEmpty {
            log.report(
                JSONPath.root.appending(key: "services").appending(index: index),
                "no window serves “\(item.id)”: add it to a window or add a comprehensive window")
        }
    }
}
