import OneWindowCore
import Testing

@testable import OneWindowApp

@Suite("Pages: the guide", .timeLimit(.minutes(2)))
struct GuidePageTests {
    let catalogue = PageSamples.catalogue
    var marriage: String { GuidePage.render(item: PageSamples.marriage, catalogue: catalogue) }
    var hostile: String { GuidePage.render(item: PageSamples.hostile, catalogue: catalogue) }

    @Test("the materials checklist lists every material with a box to tick and its needs on one line")
    func checklistHasEveryMaterial() {
        for item in [PageSamples.marriage, PageSamples.hostile] {
            let page = GuidePage.render(item: item, catalogue: catalogue)
            for material in item.materials {
                #expect(page.contains(#"<th scope="row" class="name">\#(HTML.escape(material.name))</th>"#))
            }
            #expect(page.components(separatedBy: #"<td class="tick""#).count - 1 == item.materials.count)
        }
        #expect(marriage.contains(#"<td class="need">原件 · 1\#u{00A0}份 · 必需</td>"#))
        #expect(marriage.contains(#"<td class="need">原件 · 3\#u{00A0}份 · 视情况提供</td>"#))
        #expect(marriage.contains(#"<td class="need">免提交 · 窗口代为获取</td>"#))
        #expect(
            marriage.contains("2寸<br>窗口提供格式文本")
                && marriage.contains(#"<a href="https://example.org/form.pdf">空白表格</a>"#))
        #expect(hostile.contains("可容缺受理") && hostile.contains("纸质版或电子版均可"))
    }

    @Test("the checklist's wrapper is a labelled region reachable by keyboard, for when it scrolls")
    func focusableWrapper() {
        #expect(marriage.contains(#"<div class="table-wrap" tabindex="0" role="region" aria-label="申请材料清单">"#))
        #expect(PageStyle.phone.contains("@media (max-width:40rem)"))
    }

    @Test("办事一览 answers who, what to bring, how long, the cost, the visits and where, in plain words")
    func summaryCard() {
        #expect(marriage.contains(#"<section class="summary">"#) && marriage.contains("<h2>办事一览</h2>"))
        for question in ["谁可以办", "要带什么", "多长时间", "要花多少钱", "要跑几次", "到哪里办", "网上能办吗"] {
            #expect(marriage.contains("<dt>\(question)</dt>"), "\(question)")
        }
        #expect(
            marriage.contains("<dd>2\u{00A0}项材料（1\u{00A0}项必带，其余视情况提供）；另有\u{00A0}1\u{00A0}项由窗口代为获取，无需携带，见下方“申请材料”</dd>"))
        #expect(marriage.contains("<dd>当场办结</dd>") && marriage.contains("<dd>不收费</dd>"))
        #expect(marriage.contains("<dd>全国通办：在全国范围内均可申请，不限户籍所在地</dd>"))
        #expect(hostile.contains("<dd>承诺 10\u{00A0}个工作日内办结</dd>") && hostile.contains("<dd>10 元</dd>"))
        #expect(hostile.contains("<dd>个人、法人和其他组织，须符合下方“受理条件”</dd>"))
    }

