import OneWindowCore
import Testing

@testable import OneWindowApp

/// The page builder: text never becomes markup, attribute values are escaped, and URLs from
/// data go into `href` only when their scheme is one a page may link to.
@Suite("Markup: HTML safe by construction", .timeLimit(.minutes(1)))
struct MarkupTests {
    static let payloads = [
        "<script>document.title='pwned'</script>", "\"><img src=x onerror=alert(1)>", "</style><b>x</b>",
        "javascript:alert(1)", "' onmouseover='alert(1)", "&lt;already&gt;",
    ]

    @Test("text in an element is escaped, whatever it holds", arguments: payloads)
    func textIsEscaped(payload: String) {
        let html = Markup.p(.class("note")) { payload }.html
        #expect(html == "<p class=\"note\">\(HTML.escape(payload))</p>")
        #expect(html.filter { $0 == "<" }.count == 2, "only the element's own tags")
    }

    @Test("an attribute value cannot end its quotes or add an attribute", arguments: payloads)
    func attributeIsEscaped(payload: String) {
        let html = Markup.void("input", [Attribute("value", payload), .flag("required")]).html
        #expect(html == "<input value=\"\(HTML.escape(payload))\" required>")
        #expect(html.filter { $0 == "\"" }.count == 2)
    }

    @Test("elements nest in order, with if, for and optional content")
    func nesting() {
        let items = ["a", "<b>"]
        let flag = false
        let html = Markup.element("ul") {
            for item in items { Markup.li { item } }
            if flag { "never" } else { Markup.li(.class("last")) { "end" } }
        }.html
        #expect(html == "<ul><li>a</li><li>&lt;b&gt;</li><li class=\"last\">end</li></ul>")
    }

    @Test("void elements have no end tag")
    func voidElements() {
        #expect(Markup.void("meta", [Attribute("charset", "utf-8")]).html == "<meta charset=\"utf-8\">")
        #expect(Markup.refresh(seconds: 15).html == "<meta http-equiv=\"refresh\" content=\"15\">")
    }

    @Test("raw takes only literals, resources are inlined as they are, comments cannot be closed early")
    func trustedMarkup() {
        #expect(Markup.raw("<br>").html == "<br>")
        #expect(Markup.resource(.boardScript).html == BoardPage.script)
        #expect(Markup.comment("a --> <script>").html == "<!-- a - -&gt; &lt;script&gt; -->")
    }

    @Test("joined puts escaped text between the parts")
    func joined() {
        let html = Markup.joined([.text("a"), .text("b")], separator: " < ").html
        #expect(html == "a &lt; b")
    }

    @Test(
        "links to http, https, tel, mailto and relative URLs are kept",
        arguments: [
            "https://example.org/a?b=1&c=2", "http://example.org", "HTTPS://EXAMPLE.ORG", "tel:0411-12345",
            "mailto:a@example.org", "/guides/x", "?q=1", "#main", "guides/x", "//example.org/x", "a/b:c",
        ])
    func safeURLs(url: String) {
        #expect(SafeURL(url)?.value == url)
    }

    @Test(
        "javascript:, data: and other schemes are refused, also disguised",
        arguments: [
            "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "java\nscript:alert(1)", "\u{01}javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "file:///etc/passwd", "javascript&colon;alert(1):x", "1javascript:alert(1)",
        ])
    func unsafeURLs(url: String) {
        #expect(SafeURL(url) == nil, "\(url)")
    }

    @Test("an href takes a SafeURL and escapes it as an attribute")
    func hrefEscaped() {
        let text = "https://example.org/apply?a=1&b=<2>"
        let url = SafeURL(text)!
        #expect(
            Markup.a(href: url, .class("button")) { "在线办理" }.html
                == #"<a class="button" href="https://example.org/apply?a=1&amp;b=&lt;2&gt;">在线办理</a>"#)
        #expect(SafeURL.path("guides", "a/b c", fragment: "materials").value == "/guides/a%2Fb%20c#materials")
        #expect(SafeURL.path("t", "1").appending(query: "refresh=off").value == "/t/1?refresh=off")
    }

    @Test("a URL or handler attribute cannot be made with the plain constructor: the program stops")
    func plainConstructorRefusesURLsAndHandlers() async {
        await #expect(processExitsWith: .failure) { _ = Attribute("href", "javascript:alert(1)") }
        await #expect(processExitsWith: .failure) { _ = Attribute("onclick", "alert(1)") }
        await #expect(processExitsWith: .failure) { _ = Attribute.flag("formaction") }
        await #expect(processExitsWith: .failure) { _ = SafeURL(stringLiteral: "javascript:alert(1)") }
    }

    @Test("a page can hold a handler only as a literal, named as one")
    func handlers() {
        let html = Markup.element("body", [.handler("onbeforeprint", "print()")]).html
        #expect(html == "<body onbeforeprint=\"print()\"></body>")
    }
}

/// A catalogue the loader did not check (it refuses anything but http(s) URLs) still cannot put
/// a script link on a guide: each link whose URL SafeURL refuses is left out.
@Suite("Markup: the guide's links from the catalogue", .timeLimit(.minutes(1)))
struct GuideLinkTests {
    @Test("javascript: and data: URLs in a service item become no link on its guide")
    func scriptLinksLeftOut() {
        var item = PageSamples.hostile
        item.channels.online = OnlineChannel(visitsPromised: 0, url: "javascript:alert(1)")
        item.bookingUrl = " JavaScript:alert(2)"
        item.progressUrl = "java\tscript:alert(3)"
        item.formDownloads = [
            FormDownload(name: "申请表", url: "data:text/html,<script>alert(4)</script>"),
            FormDownload(name: "承诺书", url: "https://example.org/2.pdf"),
        ]
        item.materials[0].blankFormUrl = "vbscript:msgbox(5)"
        item.materials[0].sampleUrl = "https://example.org/sample.pdf"
        let page = GuidePage.render(item: item, catalogue: PageSamples.catalogue)
        for scheme in ["javascript:", "JavaScript:", "java\tscript:", "data:text", "vbscript:"] {
            #expect(!page.contains(scheme), "\(scheme)")
        }
        #expect(!page.contains(">在线办理</a>") && !page.contains(">预约</a>") && !page.contains(">进度查询</a>"))
        #expect(page.contains("<li>申请表</li>"), "the form keeps its name, without a link")
        #expect(page.contains(#"<a href="https://example.org/2.pdf">承诺书</a>"#))
        #expect(!page.contains("空白表格") && page.contains(#"<a href="https://example.org/sample.pdf">填写示例</a>"#))
    }
}
