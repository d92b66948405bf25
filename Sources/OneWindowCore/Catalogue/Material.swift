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
    /// The name in English, a plain translation for the kiosk's English mode and the guide
    /// page (never the legal text: the Chinese name is what counts). Nil where none is given.
    public var nameEn: String? = nil
    public var form: Form
    public var copies: Int
    public var required: Bool
    public var note: String?
    public var source: MaterialSource
    /// 出具部门: who issues it, for a material issued by another department (政府部门核发):
    /// the 证明事项清单 names it.
    public var issuer: String? = nil
    public var medium: MaterialMedium
    /// A blank form to fill in (空白表格).
    public var blankFormUrl: String?
    /// A filled-in example (示例样表).
    public var sampleUrl: String?
    /// 容缺受理: the case is accepted without it and the applicant brings it later.
    public var waivable: Bool
    /// 免提交: the hall obtains it itself (data sharing), the applicant brings nothing.
    public var obtainedByHall: Bool
    /// Ids this material had before (`"replaces": ["m2"]`): cases that were told they lack one of
    /// them are read as lacking this one. Nil when it replaces none.
    public var replaces: [String]? = nil

    public init(
        id: String, name: String, form: Form, copies: Int, required: Bool, note: String? = nil,
        source: MaterialSource = .applicant, medium: MaterialMedium = .paper, blankFormUrl: String? = nil,
        sampleUrl: String? = nil, waivable: Bool = false, obtainedByHall: Bool = false
    ) {
        self.id = id
        self.name = name
        self.form = form
        self.copies = copies
        self.required = required
        self.note = note
        self.source = source
        self.medium = medium
        self.blankFormUrl = blankFormUrl
        self.sampleUrl = sampleUrl
        self.waivable = waivable
        self.obtainedByHall = obtainedByHall
    }
}
