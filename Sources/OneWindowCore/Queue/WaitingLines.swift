import Foundation

/// The waiting tickets of each service, each line kept in call order, so that "who is next"
/// and "how many are ahead" take a binary search instead of a scan of the day's tickets
/// (a public `GET /tickets/{id}` must stay cheap with thousands waiting).
struct WaitingLines: Sendable {
    /// What orders a waiting ticket: priority first, then appointments, then issue time, then
    /// its number.
    struct Key: Sendable, Comparable {
        var priority: Bool
        var appointment: Bool
        var issuedAt: Date
        var prefix: String
        var sequence: Int
        var id: String

        init(_ ticket: Ticket) {
            priority = ticket.priority
            appointment = ticket.channel == .appointment
            issuedAt = ticket.issuedAt
            prefix = ticket.prefix
            sequence = ticket.sequence
            id = ticket.id
        }

        /// `a < b` means a is called before b.
        static func < (a: Key, b: Key) -> Bool {
            if a.priority != b.priority { return a.priority }
            if a.appointment != b.appointment { return a.appointment }
            if a.issuedAt != b.issuedAt { return a.issuedAt < b.issuedAt }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            if a.sequence != b.sequence { return a.sequence < b.sequence }
            return a.id < b.id
        }
    }

    private var lines: [String: [Key]] = [:]
    /// Waiting tickets per number prefix (a transferred ticket keeps its prefix).
    private(set) var countByPrefix: [String: Int] = [:]

    mutating func insert(_ ticket: Ticket) {
        let key = Key(ticket)
        lines[ticket.serviceId, default: []].insert(key, at: Self.rank(of: key, in: lines[ticket.serviceId] ?? []))
        countByPrefix[ticket.prefix, default: 0] += 1
    }

    mutating func remove(_ ticket: Ticket) {
        let key = Key(ticket)
        let found: Int? = lines[ticket.serviceId].flatMap { line in
            let index = Self.rank(of: key, in: line)
            return index < line.count && line[index].id == ticket.id ? index : nil
        }
        guard let index = found else { return }
        // In place, through the dictionary: a copy of the line held while removing (as `guard
        // var line = lines[…]` then putting it back did) would share the dictionary's buffer and
        // copy the whole line, thousands of tickets, on every call.
        lines[ticket.serviceId]?.remove(at: index)
        countByPrefix[ticket.prefix, default: 0] -= 1
    }

    /// The first ticket in any of the services' lines.
    func first(among serviceIds: (String) -> Bool) -> Key? {
        lines.filter { serviceIds($0.key) }.compactMap(\.value.first).min()
    }

    /// The longest-waiting walk-in (not an appointment, not priority) of `prefix` in any of the
    /// services' lines. Appointments stand at the front of a line, so this passes over them only.
    func firstWalkIn(among serviceIds: (String) -> Bool, prefix: String) -> Key? {
        lines.filter { serviceIds($0.key) }
            .compactMap { $0.value.first { !$0.priority && !$0.appointment && $0.prefix == prefix } }.min()
    }

    /// How many wait in the lines of the services that `include` accepts.
    func count(_ include: (String) -> Bool) -> Int {
        lines.reduce(0) { sum, line in include(line.key) ? sum + line.value.count : sum }
    }

    /// How many wait before `ticket` in each line that `include` accepts, per service.
    func ahead(of ticket: Ticket, in include: (String) -> Bool) -> [(serviceId: String, count: Int)] {
        let key = Key(ticket)
        return lines.compactMap { serviceId, line in
            guard include(serviceId) else { return nil }
            return (serviceId, Self.rank(of: key, in: line))
        }
    }

    /// Where `key` stands (or would stand) in `line`: how many come before it.
    private static func rank(of key: Key, in line: [Key]) -> Int {
        var low = 0
        var high = line.count
        while low < high {
            let middle = (low + high) / 2
            if line[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
