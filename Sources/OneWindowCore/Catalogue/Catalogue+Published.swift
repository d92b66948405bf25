/// What the public sees of a catalogue: no `【待配置:…】` placeholder ever reaches a page or the
/// public API. An optional text holding one is left out; a required one says 请咨询窗口.
extension Catalogue {
    /// The catalogue with every placeholder removed, for pages and the public API.
    public var published: Catalogue {
        Catalogue(hall: hall.published, services: services.map(\.published))
    }
}

/// How a placeholder reads to the public.
public enum PublicText {
    /// Said in place of a required fact the operator has not filled in yet.
    public static let askAtWindow = "请咨询窗口"

    /// The text without its placeholders, or nil when nothing useful is left. A placeholder in
    /// full-width brackets, as in 婚姻登记机关（【待配置:名称】）, only adds a detail, so the
    /// rest stands; any other placeholder makes the whole text unknown.
    public static func clean(_ text: String) -> String? {
        guard text.contains(Catalogue.placeholderMarker) else { return text }
        var rest = text
        while let open = rest.range(of: "（" + Catalogue.placeholderMarker),
            let close = rest[open.upperBound...].range(of: "】）")
        {
            rest.removeSubrange(open.lowerBound..<close.upperBound)
        }
        guard !rest.contains(Catalogue.placeholderMarker), !rest.allSatisfy(\.isWhitespace) else { return nil }
        return rest
    }

    /// A required text: cleaned, or 请咨询窗口.
    static func required(_ text: String) -> String { clean(text) ?? askAtWindow }

    /// A list of texts: those still holding a placeholder are dropped.
    static func list(_ texts: [String]) -> [String] { texts.compactMap(clean) }
}

extension Hall {
    var published: Hall {
        var hall = self
        hall.name = PublicText.required(name)
        hall.nameEn = nameEn.flatMap(PublicText.clean)
        hall.address = PublicText.required(address)
        hall.hours = PublicText.required(hours)
        hall.windows = windows.map { window in
            var window = window
            window.name = PublicText.required(window.name)
            return window
        }
        return hall
    }
}

extension ServiceItem {
    var published: ServiceItem {
        var item = self
        item.name = PublicText.required(name)
        item.nameEn = nameEn.flatMap(PublicText.clean)
        item.category = PublicText.required(category)
        item.acceptingBody = PublicText.required(acceptingBody)
        item.decidingBody = PublicText.required(decidingBody)
        item.legalBasis = legalBasis.map { basis in
            LegalBasis(title: PublicText.required(basis.title), articles: basis.articles.flatMap(PublicText.clean))
        }
        let conditions = PublicText.list(conditions)
        item.conditions = conditions.isEmpty ? [PublicText.askAtWindow] : conditions
        item.materials = materials.map(\.published)
        item.steps = steps.map {
            Step(title: PublicText.required($0.title), description: PublicText.required($0.description))
        }
        item.timeLimit.note = timeLimit.note.flatMap(PublicText.clean)
        item.timeLimit.specialSteps = timeLimit.specialSteps.map {
            SpecialStep(name: PublicText.required($0.name), duration: PublicText.required($0.duration))
        }
        item.result.name = PublicText.required(result.name)
        item.fee.amount = fee.amount.map(PublicText.required)
        item.fee.basis = fee.basis.flatMap(PublicText.clean)
        item.place = PublicText.required(place)
        item.channels.office?.place = PublicText.required(channels.office?.place ?? "")
        item.hours = PublicText.required(hours)
        item.phones = Phones(
            consultation: PublicText.required(phones.consultation), complaint: PublicText.required(phones.complaint))
        item.online.note = online.note.flatMap(PublicText.clean)
        item.formDownloads = formDownloads.map { FormDownload(name: PublicText.required($0.name), url: $0.url) }
        item.faq = faq.compactMap { entry in
            guard let q = PublicText.clean(entry.q), let a = PublicText.clean(entry.a) else { return nil }
            return FAQEntry(q: q, a: a)
        }
        item.aliases = PublicText.list(aliases)
        item.keywords = PublicText.list(keywords)
        return item
    }
}

extension Material {
    var published: Material {
        var material = self
        material.name = PublicText.required(name)
        material.nameEn = nameEn.flatMap(PublicText.clean)
        material.note = note.flatMap(PublicText.clean)
        material.issuer = issuer.map(PublicText.required)
        return material
    }
}
