import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowStorage

extension TestApplication {
    /// Creates a live token for a device straight in the app's database, as
    /// `onewindowd token create` would, and returns the token for `Authorization: Bearer`.
    public func createToken(role: DeviceRole, name: String) throws -> String {
        let token = DeviceTokens.generate()
        try application.state.storage.createDeviceToken(
            name: name, role: role, tokenHash: DeviceTokens.hash(token), at: Date())
        return token
    }
}
