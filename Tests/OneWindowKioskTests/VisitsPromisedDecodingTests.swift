import Foundation
import OneWindowKiosk
import Testing

@Suite("Channels, as the kiosk reads them", .timeLimit(.minutes(2)))
struct VisitsPromisedDecodingTests {
    @Test("the kiosk reads the channels and each one's promise of trips")
    func decoding() throws {
        let decoder = JSONDecoder()
        let both = try decoder.decode(
            Channels.self, from: Data(#"{"hall":{"visitsPromised":1},"online":{"visitsPromised":0}}"#.utf8))
        #expect(both.visitsPromised == VisitsPromised(online: 0, hall: 1))
        let office = try decoder.decode(Channels.self, from: Data(#"{"office":{"place":"户籍所在社区居委会"}}"#.utf8))
        #expect(office.hall == nil && office.office?.place == "户籍所在社区居委会")
    }
}
