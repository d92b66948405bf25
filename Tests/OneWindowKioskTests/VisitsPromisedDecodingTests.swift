import Foundation
import OneWindowKiosk
import Testing

@Suite("Visits promised, as the kiosk reads it", .timeLimit(.minutes(2)))
struct VisitsPromisedDecodingTests {
    @Test("the kiosk reads the promise per channel, and one number as the hall's from an older daemon")
    func decoding() throws {
        let decoder = JSONDecoder()
        let channels = try decoder.decode(VisitsPromised.self, from: Data(#"{"online":0,"hall":1}"#.utf8))
        #expect(channels == VisitsPromised(online: 0, hall: 1))
        let online = try decoder.decode(VisitsPromised.self, from: Data(#"{"online":0,"hall":null}"#.utf8))
        #expect(online.hall == nil && online.online == 0)
        #expect(try decoder.decode(VisitsPromised.self, from: Data("2".utf8)) == VisitsPromised(hall: 2))
    }
}
