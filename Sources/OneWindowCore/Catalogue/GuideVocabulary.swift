/// The closed lists of words a guide uses. Their raw values are the national list's own Chinese
/// terms, written as they are printed, so the catalogue file reads like a published guide.
public protocol CatalogueTerm: RawRepresentable, CaseIterable, Sendable, Equatable, Encodable
where RawValue == String {}

/// 事项类型.
public enum ItemType: String, CatalogueTerm {
    case licensing = "行政许可"
    case confirmation = "行政确认"
    case benefit = "行政给付"
    case adjudication = "行政裁决"
    /// A filing: the authority records what it is told and does not approve it.
    case filing = "行政备案"
    case award = "行政奖励"
    case otherPower = "其他行政权力"
    case publicService = "公共服务"
}

/// 服务对象.
public enum ServiceObject: String, CatalogueTerm {
    case individual = "自然人"
    case organisation = "法人"
}

/// 行使层级: which level of government exercises the power.
public enum ServiceLevel: String, CatalogueTerm {
    case province = "省级"
    case city = "市级"
    case county = "县级"
    case township = "乡级"
}

/// 通办范围: where else the item can be applied for.
public enum ServiceScope: String, CatalogueTerm {
    case city = "全市通办"
    case province = "全省通办"
    case nationwide = "全国通办"
    case crossProvince = "跨省通办"
}

/// How the applicant gets the result.
public enum Delivery: String, CatalogueTerm {
    /// Handed over at the window during the same visit.
    case onTheSpot = "当场领取"
    /// Collected at the window on a later visit.
    case atWindow = "窗口领取"
    case post = "邮寄送达"
    case online = "网上送达"
    /// Paid into the applicant's bank account (benefits such as 高龄津贴).
    case bankTransfer = "发放到账"
}

/// Where a material comes from (来源渠道).
public enum MaterialSource: String, CatalogueTerm {
    case applicant = "申请人自备"
    case government = "政府部门核发"
    case hall = "窗口提供"
}

/// Whether a material is brought on paper, electronically, or either (材料形式).
public enum MaterialMedium: String, CatalogueTerm {
    case paper = "纸质"
    case electronic = "电子"
    case either = "纸质或电子"
}

/// Whether time limits count working days or calendar days.
public enum DayUnit: String, CatalogueTerm {
    case workingDays = "工作日"
    case naturalDays = "自然日"
}
