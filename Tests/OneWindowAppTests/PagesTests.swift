import OneWindowCore
import Testing

@testable import OneWindowApp

/// A small hall: one comprehensive window, a marriage window and a window for something else.
private let hall = Hall(
    name: "示例市民政局政务服务大厅", timeZone: "Asia/Shanghai", address: "示例路 1 号",
    hours: "周一至周五 9:00-17:00",
    windows: [
        Window(id: "1", name: "1号综合窗口", kind: .comprehensive),
        Window(id: "5", name: "5号婚姻登记专窗", kind: .specialised, services: ["marriage"]),
        Window(id: "6", name: "6号殡葬专窗", kind: .specialised, services: ["funeral"]),
    ]
)

private let marriage = ServiceItem(
    id: "marriage", name: "结婚登记", nameEn: "Marriage registration", category: "婚姻登记",
    itemType: .confirmation, acceptingBody: "示例市民政局", decidingBody: "示例市民政局",
    legalBasis: [LegalBasis(title: "《婚姻登记条例》", articles: "第四条、第五条")],
    conditions: ["双方自愿", "达到法定婚龄"],
    materials: [
        Material(id: "m1", name: "居民身份证", form: .original, copies: 1, required: true),
        Material(id: "m2", name: "居民户口簿", form: .originalAndCopy, copies: 1, required: true),
        Material(id: "m3", name: "近期半身免冠合影照片", form: .original, copies: 3, required: false, note: "2寸"),
    ],
    steps: [Step(title: "受理", description: "窗口核对材料"), Step(title: "发证", description: "当场颁发结婚证")],
    timeLimit: TimeLimit(statutoryDays: 0, promisedDays: 0), result: ServiceResult(name: "结婚证", delivery: [.onTheSpot]),
    fee: Fee(free: true), place: "大厅二楼", hours: "周一至周五",
    phones: Phones(consultation: "0411-12345", complaint: "12345"), online: OnlineService(available: false),
    scope: .nationwide, updatedAt: "2026-11-29", visitsPromised: 1, queuePrefix: "A"
)

private let hostile = ServiceItem(
    id: "hostile", name: "<script>alert(1)</script> & 低保", category: "社会救助 & <b>",
    itemType: .benefit, level: .county, acceptingBody: "民政 & \"局\"", decidingBody: "区 <民政局>", legalBasis: [],
    conditions: ["收入低于 <标准>"],
    materials: [Material(id: "m1", name: "收入证明 <原件> & 'x'", form: .copy, copies: 2, required: false)],
    steps: [],
    timeLimit: TimeLimit(
        statutoryDays: 20, promisedDays: 10, specialSteps: [SpecialStep(name: "公示 <x>", duration: "7 日")]),
    result: ServiceResult(name: "决定 & 书", delivery: [.atWindow, .post]),
    fee: Fee(free: false, amount: "10 元", basis: "《收费文件》"),
    place: "大厅一楼", hours: "工作日", phones: Phones(consultation: "【待配置:咨询电话】", complaint: "12345 转 1"),
    online: OnlineService(available: true, note: "政务服务网"), faq: [FAQEntry(q: "<q>", a: "a & b")],
    updatedAt: "2026-11-29", visitsPromised: 0, queuePrefix: "B"
)

private let catalogue = Catalogue(hall: hall, services: [marriage, hostile])

/// Every kind of page the applicant can get, for checks that hold on all of them.
private var allPages: [String] {
    [
        HomePage.render(catalogue: catalogue, query: nil, category: nil, results: []),
        HomePage.render(catalogue: catalogue, query: "低保", category: nil, results: [hostile]),
        HomePage.render(catalogue: catalogue, query: nil, category: "社会救助 & <b>", results: [hostile]),
        HomePage.render(catalogue: catalogue, query: "<script>", category: nil, results: []),
        GuidePage.render(item: marriage, catalogue: catalogue),
        GuidePage.render(item: hostile, catalogue: catalogue),
        NotFoundPage.render(hall: hall, message: "没有编号为 <x> 的事项"),
    ]
}

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
    #expect(GuidePage.render(item: hostile, catalogue: catalogue).contains(escaped))
    #expect(HomePage.render(catalogue: catalogue, query: nil, category: nil, results: []).contains(escaped))
    #expect(HomePage.render(catalogue: catalogue, query: "低保", category: nil, results: [hostile]).contains(escaped))
}

