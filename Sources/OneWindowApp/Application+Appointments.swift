import Foundation
import Logging
import OneWindowCore
import OneWindowStorage

extension Application {
    /// The booking side: the phone key (read, or created beside the database), the codes, and
    /// the sender of the outbox's `messages` lane to `--notify-url`.
    static func appointmentDesk(
        _ configuration: AppConfiguration, snapshot: CatalogueSnapshot, storage: Storage, queue: QueueService,
        logger: Logger
    ) throws -> AppointmentDesk {
        let keyPath = configuration.phoneKeyPath ?? PhoneVault.defaultKeyFile(database: storage.path)
        let vault: PhoneVault
        do {
            vault = try PhoneVault.loadOrCreate(keyFile: keyPath)
        } catch {
            throw AppointmentSetupError(description: error.description)
        }
        let templates = configuration.messageTemplates
        let notifier = OutboxSender(
            storage: storage, push: configuration.notifyPush,
            figures: OutboxFigures(PrometheusExporter()), clock: configuration.clock, logger: logger,
            lane: .messages, body: { PhoneMessage.body(of: $0, vault: vault, templates: templates) })
        let limits = snapshot.published.hall.appointments?.limits ?? BookingLimits()
        return AppointmentDesk(
            vault: vault, limits: limits, notifier: notifier, queue: queue, clock: configuration.clock,
            nearAhead: configuration.nearAhead)
    }
}

struct AppointmentSetupError: Error, CustomStringConvertible {
    let description: String
}
