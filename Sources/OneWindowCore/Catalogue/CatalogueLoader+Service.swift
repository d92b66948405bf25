extension CatalogueLoader {
    /// Reads one service item; every guide element is required unless the format says optional.
    static func readService(_ reader: inout ObjectReader) -> ServiceItem? {
        let log = reader.log
        let id = reader.string("id")
        let name = reader.string("name")
        let nameEn = reader.string("nameEn", required: false)
        let category = reader.string("category")
        let department = reader.string("department")
        let itemType = reader.string("itemType")
        let legalBasis = reader.array("legalBasis", minimum: 1) { value, path -> LegalBasis? in
            guard var basis = ObjectReader(value, at: path, log: log) else { return nil }
            defer { basis.finish() }
            let title = basis.string("title")
            let articles = basis.string("articles", required: false)
            return title.map { LegalBasis(title: $0, articles: articles) }
        }
        let conditions = reader.strings("conditions", minimum: 1)
        let materials = reader.array("materials", minimum: 1) { value, path in readMaterial(value, path, log) }
        let steps = reader.array("steps", minimum: 1) { value, path -> Step? in
            guard var step = ObjectReader(value, at: path, log: log) else { return nil }
            defer { step.finish() }
            guard let title = step.string("title"), let description = step.string("description") else { return nil }
            return Step(title: title, description: description)
        }
        let timeLimit = reader.object("timeLimit") { limit -> TimeLimit? in
            let statutory = limit.integer("statutoryDays", in: 0...Int.max)
            let promised = limit.integer("promisedDays", in: 0...Int.max)
            let note = limit.string("note", required: false)
            guard let statutory, let promised else { return nil }
            return TimeLimit(statutoryDays: statutory, promisedDays: promised, note: note)
        }
        let fee = reader.object("fee") { fee -> Fee? in
            let free = fee.bool("free")
            let amount = fee.string("amount", required: free == false)
            let basis = fee.string("basis", required: free == false)
            return free.map { Fee(free: $0, amount: amount, basis: basis) }
        }
        let place = reader.string("place")
        let hours = reader.string("hours")
        let phones = reader.object("phones") { phones -> Phones? in
            let consultation = phones.string("consultation")
            let complaint = phones.string("complaint")
            guard let consultation, let complaint else { return nil }
            return Phones(consultation: consultation, complaint: complaint)
        }
        let online = reader.object("online") { online -> OnlineService? in
            let available = online.bool("available")
            let note = online.string("note", required: false)
            return available.map { OnlineService(available: $0, note: note) }
        }
        let visitsPromised = reader.integer("visitsPromised", in: 0...2)
        let aliases = reader.strings("aliases")
        let keywords = reader.strings("keywords")
        let queuePrefix = reader.string("queuePrefix")
        guard let id, let name, let category, let department, let itemType, let legalBasis, let conditions,
            let materials, let steps, let timeLimit, let fee, let place, let hours, let phones, let online,
            let visitsPromised, let aliases, let keywords, let queuePrefix
        else { return nil }
        return ServiceItem(
            id: id, name: name, nameEn: nameEn, category: category, department: department, itemType: itemType,
            legalBasis: legalBasis, conditions: conditions, materials: materials, steps: steps, timeLimit: timeLimit,
            fee: fee, place: place, hours: hours, phones: phones, online: online, visitsPromised: visitsPromised,
            aliases: aliases, keywords: keywords, queuePrefix: queuePrefix)
    }

    private static func readMaterial(_ value: JSONValue, _ path: JSONPath, _ log: IssueLog) -> Material? {
        guard var material = ObjectReader(value, at: path, log: log) else { return nil }
        defer { material.finish() }
        let id = material.string("id")
        let name = material.string("name")
        let form = material.string("form").flatMap { text -> Material.Form? in
            guard let form = Material.Form(rawValue: text) else {
                let allowed = Material.Form.allCases.map { "“\($0.rawValue)”" }.joined(separator: ", ")
                log.report(path.appending(key: "form"), "must be one of \(allowed), found “\(text)”")
                return nil
            }
            return form
        }
        let copies = material.integer("copies", in: 1...Int.max)
        let required = material.bool("required")
        let note = material.string("note", required: false)
        guard let id, let name, let form, let copies, let required else { return nil }
        return Material(id: id, name: name, form: form, copies: copies, required: required, note: note)
    }
}
