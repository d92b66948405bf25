/// A regulation the item rests on, with the articles that apply.
public struct LegalBasis: Sendable, Equatable, Encodable {
    public var title: String
    public var articles: String?

    public init(title: String, articles: String? = nil) {
        self.title = title
        self.articles = articles
    }
}

/// One step of the process (办理流程).
public struct Step: Sendable, Equatable, Encodable {
    public var title: String
    public var description: String

    public init(title: String, description: String) {
        self.title = title
        self.description = description
    }
}

/// 办理结果: what the applicant gets, and how.
public struct ServiceResult: Sendable, Equatable, Encodable {
    /// The certificate or decision, e.g. 结婚证.
    public var name: String
    public var delivery: [Delivery]

    public init(name: String, delivery: [Delivery]) {
        self.name = name
        self.delivery = delivery
    }
}

/// What the applicant pays. A charged item names its amount and the basis for charging.
public struct Fee: Sendable, Equatable, Encodable {
    public var free: Bool
    public var amount: String?
    public var basis: String?

    public init(free: Bool, amount: String? = nil, basis: String? = nil) {
        self.free = free
        self.amount = amount
        self.basis = basis
    }
}

/// Where to ask and where to complain.
public struct Phones: Sendable, Equatable, Encodable {
    public var consultation: String
    public var complaint: String

    public init(consultation: String, complaint: String) {
        self.consultation = consultation
        self.complaint = complaint
    }
}

/// Whether the item can be applied for online, and how.
public struct OnlineService: Sendable, Equatable, Encodable {
    public var available: Bool
    public var note: String?

    public init(available: Bool, note: String? = nil) {
        self.available = available
        self.note = note
    }
}

/// A blank form to download (表格下载).
public struct FormDownload: Sendable, Equatable, Encodable {
    public var name: String
    public var url: String

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}

/// One question of 常见问题, with its answer.
public struct FAQEntry: Sendable, Equatable, Encodable {
    public var q: String
    public var a: String

    public init(q: String, a: String) {
        self.q = q
        self.a = a
    }
}
