/// The checks that hold the channels against the rest of the guide and the hall's windows,
/// so a guide never says two things about where to go or how many trips.
extension CatalogueRules {
    /// Words that state a promise of trips; the promise lives only in `channels`.
    static let tripWords = ["跑动", "跑一次", "跑两次", "最多跑", "跑腿"]

    static func checkChannels(_ item: ServiceItem, at path: JSONPath, log: IssueLog) {
        let channels = path.appending(key: "channels")
        if item.online.available != (item.channels.online != nil) {
            log.report(
                channels,
                item.online.available
                    ? "online.available is true but there is no online channel: add \"online\" to channels"
                    : "there is an online channel but online.available is false: make them agree")
        }
        // Only a place without a hall channel can contradict: any address may be the hall's.
        if !item.receivedInHall, PublicText.clean(item.place)?.contains("大厅") == true {
            log.report(
                path.appending(key: "place"),
                "names the hall, but the hall does not receive this service (no channels.hall): send the applicant "
                    + "where the channels say")
        }
        // A place still wholly a placeholder says nothing yet, so it cannot contradict.
        if let office = item.channels.office, let place = PublicText.clean(item.place),
            !place.contains(PublicText.clean(office.place) ?? office.place)
        {
            log.report(
                path.appending(key: "place"), "must name the office the channels give: “\(office.place)”")
        }
        for (text, textPath) in guideTexts(item, at: path) where tripWords.contains(where: text.contains) {
            log.report(
                textPath, "states a promise of trips; the promise is said once, in channels: remove it from this text")
        }
    }

    /// The guide's free texts with their paths: where a second, different promise could hide.
    private static func guideTexts(_ item: ServiceItem, at path: JSONPath) -> [(String, JSONPath)] {
        var texts: [(String, JSONPath)] = [(item.place, path.appending(key: "place"))]
        if let note = item.online.note { texts.append((note, path.appending(key: "online").appending(key: "note"))) }
        for (index, condition) in item.conditions.enumerated() {
            texts.append((condition, path.appending(key: "conditions").appending(index: index)))
        }
        for (index, step) in item.steps.enumerated() {
            texts.append(
                (step.description, path.appending(key: "steps").appending(index: index).appending(key: "description")))
        }
        for (index, entry) in item.faq.enumerated() {
            texts.append((entry.a, path.appending(key: "faq").appending(index: index).appending(key: "a")))
        }
        return texts
    }

    /// A specialised window may list only services the hall receives, and each service the
    /// hall receives needs a window.
    static func checkHallChannel(_ catalogue: Catalogue, log: IssueLog) {
        let windowsPath = JSONPath.root.appending(key: "hall").appending(key: "windows")
        for (index, window) in catalogue.hall.windows.enumerated() {
            for (serviceIndex, serviceId) in window.services.enumerated() {
                guard let item = catalogue.service(id: serviceId), !item.receivedInHall else { continue }
                log.report(
                    windowsPath.appending(index: index).appending(key: "services").appending(index: serviceIndex),
                    "“\(serviceId)” \(item.name) has no hall channel (channels.hall), so no window takes it: "
                        + "remove it here, or add the hall channel if the hall receives it")
            }
        }
        for (index, item) in catalogue.services.enumerated()
        where item.receivedInHall && catalogue.windows(serving: item.id).isEmpty {
            log.report(
                JSONPath.root.appending(key: "services").appending(index: index).appending(key: "channels")
                    .appending(key: "hall"),
                "the hall receives “\(item.id)” but no window takes it: add it to a window or add a comprehensive "
                    + "window, or remove the hall channel")
        }
    }
}
