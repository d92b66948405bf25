import OneWindowCore

/// The guide's fixed wording, shared by the search results and the guide itself,
/// so a promise reads the same everywhere the applicant sees it.
enum GuideText {
    /// 到现场次数 as the hall promises it: 零跑动, 最多跑一次, 最多跑两次.
    static func visits(_ count: Int) -> String {
        switch count {
        case ...0: "零跑动"
        case 1: "最多跑一次"
        case 2: "最多跑两次"
        default: "最多跑\(count)次"
        }
    }

    /// Whether the item can be applied for online, in a few characters.
    static func online(_ online: OnlineService) -> String {
        online.available ? "可网上办理" : "不可网上办理"
    }

    /// A time limit in working days; `zero` is what 0 means for this limit (an 即办件).
    static func days(_ count: Int, zero: String) -> String {
        count == 0 ? zero : "\(count) 个工作日"
    }
}
