/// Why a visit was rated 1 or 2: the kinds of complaint of GB/T 39734, by the ids the daemon
/// stores. The kiosk shares no code with the daemon, so this is a copy of the daemon's list
/// (`EvaluationReason.all`); a test holds the two to the same ids, order and labels.
public enum RatingReasons {
    public struct Reason: Sendable, Equatable {
        public var id: String
        public var label: String
        public var english: String
    }

    public static let all: [Reason] = [
        Reason(id: "attitude", label: "服务态度", english: "Attitude of the staff"),
        Reason(id: "efficiency", label: "办事效率/等候时间", english: "Speed / waiting time"),
        Reason(id: "one_time_notice", label: "一次性告知/材料要求", english: "Told everything at once / materials"),
        Reason(id: "process", label: "办事流程", english: "The procedure"),
        Reason(id: "environment", label: "环境设施", english: "The hall and its facilities"),
        Reason(id: "other", label: "其他", english: "Other"),
    ]
}
