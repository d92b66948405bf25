import OneWindowCore

@testable import OneWindowApp

/// A small hall and two items for the page tests: an ordinary one and one whose every text
/// is hostile markup.
enum PageSamples {
    /// One comprehensive window, a marriage window and a window for something else.
    static let hall = Hall(
        name: "示例市民政局政务服务大厅", timeZone: "Asia/Shanghai", address: "示例路 1 号",
        hours: "周一至周五 9:00–12:00、13:00–17:00",
        windows: [
            Window(id: "1", name: "1号综合窗口", kind: .comprehensive),
            Window(id: "5", name: "5号婚姻登记专窗", kind: .specialised, services: ["marriage"]),
            Window(id: "6", name: "6号殡葬专窗", kind: .specialised, services: ["funeral"]),
        ]
    )

    static let marriage = ServiceItem(
        id: "marriage", name: "结婚登记", nameEn: "Marriage registration", category: "婚姻登记",
        itemType: .confirmation, acceptingBody: "示例市民政局", decidingBody: "示例市民政局",
        legalBasis: [LegalBasis(title: "《婚姻登记条例》", articles: "第四条、第五条")],
        conditions: ["双方自愿", "达到法定婚龄"],
        materials: [
            Material(id: "m1", name: "居民身份证", form: .original, copies: 1, required: true),
            Material(
                id: "m2", name: "居民户口簿", form: .originalAndCopy, copies: 1, required: true, obtainedByHall: true),
            Material(
                id: "m3", name: "近期半身免冠合影照片", form: .original, copies: 3, required: false, note: "2寸",
                source: .hall, blankFormUrl: "https://example.org/form.pdf"),
        ],
        steps: [Step(title: "受理", description: "窗口核对材料"), Step(title: "发证", description: "当场颁发结婚证")],
        timeLimit: TimeLimit(statutoryDays: 0, promisedDays: 0),
        result: ServiceResult(name: "结婚证", delivery: [.onTheSpot]), fee: Fee(free: true), place: "大厅二楼",
        hours: "周一至周五 9:00–12:00", phones: Phones(consultation: "0411-12345", complaint: "12345"),
        online: OnlineService(available: false), bookingUrl: "https://example.org/booking", scope: .nationwide,
        updatedAt: "2026-11-29", channels: .hall(1), queuePrefix: "A"
    )

    static let hostile = ServiceItem(
        id: "hostile", name: "<script>alert(1)</script> & 低保", category: "社会救助 & <b>",
        itemType: .benefit, serviceObject: [.individual, .organisation], level: .county,
        acceptingBody: "民政 & \"局\"", decidingBody: "区 <民政局>", legalBasis: [], conditions: ["收入低于 <标准>"],
        materials: [
            Material(
                id: "m1", name: "收入证明 <原件> & 'x'", form: .copy, copies: 2, required: false, medium: .either,
                waivable: true)
        ],
        steps: [],
        timeLimit: TimeLimit(
            statutoryDays: 20, promisedDays: 10, specialSteps: [SpecialStep(name: "公示 <x>", duration: "7 日")]),
        result: ServiceResult(name: "决定 & 书", delivery: [.atWindow, .post]),
        fee: Fee(free: false, amount: "10 元", basis: "《收费文件》"),
        place: "大厅一楼", hours: "工作日", phones: Phones(consultation: PublicText.askAtWindow, complaint: "12345 转 1"),
        online: OnlineService(available: true, note: "政务服务网"),
        formDownloads: [
            FormDownload(name: "申请表", url: "https://example.org/1.pdf"),
            FormDownload(name: "承诺书 <b>", url: "https://example.org/2.pdf"),
        ],
        progressUrl: "https://example.org/progress", faq: [FAQEntry(q: "<q>", a: "a & b")], updatedAt: "2026-11-29",
        channels: Channels(
            hall: HallChannel(visitsPromised: 0),
            online: OnlineChannel(visitsPromised: 0, url: "https://example.org/apply?a=1&b=<2>")), queuePrefix: "B"
    )

    static let catalogue = Catalogue(hall: hall, services: [marriage, hostile])

    /// Every kind of page the applicant can get, in both modes, for checks that hold on all of them.
    static var allPages: [String] {
        PageMode.allCases.flatMap { mode in
            [
                HomePage.render(catalogue: catalogue, query: nil, category: nil, results: [], mode: mode),
                HomePage.render(catalogue: catalogue, query: "低保", category: nil, results: [hostile], mode: mode),
                HomePage.render(
                    catalogue: catalogue, query: nil, category: "社会救助 & <b>", results: [hostile], mode: mode),
                HomePage.render(catalogue: catalogue, query: "<script>", category: nil, results: [], mode: mode),
                GuidePage.render(item: marriage, catalogue: catalogue, mode: mode),
                GuidePage.render(item: hostile, catalogue: catalogue, mode: mode),
                NotFoundPage.render(hall: hall, message: "没有编号为 <x> 的事项", mode: mode),
            ]
        }
    }
}
