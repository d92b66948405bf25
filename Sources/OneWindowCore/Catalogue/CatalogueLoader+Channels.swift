extension CatalogueLoader {
    /// `channels`: at least one of `hall` (`{"visitsPromised": 0…2}`), `office`
    /// (`{"place": "…", "visitsPromised"?}`) and `online` (`{"visitsPromised": 0…2, "url"?}`).
    static func readChannels(_ reader: inout ObjectReader) -> Channels? {
        if reader.raw("visitsPromised") != nil {
            reader.log.report(
                reader.path.appending(key: "visitsPromised"),
                "the promise of trips moved into the channels: write \"channels\": {\"hall\": {\"visitsPromised\": 1}}"
                    + " (and \"online\": {\"visitsPromised\": 0} where it is applied for online)")
        }
        return reader.object("channels") { channels -> Channels? in
            let log = channels.log
            var complete = true
            let hall = channels.object("hall", required: false) { hall -> HallChannel? in
                hall.integer("visitsPromised", in: 0...2).map(HallChannel.init)
            }
            complete = complete && (hall != nil || !channels.gives("hall"))
            let office = channels.object("office", required: false) { office -> OfficeChannel? in
                let place = office.string("place")
                let given = office.value("visitsPromised", required: false) != nil
                let visits = given ? office.integer("visitsPromised", in: 0...2) : nil
                guard let place, !given || visits != nil else { return nil }
                return OfficeChannel(place: place, visitsPromised: visits)
            }
            complete = complete && (office != nil || !channels.gives("office"))
            let online = channels.object("online", required: false) { online -> OnlineChannel? in
                let visits = online.integer("visitsPromised", in: 0...2)
                let url = online.optionalURL("url")
                guard let visits, let url else { return nil }
                return OnlineChannel(visitsPromised: visits, url: url)
            }
            complete = complete && (online != nil || !channels.gives("online"))
            guard complete else { return nil }
            guard hall != nil || office != nil || online != nil else {
                log.report(channels.path, "names no channel: give \"hall\", \"office\", \"online\" or several")
                return nil
            }
            return Channels(hall: hall, office: office, online: online)
        }
    }
}
