import OneWindowKiosk
import Testing

@Suite("Server-Sent Events parsing", .timeLimit(.minutes(2)))
struct ServerSentEventTests {
    @Test("events are cut at blank lines, with their id, name and data; comments are skipped")
    func events() {
        var parser = ServerSentEventParser()
        let events = parser.feed(
            Array("retry: 3000\n\n: keep-alive\n\nid: 7\nevent: called\ndata: {\"number\":\"A012\"}\n\n".utf8))
        #expect(events == [ServerSentEvent(id: "7", event: "called", data: #"{"number":"A012"}"#)])
        #expect(parser.lastEventId == "7")
        #expect(parser.retryMilliseconds == 3000)
    }

    @Test("an event split anywhere, even inside a Chinese character or a CR LF, arrives once whole")
    func split() {
        let bytes = Array("id: 8\r\nevent: state\r\ndata: {\"hall\":\"大厅\"}\r\n\r\n".utf8)
        for cut in 1..<bytes.count {
            var parser = ServerSentEventParser()
            let events = parser.feed(bytes[..<cut]) + parser.feed(bytes[cut...])
            #expect(events == [ServerSentEvent(id: "8", event: "state", data: #"{"hall":"大厅"}"#)], "cut at \(cut)")
        }
    }

    @Test("several data lines join with newlines")
    func multiline() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("data: a\ndata: b\n\n".utf8)) == [ServerSentEvent(data: "a\nb")])
    }
}
