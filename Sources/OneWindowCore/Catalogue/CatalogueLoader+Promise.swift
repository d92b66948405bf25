extension CatalogueLoader {
    /// `visitsPromised`: `{"online": 0…2, "hall": 0…2}` with at least one of them, or one
    /// integer 0…2, the hall's promise.
    static func readVisitsPromised(_ reader: inout ObjectReader) -> VisitsPromised? {
        let key = "visitsPromised"
        guard let value = reader.value(key, required: true) else { return nil }
        if case .integer = value { return reader.integer(key, in: 0...2).map { VisitsPromised(hall: $0) } }
        guard case .object(let fields) = value else {
            reader.mistyped(key, "a whole number or an object of channels", value)
            return nil
        }
        return reader.object(key) { channels -> VisitsPromised? in
            var promised = VisitsPromised(hall: nil)
            var complete = true
            if fields["online"] != nil {
                promised.online = channels.integer("online", in: 0...2)
                complete = complete && promised.online != nil
            }
            if fields["hall"] != nil {
                promised.hall = channels.integer("hall", in: 0...2)
                complete = complete && promised.hall != nil
            }
            guard complete else { return nil }
            guard promised.online != nil || promised.hall != nil else {
                channels.log.report(channels.path, "names no channel: give \"hall\", \"online\" or both")
                return nil
            }
            return promised
        }
    }
}
