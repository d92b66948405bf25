import Foundation
import OneWindowCore
import OneWindowStorage

/// A message to an applicant's phone, as it waits in the outbox (topic `message`) and as it
/// is sent to `--notify-url`.
///
/// Stored with the number sealed (`PhoneVault`): the outbox table never holds a readable
/// number; the notify sender opens it just before the POST. Its outbox key is the event it
/// tells of, unique among messages, so an event is never told twice.
struct PhoneMessage: Codable, Sendable, Equatable {
    enum Template: String, CaseIterable, Sendable {
        case verification
        case bookingConfirmed = "booking_confirmed"
        case bookingCancelled = "booking_cancelled"
        case bookingReminder = "booking_reminder"
        case ticketCalled = "ticket_called"
        case remoteTicketTaken = "remote_ticket_taken"
        case ticketNear = "ticket_near"
    }

    var template: String
    var params: [String: String]
    /// The number, sealed with the hall's phone key.
    var phone: Data

    init(_ template: Template, params: [String: String], phoneSealed: Data) {
        self.template = template.rawValue
        self.params = params
        self.phone = phoneSealed
    }

    /// The outbox record, keyed by `event` (e.g. `booking_confirmed:<code>`).
    func outbox(event: String) -> OutboxMessage {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return OutboxMessage(
            topic: OutboxLane.messageTopic, key: event, payload: (try? encoder.encode(self)) ?? Data("{}".utf8))
    }

    /// What `--notify-url` receives: `{"to", "template", "params", "text"}` (`text`: the
    /// template's words with the parameters put in, for a receiver that sends text as is).
    /// Nil when the stored payload cannot be read or its number opened.
    static func body(of record: OutboxRecord, vault: PhoneVault, templates: MessageTemplates) -> Data? {
        guard let message = try? JSONDecoder().decode(PhoneMessage.self, from: record.payload),
            let phone = vault.open(message.phone)
        else { return nil }
        let sent = Sent(
            to: phone.digits, template: message.template, params: message.params,
            text: templates.text(message.template, message.params))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try? encoder.encode(sent)
    }

    private struct Sent: Encodable {
        var to: String
        var template: String
        var params: [String: String]
        var text: String
    }
}
