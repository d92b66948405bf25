/// The one style sheet of the applicant pages, inlined into every page by `PageLayout`; its
/// parts are resource files (page-*.css).
///
/// Readable on a phone first (from 320 px wide, nothing scrolls sideways); the materials
/// table becomes stacked cards under 40rem (`phone`). `html.large` is 长者模式 (大字版: larger
/// type, 48 px touch targets); `print` is A4 paper.
enum PageStyle {
    static let css = screen + phone + large + print

    static let screen = PageResource.pageScreenStyle.text
    static let phone = PageResource.pagePhoneStyle.text
    static let large = PageResource.pageLargeStyle.text
    static let print = PageResource.pagePrintStyle.text
}
