import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowStorage

extension TestApplication {
    /// Creates a live token for a device straight in the app's database, as
    /// `onewindowd token create` would, and returns the token for `Authorization: Bearer`.
    /// A clerk terminal or pad belongs to `window`, window 1 (the fixture's comprehensive
    /// window) unless another is named; other roles belong to none.
    public func createToken(role: DeviceRole, name: String, window: String? = nil) throws -> String {
        let token = DeviceTokens.generate()
        try application.state.storage.createDeviceToken(
            name: name, role: role, window: role.isWindowBound ? window ?? "1" : nil,
            tokenHash: DeviceTokens.hash(token), at: Date())
        return token
    }
}
