import OneWindowCore
import Testing

@testable import OneWindowApp

/// What holds on every applicant page: escaping, language, no script element, the shell.
@Suite("Pages: what every page has", .timeLimit(.minutes(2)))
struct PagesTests {
    let pages = PageSamples.allPages

    @Test("escape replaces the five HTML special characters")
    func escapeSpecialCharacters() {
        #expect(HTML.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("结婚登记") == "结婚登记")
    }

    @Test("escape catches a quote even when a combining mark follows it")
    func escapeQuoteWithCombiningMark() {
        #expect(HTML.escape("\"\u{0338}") == "&quot;\u{0338}")
    }

    @Test("a script tag in a service name comes out escaped on every page that shows it")
    func scriptInNameIsEscaped() {
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 低保"
        let catalogue = PageSamples.catalogue
        #expect(GuidePage.render(item: PageSamples.hostile, catalogue: catalogue).contains(escaped))
        #expect(HomePage.render(catalogue: catalogue, query: nil, category: nil, results: []).contains(escaped))
        #expect(
            HomePage.render(catalogue: catalogue, query: "低保", category: nil, results: [PageSamples.hostile])
                .contains(escaped))
    }

    @Test("no page has a script element, and every page is a whole zh-CN document")
    func noScriptAndChineseLanguage() {
        for page in pages {
            #expect(!page.lowercased().contains("<script"))
            #expect(page.hasPrefix("<!doctype html>"))
            #expect(page.contains(#"<html lang="zh-CN""#))
            #expect(page.contains(#"<meta charset="utf-8">"#))
            #expect(page.contains("示例路 1 号"))
        }
    }

    @Test("every page has a skip link to its main content, a meta description and one h1")
    func skipLinkAndDescription() {
        for page in pages {
            #expect(page.contains(##"<a class="skip" href="#main">跳到正文</a>"##))
            #expect(page.contains(#"<main id="main" tabindex="-1">"#))
            #expect(page.contains(#"<meta name="description" content=""#))
            #expect(page.components(separatedBy: "<h1>").count == 2)
        }
        let guide = GuidePage.render(item: PageSamples.marriage, catalogue: PageSamples.catalogue)
        #expect(guide.contains(#"content="结婚登记办事指南：受理条件、3项申请材料、办理流程、时限、收费和办理地点；最多跑一次。""#))
    }

    @Test("time ranges never break across lines and numbers keep their units")
    func typesetting() {
        #expect(
            GuideText.typeset("周一 9:00–12:00、13:00-17:00 <b>").html
                == #"周一 <span class="nowrap">9:00–12:00</span>、<span class="nowrap">13:00-17:00</span> &lt;b&gt;"#)
        #expect(GuideText.days(20, .workingDays) == "20\u{00A0}个工作日")
        #expect(GuideText.days(0, .naturalDays) == "当场办结")
        let page = HomePage.render(catalogue: PageSamples.catalogue, query: nil, category: nil, results: [])
        #expect(page.contains(#"<span class="nowrap">13:00–17:00</span>"#))
    }

    @Test("the printed footer says where the page is, when it was printed and 以窗口公示为准; pages print on A4")
    func printFooter() {
        let guide = GuidePage.render(item: PageSamples.marriage, catalogue: PageSamples.catalogue)
        #expect(guide.contains(#"本页网址：<span id="print-url">/guides/marriage</span>"#))
        #expect(guide.contains("内容核对日期：2026-11-29"))
        #expect(guide.contains(#"打印日期：<span id="print-date">"#) && guide.contains("以窗口公示为准"))
        #expect(guide.contains("onbeforeprint=") && guide.contains(#"onclick="print()">打印本页</button>"#))
        #expect(PageStyle.css.contains("@page{size:A4"))
        #expect(PageStyle.css.contains("section.materials{break-inside:avoid}"))
    }

    @Test("the not-found page escapes its message and links home")
    func notFoundPage() {
        let page = NotFoundPage.render(hall: PageSamples.hall, message: "没有编号为 <x> 的事项")
        #expect(page.contains("没有编号为 &lt;x&gt; 的事项"))
        #expect(page.contains(#"<a href="/">"#))
    }

    @Test("a placeholder address or hours is left out of the footer")
    func footerWithoutUnknowns() {
        var hall = PageSamples.hall
        hall.address = PublicText.askAtWindow
        let page = NotFoundPage.render(hall: hall, message: "x")
        #expect(!page.contains("地址：") && page.contains("办公时间："))
    }
}
