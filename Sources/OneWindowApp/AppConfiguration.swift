import Foundation
import OneWindowCore
import OneWindowHTTP
import OneWindowStorage

/// Everything `onewindowd serve` can be told. The defaults work from the repo root.
public struct AppConfiguration: Sendable {
    /// The service catalogue; reloaded on SIGHUP.
    public var cataloguePath: String = "services.json"
    /// A catalogue file larger than this is refused before it is read, at start and on reload.
    public var catalogueMaxBytes = CatalogueSource.defaultMaxBytes
    /// 常见缺件提醒: how many hall days back, and how many first visits before a share shows.
    public var commonlyMissing = CommonlyMissing.Setting()
    /// How old the public's cached figures (常见缺件提醒, /disclosure) may grow, in seconds.
    public var publicFiguresSeconds: Double = 60
    /// The SQLite database; its folder is created if missing.
    public var databasePath: String = "var/onewindow.sqlite"
    /// Listening address, port, threads and body cap.
    public var http = HTTPServer.Configuration()
    /// A no-show is allowed once a ticket was called this many times.
    public var callsBeforeNoShow = 3
    /// …and once this many seconds have passed since its first call: time to cross the hall.
    public var noShowAfter: TimeInterval = 90
    /// Hall-local time at which tickets still open expire; nil leaves it to `close-day`.
    public var closingTime: (hour: Int, minute: Int)? = (17, 30)
    /// How long a valid device token is trusted without reading the database again: a revoked
    /// token stops working within this time. 0 reads the database on every request.
    public var tokenCacheSeconds: TimeInterval = 1
    /// How often idle board streams get a keep-alive comment.
    public var boardHeartbeatSeconds: Double = 15
    /// The hall's clock; tests inject one to cross midnight without waiting for it.
    public var clock: QueueService.Clock = { Date() }
    /// How long a stop waits for requests already in flight.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// Queue commands waiting for the commit thread at most; more are answered 503 `server_busy`.
    public var inboxCapacity = 10_000
    /// How long a read waits for a group's commit before it reads the database instead
    /// (`QueueService.read`). Tests that hold a commit on purpose set it long, so that what they
    /// check never depends on how fast this machine's disk is.
    public var readWait: TimeInterval = QueueService.defaultReadWait
    /// Tickets one device may take: `burst` at once, then `perMinute`; nil for no limit.
    public var issueRateLimit: IssueRateLimit? = IssueRateLimit(perMinute: 60, burst: 20)
    /// An open database to use instead of opening `databasePath` (tests inject failures so).
    public var storage: Storage?
    /// Called on every turn of the commit thread's loop (at least once a second): the daemon
    /// pings systemd's watchdog from it, so a commit stuck in the database is noticed.
    public var commitHeartbeat: (@Sendable () -> Void)?
    /// More observers of committed groups, after the boards, metrics and Prometheus (tests
    /// watch which jobs shared a group so).
    public var commitObservers: [any CommitObserver] = []
    /// Where the outbox delivers its records (`--evaluation-push-url`); nil sends nothing.
    public var outboxPush: OutboxPush?
    /// Where messages to applicants' phones go (`--notify-url`): `{to, template, params}`,
    /// signed like the push; nil keeps them waiting in the outbox.
    public var notifyPush: OutboxPush?
    /// The 32-byte key that seals phone numbers (`--phone-key-file`); nil for `phone.key`
    /// beside the database, created (0600) when missing.
    public var phoneKeyPath: String?
    /// The words of the messages to phones (`--messages-file`).
    public var messageTemplates = MessageTemplates.standard
    /// Bookings and their phone numbers are deleted this many days after the booking's day.
    public var retentionDays = 30
    /// A remote ticket's holder gets "前面还有 N 人" (`ticket_near`) once this many or fewer
    /// are ahead of it (`--near-ahead`).
    public var nearAhead = 3
    /// How often the reminders and the retention sweep look at the clock, in seconds.
    public var choresSeconds: Double = 30
    /// Pull the catalogue from the city (`--catalogue-url`), signed with its key; nil keeps the
    /// hall's own file, reloaded on SIGHUP only.
    public var cataloguePull: CataloguePull?
    /// The hall's id in the city (`--hall-id`): the `hall` label of every Prometheus figure,
    /// so that a city's Prometheus can federate its halls; nil adds no label.
    public var hallId: String?
    /// Where the hall sends its event log for the city's figures (`--city-url`); nil sends nothing.
    public var cityExport: CityExport?

    public init() {}
}

/// How fast one kiosk may take tickets.
public struct IssueRateLimit: Sendable, Equatable {
    public var perMinute: Double
    public var burst: Double

    public init(perMinute: Double, burst: Double) {
        self.perMinute = perMinute
        self.burst = burst
    }
}