@Test("no page contains a script tag and every page is in Chinese")
func noScriptAndChineseLanguage() {
    for page in allPages {
        #expect(!page.lowercased().contains("<script"))
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains(#"<html lang="zh-CN">"#))
        #expect(page.contains(#"<meta charset="utf-8">"#))
        #expect(page.contains("示例路 1 号"))
    }
}

@Test("the materials checklist lists every material with a box to tick")
func checklistHasEveryMaterial() {
    for item in [marriage, hostile] {
        let page = GuidePage.render(item: item, catalogue: catalogue)
        for material in item.materials {
            #expect(page.contains("<td>\(HTML.escape(material.name))</td>"))
            #expect(page.contains("<td>\(material.form.label)</td>"))
        }
        #expect(page.components(separatedBy: "<td class=\"tick\"").count - 1 == item.materials.count)
    }
    let page = GuidePage.render(item: marriage, catalogue: catalogue)
    #expect(page.contains("<td>3 份</td>"))
    #expect(page.contains("<td>非必需</td>"))
    #expect(page.contains("<td>2寸</td>"))
}

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

@Test("results link to their guide and show type, visits and online service")
func resultsShowFacts() {
    let page = HomePage.render(catalogue: catalogue, query: "结婚", category: nil, results: [marriage])
    #expect(page.contains(#"<a href="/guides/marriage">结婚登记</a>"#))
    #expect(page.contains("婚姻登记 · 行政确认 · 最多跑一次 · 不可网上办理"))
    #expect(!page.contains("/guides/hostile"))
}

@Test("without query or category every service is listed under its category")
func homeListsEverything() {
    let page = HomePage.render(catalogue: catalogue, query: " ", category: nil, results: [])
    #expect(page.contains("<h1>办事指南查询</h1>"))
    #expect(page.contains("<h2>婚姻登记</h2>"))
    #expect(page.contains("<h2>社会救助 &amp; &lt;b&gt;</h2>"))
    #expect(page.contains("/guides/marriage") && page.contains("/guides/hostile"))
    #expect(!page.contains("没有找到"))
}

@Test("category links are percent-encoded and show counts")
func categoryLinksEncoded() {
    let page = HomePage.render(catalogue: catalogue, query: nil, category: nil, results: [])
    let encoded = "%E7%A4%BE%E4%BC%9A%E6%95%91%E5%8A%A9%20%26%20%3Cb%3E"
    #expect(page.contains(#"<a href="/?category=\#(encoded)">社会救助 &amp; &lt;b&gt;（1）</a>"#))
    #expect(HTML.urlComponent("a+b=c&d") == "a%2Bb%3Dc%26d")
}

@Test("the guide lists the windows that serve the item and no others")
func guideListsServingWindows() {
    let page = GuidePage.render(item: marriage, catalogue: catalogue)
    #expect(page.contains("<h2>可在以下窗口办理</h2>"))
    #expect(page.contains("<li>1号综合窗口</li>"))
    #expect(page.contains("<li>5号婚姻登记专窗</li>"))
    #expect(!page.contains("6号殡葬专窗"))
}

@Test("phones become tel: links only when they look like a number")
func telLinksOnlyForRealNumbers() {
    let real = GuidePage.render(item: marriage, catalogue: catalogue)
    #expect(real.contains(#"<a href="tel:0411-12345">0411-12345</a>"#))
    #expect(real.contains(#"<a href="tel:12345">12345</a>"#))
    let placeholder = GuidePage.render(item: hostile, catalogue: catalogue)
    #expect(!placeholder.contains("tel:"))
    #expect(placeholder.contains("<dd>【待配置:咨询电话】</dd>"))
    #expect(!GuidePage.looksLikePhoneNumber("-123"))
    #expect(!GuidePage.looksLikePhoneNumber("12"))
}

@Test("the guide shows time limits, fee and legal basis in the hall's words")
func guideWording() {
    let marriagePage = GuidePage.render(item: marriage, catalogue: catalogue)
    #expect(marriagePage.components(separatedBy: "<dd>当场办结</dd>").count == 3, "即办件 is said one way")
    #expect(marriagePage.contains("<p>不收费。</p>"))
    #expect(marriagePage.contains("<li>《婚姻登记条例》 第四条、第五条</li>"))
    #expect(marriagePage.contains(#"<p class="en" lang="en">Marriage registration</p>"#))
    let hostilePage = GuidePage.render(item: hostile, catalogue: catalogue)
    #expect(hostilePage.contains("<dd>20 个工作日</dd>") && hostilePage.contains("<dd>10 个工作日</dd>"))
    #expect(hostilePage.contains("<dd>10 元</dd>") && hostilePage.contains("<dd>《收费文件》</dd>"))
    #expect(hostilePage.contains("<dd>零跑动</dd>") && hostilePage.contains("<dd>是（政务服务网）</dd>"))
}

@Test("the guide shows the national elements: bodies, forwarding, level, result, special steps and questions")
func guideNationalElements() {
    let page = GuidePage.render(item: hostile, catalogue: catalogue)
    #expect(page.contains("本大厅受理，转交区 &lt;民政局&gt;审批。"))
    #expect(page.contains("<dd>县级</dd>") && page.contains("<dd>个人</dd>"))
    #expect(page.contains("<dd>决定 &amp; 书</dd>") && page.contains("<dd>窗口领取、邮寄送达</dd>"))
    #expect(page.contains("<dt>公示 &lt;x&gt;（不计入时限）</dt><dd>7 日</dd>"))
    #expect(page.contains("<dt>&lt;q&gt;</dt><dd>a &amp; b</dd>"))
    let marriagePage = GuidePage.render(item: marriage, catalogue: catalogue)
    #expect(marriagePage.contains("<dd>全国通办</dd>"))
    #expect(!marriagePage.contains("本大厅受理，转交"))
    #expect(!marriagePage.contains("常见问题"))
    var noStatute = marriage
    noStatute.timeLimit = TimeLimit(statutoryDays: nil, promisedDays: 5)
    #expect(GuidePage.render(item: noStatute, catalogue: catalogue).contains("<dd>法律法规未规定</dd>"))
}

@Test("the not-found page escapes its message and links home")
func notFoundPage() {
    let page = NotFoundPage.render(hall: hall, message: "没有编号为 <x> 的事项")
    #expect(page.contains("没有编号为 &lt;x&gt; 的事项"))
    #expect(page.contains(#"<a href="/">"#))
}
