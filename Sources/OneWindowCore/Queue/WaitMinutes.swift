/// The wait an applicant is told, in whole minutes: the one rule behind the kiosk, the ticket
/// page and the boards, which show the server's number and compute none of their own.
public enum WaitMinutes {
    /// `seconds` of estimated wait (`HallQueue.estimate(for:)`) as minutes, rounded up. At least
    /// 1 while someone waits (`waiting`: the ticket itself, or anyone in the line): a wait that
    /// rounds to nothing is still a wait, and “0 分钟” beside people waiting reads as an error.
    /// 0 only when nobody waits and the estimate is 0 (无需等候, or a ticket already called);
    /// nil without an estimate (no open window takes the service).
    public static func told(seconds: Int?, waiting: Bool) -> Int? {
        guard let seconds else { return nil }
        if seconds <= 0, !waiting { return 0 }
        return max(1, (seconds + 59) / 60)
    }
}
