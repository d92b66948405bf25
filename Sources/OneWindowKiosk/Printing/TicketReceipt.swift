import Foundation

/// The paper ticket: hall, number in large print, service, time, case number, the materials
/// to have ready, a QR code of the public status page `<public URL>/t/{ticketId}` (where the
/// visit can be rated from a phone) and the evaluation code a kiosk rating needs.
public struct TicketReceipt: Sendable {
    public var hallName: String
    public var ticket: TicketInfo
    public var serviceName: String
    public var materials: [String]
    /// When it was issued, as the hall reads its clock (e.g. 2026-11-29 09:00).
    public var issuedAt: String
    public var publicURL: URL?

    public init(
        hallName: String, ticket: TicketInfo, serviceName: String, materials: [String], issuedAt: String,
        publicURL: URL?
    ) {
        self.hallName = hallName
        self.ticket = ticket
        self.serviceName = serviceName
        self.materials = materials
        self.issuedAt = issuedAt
        self.publicURL = publicURL
    }

    /// The page that shows this ticket's place in the queue.
    public var statusURL: String? {
        publicURL.map { $0.appendingPathComponent("t").appendingPathComponent(ticket.id).absoluteString }
    }

    public func escPos() throws(GB18030.Failure) -> [UInt8] {
        var printer = EscPos()
        printer.initialize()
        printer.align(.center)
        try printer.line(hallName)
        printer.feed(lines: 1)
        printer.size(width: 2, height: 2)
        printer.bold(true)
        try printer.line(ticket.number)
        printer.bold(false)
        printer.size(width: 1, height: 1)
        try printer.line(serviceName)
        printer.feed(lines: 1)
        printer.align(.left)
        try printer.line("取号时间：\(issuedAt)")
        try printer.line("前面还有：\(ticket.ahead) 人")
        if let caseId = ticket.caseId { try printer.line("办件号：\(caseId)") }
        if !materials.isEmpty {
            try printer.line("请备好以下材料：")
            for (index, name) in materials.enumerated() { try printer.line("\(index + 1). \(name)") }
        }
        if let statusURL {
            printer.feed(lines: 1)
            printer.align(.center)
            printer.qrCode(statusURL)
            try printer.line("扫码查看排队进度，办结后可扫码评价")
        }
        if let code = ticket.evaluationCode {
            printer.feed(lines: 1)
            printer.align(.center)
            printer.bold(true)
            try printer.line("评价码：\(code)")
            printer.bold(false)
            try printer.line("办结后凭号码和评价码在自助机评价")
        }
        printer.feed(lines: 1)
        printer.align(.center)
        try printer.line("请留意叫号，过号需重新取号")
        printer.cut()
        return printer.bytes
    }
}
