/// What `caredesk serve` was asked to do: where to listen, which Maildir to watch, how often to look.
public struct ServeSettings: Sendable {
    public var host: String
    /// 0: the system picks a free port (the one it picked is announced when the server listens).
    public var port: Int
    /// The Maildir whose new/ is watched for inbound mail; nil: no watcher (webhooks only).
    public var maildir: String?
    /// How often new/ is looked at, and how often due deliveries (fresh replies, retries) are handed over.
    public var pollInterval: Duration
    /// How often the clock's work is done: reminders, the desk's failure summary.
    public var tickInterval: Duration
    /// Messages per commit when the watcher ingests.
    public var batchSize: Int
    /// What the webhook routes trust and how much they take.
    public var webhooks: WebhookSettings
    /// `CAREDESK_EXIT_WITH_PID`: shut down once this process is gone (`OwnerWatch`).
    public var owner: Int32?
    /// How to hear at once of replies other processes queued (the database's LISTEN/NOTIFY): runs until cancelled,
    /// calling its argument for each; nil: the delivery round finds them at its next look.
    public var listenForWork: (@Sendable (_ heard: @escaping @Sendable () -> Void) async -> Void)?

    public init(host: String = "127.0.0.1", port: Int = 8080, maildir: String? = nil,
                pollInterval: Duration = .seconds(1), tickInterval: Duration = .seconds(60), batchSize: Int = 256,
                webhooks: WebhookSettings = WebhookSettings(), owner: Int32? = nil,
                listenForWork: (@Sendable (_ heard: @escaping @Sendable () -> Void) async -> Void)? = nil) {
        self.listenForWork = listenForWork
        self.host = host
        self.port = port
        self.maildir = maildir
        self.pollInterval = pollInterval
        self.tickInterval = tickInterval
        self.batchSize = batchSize
        self.webhooks = webhooks
        self.owner = owner
    }
}