    @Test("action buttons appear only where the catalogue has a link, with the print button always")
    func actionButtons() {
        #expect(marriage.contains(#"<a class="button" href="https://example.org/booking">预约</a>"#))
        #expect(!marriage.contains(">在线办理</a>") && !marriage.contains(">进度查询</a>"))
        #expect(hostile.contains(#"<a class="button" href="https://example.org/apply?a=1&amp;b=&lt;2&gt;">在线办理</a>"#))
        #expect(hostile.contains(##"<a class="button" href="#forms">表格下载</a>"##))
        #expect(hostile.contains(#"<section id="forms">"#) && hostile.contains("承诺书 &lt;b&gt;"))
        #expect(hostile.contains(#"<a class="button" href="https://example.org/progress">进度查询</a>"#))
        for page in [marriage, hostile] { #expect(page.contains("打印本页")) }
    }

    @Test("a guide the hall does not take says where to go right under its title; one it takes does not")
    func notHereComesFirst() {
        var funeral = PageSamples.marriage
        funeral.channels = Channels(office: OfficeChannel(place: "承办火化的殡仪馆"))
        let page = GuidePage.render(item: funeral, catalogue: catalogue)
        let notice = #"<p class="not-here">本大厅不受理此事项，请通过以下渠道办理：承办火化的殡仪馆</p>"#
        let title = page.range(of: "<h1>结婚登记</h1>")
        let shown = page.range(of: notice)
        let actions = page.range(of: #"<nav class="actions no-print""#)
        #expect(title != nil && shown != nil && actions != nil, "\(page)")
        if let title, let shown, let actions {
            #expect(title.upperBound <= shown.lowerBound && shown.upperBound <= actions.lowerBound)
        }
        #expect(!marriage.contains(#"<p class="not-here">"#))
    }

    @Test("the guide lists the windows that serve the item and no others")
    func guideListsServingWindows() {
        #expect(marriage.contains("<h2>可在以下窗口办理</h2>"))
        #expect(marriage.contains("<li>1号综合窗口</li>") && marriage.contains("<li>5号婚姻登记专窗</li>"))
        #expect(!marriage.contains("6号殡葬专窗"))
    }

    @Test("phones become tel: links only when they look like a number; an unknown one says where to ask")
    func telLinksOnlyForRealNumbers() {
        #expect(marriage.contains(#"<a href="tel:0411-12345">0411-12345</a>"#))
        #expect(marriage.contains(#"<a href="tel:12345">12345</a>"#))
        #expect(!hostile.contains("tel:"))
        #expect(hostile.contains("<dt>咨询电话</dt><dd>请到大厅咨询台询问</dd>"))
        #expect(!GuidePage.looksLikePhoneNumber("-123"))
        #expect(!GuidePage.looksLikePhoneNumber("12"))
    }

    @Test("the guide shows time limits, fee and legal basis in the hall's words, 当场办结 the one word for 即办件")
    func guideWording() {
        #expect(marriage.contains("<dt>承诺办结时限</dt><dd>当场办结</dd>"))
        #expect(!marriage.contains("即时办结") && !marriage.contains("即办件"))
        #expect(marriage.contains("<p>不收费。</p>"))
        #expect(marriage.contains("<li>《婚姻登记条例》 第四条、第五条</li>"))
        #expect(marriage.contains(#"<p class="en" lang="en">Marriage registration</p>"#))
        #expect(hostile.contains("<dd>20\u{00A0}个工作日</dd>") && hostile.contains("<dd>10\u{00A0}个工作日</dd>"))
        #expect(hostile.contains("<dd>10 元</dd>") && hostile.contains("<dd>《收费文件》</dd>"))
        #expect(hostile.contains("<dd>零跑动</dd>") && hostile.contains("<dd>可网上办理（政务服务网）</dd>"))
    }

    @Test("the guide shows the national elements: bodies, forwarding, level, result, special steps and questions")
    func guideNationalElements() {
        #expect(hostile.contains("民政 &amp; &quot;局&quot;受理申请，转交区 &lt;民政局&gt;办理。"))
        var forwarded = PageSamples.marriage
        forwarded.decidingBody = "示例区民政局"
        forwarded.itemType = .licensing
        #expect(
            GuidePage.render(item: forwarded, catalogue: catalogue).contains("本大厅受理申请，转交示例区民政局审批。"))
        #expect(hostile.contains("<dd>县级</dd>") && hostile.contains("<dd>自然人、法人</dd>"))
        #expect(hostile.contains("<dd>决定 &amp; 书</dd>") && hostile.contains("<dd>窗口领取、邮寄送达</dd>"))
        #expect(hostile.contains("<dt>公示 &lt;x&gt;（不计入时限）</dt><dd>7 日</dd>"))
        #expect(hostile.contains("<dt>&lt;q&gt;</dt><dd>a &amp; b</dd>"))
        #expect(marriage.contains("<dd>全国通办</dd>"))
        #expect(!marriage.contains("受理申请，转交") && !marriage.contains("常见问题"))
        var noStatute = PageSamples.marriage
        noStatute.timeLimit = TimeLimit(statutoryDays: nil, promisedDays: 5)
        #expect(GuidePage.render(item: noStatute, catalogue: catalogue).contains("<dd>法律法规未规定</dd>"))
        var noPromise = PageSamples.hostile
        noPromise.timeLimit = TimeLimit(statutoryDays: 60, promisedDays: nil, unit: .naturalDays)
        let page = GuidePage.render(item: noPromise, catalogue: catalogue)
        #expect(page.contains("<dt>承诺办结时限</dt><dd>请咨询窗口</dd>"))
        #expect(page.contains("<dd>法定 60\u{00A0}日内办结，本局承诺时限请咨询窗口</dd>"))
    }
}
