extension Ticket {
    /// How a ticket came into the queue (渠道). Tickets from before channels are walk-ins.
    public enum Channel: String, Sendable, Equatable, Codable, CaseIterable {
        /// Taken at a kiosk in the hall (现场取号).
        case walkIn = "walk_in"
        /// Checked in at a kiosk inside a booking's check-in window (预约签到): called ahead of
        /// the walk-ins, within `CallOrder`'s limit.
        case appointment
        /// Taken from a phone the same day (线上取号).
        case remote
    }
}
