/// One service item (事项): a thing the hall does, with its whole guide (办事指南).
///
/// The fields follow the elements of a national implementation list (政务服务事项实施清单).
/// `CatalogueLoader` refuses an item that lacks any required one, so an applicant who read
/// the guide can come once with the right papers.
public struct ServiceItem: Sendable, Equatable, Encodable {
    /// Stable code, used in URLs (`/guides/{id}`) and by windows.
    public var id: String
    /// 实施编码 from the national list; absent until the bureau supplies it, never invented.
    public var code: String?
    public var name: String
    public var nameEn: String?
    public var category: String
    /// 事项类型.
    public var itemType: ItemType
    /// 服务对象: individuals (自然人), organisations (法人), or both.
    public var serviceObject: [ServiceObject]
    /// 行使层级: the level of government that exercises the power.
    public var level: ServiceLevel
    /// 受理机构: where the application is received (often this hall).
    public var acceptingBody: String
    /// 实施主体 / 决定机构: who decides; may differ from who receives (本大厅受理，转交……审批).
    public var decidingBody: String
    public var legalBasis: [LegalBasis]
    public var conditions: [String]
    public var materials: [Material]
    public var steps: [Step]
    public var timeLimit: TimeLimit
    /// 办理结果: the certificate or decision, and how the applicant gets it.
    public var result: ServiceResult
    public var fee: Fee
    public var place: String
    public var hours: String
    public var phones: Phones
    public var online: OnlineService
    /// 预约: where to book a visit.
    public var bookingUrl: String?
    /// 表格下载: blank forms.
    public var formDownloads: [FormDownload]
    /// 进度查询: where to follow a case.
    public var progressUrl: String?
    /// 通办范围; absent when the item is handled only by the hall that holds the applicant's records.
    public var scope: ServiceScope?
    /// 常见问题.
    public var faq: [FAQEntry]
    /// When the guide was last checked against its sources, `YYYY-MM-DD`.
    public var updatedAt: String
    /// 受理渠道: the hall, another office, online; each with its promise of trips.
    public var channels: Channels
    public var aliases: [String]
    public var keywords: [String]
    /// The queue the item's tickets take: one letter A–Z.
    public var queuePrefix: String
    /// Ids this service had before (`"replaces": ["T-OLD-001"]`): on a reload, open cases and
    /// waiting tickets of one of them move to this service. Nil when it replaces none.
    public var replaces: [String]? = nil

    public init(
        id: String, code: String? = nil, name: String, nameEn: String? = nil, category: String, itemType: ItemType,
        serviceObject: [ServiceObject] = [.individual], level: ServiceLevel = .city, acceptingBody: String,
        decidingBody: String, legalBasis: [LegalBasis], conditions: [String], materials: [Material], steps: [Step],
        timeLimit: TimeLimit, result: ServiceResult, fee: Fee, place: String, hours: String, phones: Phones,
        online: OnlineService, bookingUrl: String? = nil, formDownloads: [FormDownload] = [],
        progressUrl: String? = nil, scope: ServiceScope? = nil, faq: [FAQEntry] = [], updatedAt: String,
        channels: Channels, aliases: [String] = [], keywords: [String] = [], queuePrefix: String
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.category = category
        self.itemType = itemType
        self.serviceObject = serviceObject
        self.level = level
        self.acceptingBody = acceptingBody
        self.decidingBody = decidingBody
        self.legalBasis = legalBasis
        self.conditions = conditions
        self.materials = materials
        self.steps = steps
        self.timeLimit = timeLimit
        self.result = result
        self.fee = fee
        self.place = place
        self.hours = hours
        self.phones = phones
        self.online = online
        self.bookingUrl = bookingUrl
        self.formDownloads = formDownloads
        self.progressUrl = progressUrl
        self.scope = scope
        self.faq = faq
        self.updatedAt = updatedAt
        self.channels = channels
        self.aliases = aliases
        self.keywords = keywords
        self.queuePrefix = queuePrefix
    }

    /// Whether the hall receives the service at its windows and so tickets it.
    public var receivedInHall: Bool { channels.hall != nil }

    /// 到现场次数 per channel.
    public var visitsPromised: VisitsPromised { channels.visitsPromised }

    /// 在线办理: where to apply online, where a source gives the address.
    public var onlineUrl: String? { channels.online?.url }

    /// Whether the hall only receives the application and passes it on to the body that decides.
    public var isForwarded: Bool { acceptingBody != decidingBody }
}
