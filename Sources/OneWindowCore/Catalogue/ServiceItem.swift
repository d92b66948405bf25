/// One service item (事项): a thing the hall does, with its whole guide (办事指南).
///
/// Every field is part of the published guide; `CatalogueLoader` refuses an item that
/// lacks any required one, so an applicant who read it can come once with the right papers.
public struct ServiceItem: Sendable, Equatable, Encodable {
    /// Stable code, used in URLs (`/guides/{id}`) and by windows.
    public var id: String
    public var name: String
    public var nameEn: String?
    public var category: String
    /// 实施主体: the department that decides the case.
    public var department: String
    /// 事项类型: 行政许可, 行政确认, 行政给付, 公共服务 …
    public var itemType: String
    public var legalBasis: [LegalBasis]
    public var conditions: [String]
    public var materials: [Material]
    public var steps: [Step]
    public var timeLimit: TimeLimit
    public var fee: Fee
    public var place: String
    public var hours: String
    public var phones: Phones
    public var online: OnlineService
    /// 到现场次数: the most trips to the hall the service promises (0, 1 or 2).
    public var visitsPromised: Int
    public var aliases: [String]
    public var keywords: [String]
    /// The queue the item's tickets take: one letter A–Z.
    public var queuePrefix: String

    public init(
        id: String, name: String, nameEn: String? = nil, category: String, department: String, itemType: String,
        legalBasis: [LegalBasis], conditions: [String], materials: [Material], steps: [Step], timeLimit: TimeLimit,
        fee: Fee, place: String, hours: String, phones: Phones, online: OnlineService, visitsPromised: Int,
        aliases: [String] = [], keywords: [String] = [], queuePrefix: String
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.category = category
        self.department = department
        self.itemType = itemType
        self.legalBasis = legalBasis
        self.conditions = conditions
        self.materials = materials
        self.steps = steps
        self.timeLimit = timeLimit
        self.fee = fee
        self.place = place
        self.hours = hours
        self.phones = phones
        self.online = online
        self.visitsPromised = visitsPromised
        self.aliases = aliases
        self.keywords = keywords
        self.queuePrefix = queuePrefix
    }
}

/// A regulation the item rests on, with the articles that apply.
public struct LegalBasis: Sendable, Equatable, Encodable {
    public var title: String
    public var articles: String?

    public init(title: String, articles: String? = nil) {
        self.title = title
        self.articles = articles
    }
}

/// A document to bring (申请材料).
public struct Material: Sendable, Equatable, Encodable {
    public enum Form: String, Sendable, Equatable, Encodable, CaseIterable {
        case original
        case copy
        case originalAndCopy

        /// How the guide says it in Chinese.
        public var label: String {
            switch self {
            case .original: "原件"
            case .copy: "复印件"
            case .originalAndCopy: "原件和复印件"
            }
        }
    }

    /// Stable within its service item (`m1`, `m2` …): cases name missing materials by it, so an id
    /// once given is never renumbered when materials are reworded or reordered, nor reused.
    public var id: String
    public var name: String
    public var form: Form
    public var copies: Int
    public var required: Bool
    public var note: String?

    public init(id: String, name: String, form: Form, copies: Int, required: Bool, note: String? = nil) {
        self.id = id
        self.name = name
        self.form = form
        self.copies = copies
        self.required = required
        self.note = note
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

/// Time limits in working days; 0 means the case is finished on the spot (即办件).
public struct TimeLimit: Sendable, Equatable, Encodable {
    /// 法定办结时限.
    public var statutoryDays: Int
    /// 承诺办结时限: never longer than the statutory limit.
    public var promisedDays: Int
    public var note: String?

    public init(statutoryDays: Int, promisedDays: Int, note: String? = nil) {
        self.statutoryDays = statutoryDays
        self.promisedDays = promisedDays
        self.note = note
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
