import Foundation
import OneWindowCore
import OneWindowHTTP
import OneWindowStorage

/// One queue event as boards receive it: what happened, which number, which window. The
/// stream is public, so it carries only what a board shows, never a ticket's id: the id is
/// the holder's (the receipt's QR code), and with it the ticket page shows the case's outcome.
struct BoardEvent: Encodable {
    var id: Int64
    var kind: String
    var number: String?
    /// The ticket's channel: a board marks appointment tickets (约).
    var channel: String?
    var serviceId: String?
    /// The service's public name, for the board's call line.
    var serviceName: String?
    var window: String?
    var windowName: String?
    var at: String

    init(_ stored: StoredEvent, ticket: Ticket?, catalogue: Catalogue) {
        let event = stored.event
        id = stored.id
        kind = event.kind.rawValue
        number = ticket?.number
        channel = ticket?.channel.rawValue
        serviceId = ticket?.serviceId
        serviceName = ticket.flatMap { catalogue.service(id: $0.serviceId) }.map { PublicText.clean($0.name) ?? $0.id }
        window = event.window
        windowName = event.window.flatMap { id in catalogue.hall.windows.first { $0.id == id }?.name }
        at = Timestamp.iso8601(event.at)
    }

    /// Whether boards show it (cases and ratings are not theirs).
    var isQueueEvent: Bool { QueueEvent.Kind(rawValue: kind)?.isQueueEvent ?? false }

    /// `id: 42\nevent: called\ndata: {…}\n\n`.
    var serverSentEvent: Data {
        Data("id: \(id)\nevent: \(kind)\ndata: ".utf8) + Response.encodeJSON(self) + Data("\n\n".utf8)
    }
}
