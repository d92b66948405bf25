/// A style sheet or script bundled with the daemon (Sources/OneWindowApp/Resources, embedded in
/// the binary), which a page inlines as it is: the only way besides a literal that markup which
/// is not built by `Markup` gets into a page.
struct PageResource: Sendable {
    let text: String

    private init(_ bytes: [UInt8]) { text = String(decoding: bytes, as: UTF8.self) }

    static let pageScreenStyle = PageResource(PackageResources.page_screen_css)
    static let pagePhoneStyle = PageResource(PackageResources.page_phone_css)
    static let pageLargeStyle = PageResource(PackageResources.page_large_css)
    static let pagePrintStyle = PageResource(PackageResources.page_print_css)
    static let ticketStyle = PageResource(PackageResources.ticket_css)
    static let manageStyle = PageResource(PackageResources.manage_css)
    static let boardStyle = PageResource(PackageResources.board_css)
    static let boardScript = PageResource(PackageResources.board_js)
}
