extension CatalogueLoader {
    /// Reads one service item; every guide element is required unless the format says optional.
    static func readService(_ reader: inout ObjectReader) -> ServiceItem? {
        let log = reader.log
        let id = reader.string("id")
        let code = reader.string("code", required: false)
        let name = reader.string("name")
        let nameEn = reader.string("nameEn", required: false)
        let category = reader.string("category")
        let itemType: ItemType? = reader.term("itemType")
        let serviceObject: [ServiceObject]? = reader.terms("serviceObject")
        let level: ServiceLevel? = reader.term("level")
        let acceptingBody = reader.string("acceptingBody")
        let decidingBody = reader.string("decidingBody")
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
        let timeLimit = reader.object("timeLimit", readTimeLimit)
        let result = reader.object("result", readResult)
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
        let links = readLinks(&reader)
        let scope: ServiceScope? = reader.term("scope", required: false)
        let faq = reader.array("faq") { value, path -> FAQEntry? in
            guard var entry = ObjectReader(value, at: path, log: log) else { return nil }
            defer { entry.finish() }
            guard let q = entry.string("q"), let a = entry.string("a") else { return nil }
            return FAQEntry(q: q, a: a)
        }
        let updatedAt = reader.date("updatedAt")
        let channels = readChannels(&reader)
        let aliases = reader.strings("aliases")
        let keywords = reader.strings("keywords")
        let queuePrefix = reader.string("queuePrefix")
        guard let id, let name, let category, let itemType, let serviceObject, let level, let acceptingBody,
            let decidingBody, let legalBasis, let conditions, let materials, let steps, let timeLimit, let result,
            let fee, let place, let hours, let phones, let online, let links, let faq, let updatedAt,
            let channels, let aliases, let keywords, let queuePrefix
        else { return nil }
        return ServiceItem(
            id: id, code: code, name: name, nameEn: nameEn, category: category, itemType: itemType,
            serviceObject: serviceObject, level: level, acceptingBody: acceptingBody, decidingBody: decidingBody,
            legalBasis: legalBasis, conditions: conditions, materials: materials, steps: steps, timeLimit: timeLimit,
            result: result, fee: fee, place: place, hours: hours, phones: phones, online: online,
            bookingUrl: links.booking, formDownloads: links.forms, progressUrl: links.progress,
            scope: scope, faq: faq, updatedAt: updatedAt, channels: channels, aliases: aliases,
            keywords: keywords, queuePrefix: queuePrefix)
    }

    private typealias Links = (booking: String?, forms: [FormDownload], progress: String?)

    /// The optional action links (the online one is `channels.online.url`); nil only when one
    /// of them is wrong.
    private static func readLinks(_ reader: inout ObjectReader) -> Links? {
        let log = reader.log
        let booking = reader.optionalURL("bookingUrl")
        let progress = reader.optionalURL("progressUrl")
        let forms = reader.array("formDownloads") { value, path -> FormDownload? in
            guard var form = ObjectReader(value, at: path, log: log) else { return nil }
            defer { form.finish() }
            guard let name = form.string("name"), let url = form.url("url", required: true) else { return nil }
            return FormDownload(name: name, url: url)
        }
        guard let booking, let progress, let forms else { return nil }
        return (booking, forms, progress)
    }
}
