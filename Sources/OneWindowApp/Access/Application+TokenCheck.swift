import OneWindowCore
import OneWindowStorage

extension Application {
    /// Warns at start-up of live tokens that cannot work: clerk or pad tokens from before
    /// tokens were bound to a window (refused with 403 `token_unbound`), and tokens bound to a
    /// window the catalogue no longer has.
    func logTokenProblems() {
        let records: [DeviceTokenRecord]
        do {
            records = try state.storage.deviceTokens().filter { $0.revokedAt == nil }
        } catch {
            logger.error("cannot read the device tokens to check them: \(error)")
            return
        }
        let windows = Set(state.catalogue.published.hall.windows.map(\.id))
        for record in records where record.role.isWindowBound {
            guard let window = record.window else {
                let role = record.role.rawValue
                logger.warning(
                    """
                    the \(role) token “\(record.name)” belongs to no window and is refused; revoke it and create \
                    a new one with `onewindowd token create --role \(role) --window ID`
                    """)
                continue
            }
            if !windows.contains(window) {
                logger.warning(
                    "the \(record.role.rawValue) token “\(record.name)” belongs to window \(window), which the catalogue lacks"
                )
            }
        }
    }
}
