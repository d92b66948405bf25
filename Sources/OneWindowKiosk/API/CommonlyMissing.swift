/// 常见缺件提醒 as a guide carries it (`commonlyMissing`): of the service's first visits in the
/// last `days` hall days, the share that lacked each material. The daemon says whether there
/// were enough first visits to show it (`shown`); the kiosk shows it only then.
public struct CommonlyMissing: Sendable, Equatable, Codable {
    public var days: Int
    public var firstVisits: Int
    public var shown: Bool
    public var materials: [Material]

    public struct Material: Sendable, Equatable, Codable {
        public var materialId: String
        public var share: Double

        public init(materialId: String, share: Double) {
            self.materialId = materialId
            self.share = share
        }
    }

    public init(days: Int, firstVisits: Int, shown: Bool, materials: [Material]) {
        self.days = days
        self.firstVisits = firstVisits
        self.shown = shown
        self.materials = materials
    }

    /// "近90天 32% 的申请人首次办理时缺少此项" for a material, when shown and it was ever missing.
    func line(for materialId: String?, _ l: Language) -> String? {
        guard shown, let materialId, let share = materials.first(where: { $0.materialId == materialId })?.share else {
            return nil
        }
        let percent = Int((share * 100).rounded())
        return l.pick(
            "近\(days)天 \(percent)% 的申请人首次办理时缺少此项",
            "\(percent)% of applicants lacked this at their first visit in the last \(days) days")
    }
}
