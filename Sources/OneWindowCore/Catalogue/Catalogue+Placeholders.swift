extension Catalogue {
    /// The marker of a local fact the shipped catalogue cannot know (a phone, a room).
    public static let placeholderMarker = "【待配置"

    /// JSON paths of every text still holding a `【待配置:…】` placeholder, and of every promised
    /// time limit still `null`, for the operator to replace.
    public var placeholders: [String] {
        var found: [String] = []
        Self.collectPlaceholders(in: hall, path: "hall", into: &found)
        Self.collectPlaceholders(in: services, path: "services", into: &found)
        // A promise the bureau has not set yet is a local fact still to supply, like a phone.
        for (index, item) in services.enumerated() where item.timeLimit.promisedDays == nil {
            found.append("services[\(index)].timeLimit.promisedDays")
        }
        return found
    }

    /// Walks any value of the model by reflection; the model is small and this runs only in `check`.
    private static func collectPlaceholders(in value: Any, path: String, into found: inout [String]) {
        if let text = value as? String {
            if text.contains(placeholderMarker) { found.append(path) }
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection:
            for (index, child) in mirror.children.enumerated() {
                collectPlaceholders(in: child.value, path: "\(path)[\(index)]", into: &found)
            }
        case .optional:
            if let child = mirror.children.first { collectPlaceholders(in: child.value, path: path, into: &found) }
        default:
            for child in mirror.children {
                guard let label = child.label else { continue }
                collectPlaceholders(in: child.value, path: "\(path).\(label)", into: &found)
            }
        }
    }
}
