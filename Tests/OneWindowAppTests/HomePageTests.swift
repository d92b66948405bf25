import OneWindowCore
import Testing

@testable import OneWindowApp

@Suite("Pages: home, search and the elderly mode", .timeLimit(.minutes(2)))
struct HomePageTests {
    let catalogue = PageSamples.catalogue

    @Test("the search form keeps the query, escaped, in the input value")
    func searchKeepsQueryEscaped() {
        let page = HomePage.render(catalogue: catalogue, query: #""><script>"#, category: nil, results: [])
        #expect(page.contains(#"value="&quot;&gt;&lt;script&gt;""#))
        #expect(page.contains(#"<form class="search" method="get" action="/""#))
        #expect(page.contains(#"name="q""#))
    }

    @Test("a search with no results says so and gives a hint")
    func emptyResultsMessage() {
        let page = HomePage.render(catalogue: catalogue, query: "护照", category: nil, results: [])
        #expect(page.contains("没有找到与关键词“护照”相关的办事事项"))
        #expect(page.contains("提示："))
    }

    @Test("results link to their guide and show visits, time and online service in plain words")
    func resultsShowFacts() {
        let page = HomePage.render(catalogue: catalogue, query: "结婚", category: nil, results: [PageSamples.marriage])
        #expect(page.contains(#"<a href="/guides/marriage">结婚登记</a>"#))
        #expect(page.contains("婚姻登记 · 最多跑一次 · 当场办结 · 不可网上办理"))
        #expect(!page.contains("/guides/hostile"))
    }

    @Test("without query or category the services are split into 个人办事 and 法人办事, by category")
    func homeSplitsByAudience() {
        let page = HomePage.render(catalogue: catalogue, query: " ", category: nil, results: [])
        #expect(page.contains("<h1>办事指南查询</h1>"))
        let personal = page.range(of: #"<h2 id="personal-title">个人办事</h2>"#)
        let organisation = page.range(of: #"<h2 id="organisation-title">法人办事</h2>"#)
        #expect(personal != nil && organisation != nil)
        if let personal, let organisation {
            let personalPart = page[personal.upperBound..<organisation.lowerBound]
            let organisationPart = page[organisation.upperBound...]
            #expect(personalPart.contains("/guides/marriage") && personalPart.contains("/guides/hostile"))
            #expect(!organisationPart.contains("/guides/marriage") && organisationPart.contains("/guides/hostile"))
            #expect(
                personalPart.contains("<h3>婚姻登记</h3>") && organisationPart.contains("<h3>社会救助 &amp; &lt;b&gt;</h3>"))
        }
        #expect(!page.contains("没有找到"))
    }

    @Test("the category chips are open on the start page and folded to one line above results, without script")
    func categoriesFoldAboveResults() {
        let start = HomePage.render(catalogue: catalogue, query: nil, category: nil, results: [])
        #expect(start.contains(#"<details class="categories" open><summary>按分类浏览（2 类）</summary>"#), "\(start)")
        let search = HomePage.render(catalogue: catalogue, query: "结婚", category: nil, results: [PageSamples.marriage])
        #expect(search.contains(#"<details class="categories"><summary>按分类浏览（2 类）</summary>"#))
        let chips = search.range(of: #"<nav class="categories""#)
        let results = search.range(of: #"<section class="results">"#)
        #expect(chips != nil && results != nil && chips!.lowerBound < results!.lowerBound)
        let chosen = HomePage.render(
            catalogue: catalogue, query: nil, category: "婚姻登记", results: [PageSamples.marriage])
        #expect(chosen.contains(#"<details class="categories"><summary>分类：婚姻登记（点按更换）</summary>"#))
        #expect(!search.contains("<script") && !chosen.contains("<script"))
    }

    @Test("category links are percent-encoded and show counts")
    func categoryLinksEncoded() {
        let page = HomePage.render(catalogue: catalogue, query: nil, category: nil, results: [])
        let encoded = "%E7%A4%BE%E4%BC%9A%E6%95%91%E5%8A%A9%20%26%20%3Cb%3E"
        #expect(page.contains(#"<a href="/?category=\#(encoded)">社会救助 &amp; &lt;b&gt;（1）</a>"#))
        #expect(HTML.urlComponent("a+b=c&d") == "a%2Bb%3Dc%26d")
    }

    @Test("the elderly mode marks the page large and links back out; the standard page links in")
    func elderlyModeLinks() {
        let standard = HomePage.render(catalogue: catalogue, query: "低保", category: nil, results: [])
        #expect(standard.contains(#"<html lang="zh-CN">"#))
        #expect(
            standard.contains(
                #"href="/elderly-mode?on=1&amp;back=%2F%3Fq%3D%25E4%25BD%258E%25E4%25BF%259D">长者模式（大字版）</a>"#))
        let large = GuidePage.render(item: PageSamples.marriage, catalogue: catalogue, mode: .large)
        #expect(large.contains(#"<html lang="zh-CN" class="large">"#))
        #expect(large.contains(#"href="/elderly-mode?on=0&amp;back=%2Fguides%2Fmarriage">退出长者模式</a>"#))
        #expect(PageStyle.large.contains("min-height:48px"))
    }

    @Test("the mode switch returns only to a path on this site")
    func safeReturn() {
        #expect(PageMode.safeReturnPath("/guides/x?q=1") == "/guides/x?q=1")
        for bad in [nil, "https://evil.example", "//evil.example", "/\\evil", "guides", "/a\nb"] {
            #expect(PageMode.safeReturnPath(bad) == "/", "\(bad ?? "nil")")
        }
    }
}
