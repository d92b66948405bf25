extension CatalogueLoader {
    static func readMaterial(_ value: JSONValue, _ path: JSONPath, _ log: IssueLog) -> Material? {
        guard var material = ObjectReader(value, at: path, log: log) else { return nil }
        defer { material.finish() }
        let id = material.string("id")
        let name = material.string("name")
        let nameEn = material.string("nameEn", required: false)
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
        let source: MaterialSource? = material.term("source")
        let issuer = material.string("issuer", required: source == .government)
        let medium: MaterialMedium? = material.term("medium")
        let blankFormUrl = material.optionalURL("blankFormUrl")
        let sampleUrl = material.optionalURL("sampleUrl")
        let waivable = material.bool("waivable", required: false)
        let obtainedByHall = material.bool("obtainedByHall", required: false)
        let replaces = readReplaces(&material)
        guard let id, let name, let form, let copies, let required, let source, let medium, let blankFormUrl,
            let sampleUrl
        else { return nil }
        var read = Material(
            id: id, name: name, form: form, copies: copies, required: required, note: note, source: source,
            medium: medium, blankFormUrl: blankFormUrl, sampleUrl: sampleUrl, waivable: waivable ?? false,
            obtainedByHall: obtainedByHall ?? false)
        read.replaces = replaces
        read.issuer = issuer
        read.nameEn = nameEn
        return read
    }

    static func readTimeLimit(_ limit: inout ObjectReader) -> TimeLimit? {
        let log = limit.log
        let statutory = limit.integerOrNull("statutoryDays", in: 0...Int.max)
        let promised = limit.integerOrNull("promisedDays", in: 0...Int.max)
        let unit: DayUnit? = limit.term("unit")
        let specialSteps = limit.array("specialSteps") { value, path -> SpecialStep? in
            guard var step = ObjectReader(value, at: path, log: log) else { return nil }
            defer { step.finish() }
            guard let name = step.string("name"), let duration = step.string("duration") else { return nil }
            return SpecialStep(name: name, duration: duration)
        }
        let note = limit.string("note", required: false)
        guard let statutory, let promised, let unit, let specialSteps else { return nil }
        return TimeLimit(
            statutoryDays: statutory, promisedDays: promised, unit: unit, specialSteps: specialSteps, note: note)
    }

    static func readResult(_ result: inout ObjectReader) -> ServiceResult? {
        let name = result.string("name")
        let delivery: [Delivery]? = result.terms("delivery")
        guard let name, let delivery else { return nil }
        return ServiceResult(name: name, delivery: delivery)
    }
}
