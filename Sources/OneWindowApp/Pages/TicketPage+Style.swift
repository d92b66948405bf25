extension TicketPage {
    /// ticket.css: for a phone first (320–390 px wide): one column, the number large, nothing
    /// wider than the screen. Colours keep WCAG AA contrast.
    static let css = PageResource.ticketStyle.text
}
