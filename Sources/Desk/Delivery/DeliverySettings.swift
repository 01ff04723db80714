import Foundation

/// How the outbox is delivered, from `DATA/config.json` (every field optional; a missing file means the
/// defaults: replies go to the local `DATA/outgoing/` Maildir). `CAREDESK_SMTP_URL` overrides the server.
public struct DeliverySettings: Sendable, Codable, Equatable {
    public struct SMTP: Sendable, Codable, Equatable {
        /// smtp://host:port (submission: port 587 with `requireTLS`) or smtps://host:465.
        public var url: String
        /// Refuse to send unless STARTTLS succeeds (never falls back to clear text). Unset: required,
        /// except for a server on this machine (127.0.0.1, ::1, localhost).
        public var requireTLS: Bool?
        /// A CA bundle to trust instead of the system's (a private mail server's certificate).
        public var caFile: String?
        public var connectTimeoutSeconds: Int
        public var transferTimeoutSeconds: Int

        public init(url: String, requireTLS: Bool? = nil, caFile: String? = nil, connectTimeoutSeconds: Int = 10,
                    transferTimeoutSeconds: Int = 60) {
            self.url = url
            self.requireTLS = requireTLS
            self.caFile = caFile
            self.connectTimeoutSeconds = connectTimeoutSeconds
            self.transferTimeoutSeconds = transferTimeoutSeconds
        }

        enum CodingKeys: String, CodingKey { case url, requireTLS, caFile, connectTimeoutSeconds, transferTimeoutSeconds }

        /// Only `url` is required; the timeouts default as in `init`.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = SMTP(url: "")
            url = try c.decode(String.self, forKey: .url)
            requireTLS = try c.decodeIfPresent(Bool.self, forKey: .requireTLS)
            caFile = try c.decodeIfPresent(String.self, forKey: .caFile)
            connectTimeoutSeconds = try c.decodeIfPresent(Int.self, forKey: .connectTimeoutSeconds) ?? defaults.connectTimeoutSeconds
            transferTimeoutSeconds = try c.decodeIfPresent(Int.self, forKey: .transferTimeoutSeconds) ?? defaults.transferTimeoutSeconds
        }

        /// Whether STARTTLS is required: as configured, else unless the server is on this machine.
        public var tlsRequired: Bool {
            if let requireTLS { return requireTLS }
            let host = url.split(separator: "/").dropFirst().first.map { $0.split(separator: "@").last ?? $0 } ?? ""
            let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }.dropFirst()) : String(host.split(separator: ":").first ?? "")
            return !["127.0.0.1", "::1", "localhost"].contains(name.lowercased())
        }
    }

    public var smtp: SMTP?
    public var retry: RetryPolicy
    /// Reminders before each appointment, in minutes (default a day and two hours).
    public var reminderMinutes: [Int]
    /// Connections to the mail server at once, each reused for a whole pass.
    public var workers: Int
    /// How long sent and failed messages stay listed in the outbox.
    public var keepDays: Int
    /// Other systems told of bookings, cancellations, moves and reminders (`"webhooks"` in the file).
    public var webhooks: [EventEndpoint]
    /// How long the copies in `outgoing/` and `outgoing-sms/` are kept (`"keepOutgoingDays"`, default 30).
    public var keepOutgoingDays = 30
    /// How long a handled message's id is remembered, so a re-sent copy is not carried out twice
    /// (`"dedupeDays"`, default 30): ids are kept for at least this long and at most twice as long.
    public var dedupeDays = 30
    /// How long a delivery round's claim on a message holds before another round (of this or another instance)
    /// may take it over (`"claimSeconds"`, default 900, at least 5): longer than any hand-over takes.
    public var claimSeconds = Int(Desk.claimSeconds)
    /// How many months stay open — in memory, answered from the appointments themselves — counting the
    /// current one (`"openMonths"`, default 13, at least 2): older months are closed by retention, their
    /// reports kept and their appointments moved to the history shelf.
    public var openMonths = 13

    public init(smtp: SMTP? = nil, retry: RetryPolicy = RetryPolicy(), reminderMinutes: [Int] = [1440, 120], workers: Int = 4,
                keepDays: Int = 7, webhooks: [EventEndpoint] = []) {
        self.smtp = smtp
        self.retry = retry
        self.reminderMinutes = reminderMinutes
        self.workers = workers
        self.keepDays = keepDays
        self.webhooks = webhooks
    }

    enum CodingKeys: String, CodingKey { case smtp, retry, reminderMinutes, workers, keepDays, webhooks, keepOutgoingDays, dedupeDays, claimSeconds, openMonths }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DeliverySettings()
        smtp = try c.decodeIfPresent(SMTP.self, forKey: .smtp)
        retry = try c.decodeIfPresent(RetryPolicy.self, forKey: .retry) ?? defaults.retry
        reminderMinutes = try c.decodeIfPresent([Int].self, forKey: .reminderMinutes) ?? defaults.reminderMinutes
        workers = try c.decodeIfPresent(Int.self, forKey: .workers) ?? defaults.workers
        keepDays = try c.decodeIfPresent(Int.self, forKey: .keepDays) ?? defaults.keepDays
        webhooks = try c.decodeIfPresent([EventEndpoint].self, forKey: .webhooks) ?? []
        keepOutgoingDays = max(1, try c.decodeIfPresent(Int.self, forKey: .keepOutgoingDays) ?? defaults.keepOutgoingDays)
        dedupeDays = max(1, try c.decodeIfPresent(Int.self, forKey: .dedupeDays) ?? defaults.dedupeDays)
        claimSeconds = max(5, try c.decodeIfPresent(Int.self, forKey: .claimSeconds) ?? defaults.claimSeconds)
        openMonths = max(2, try c.decodeIfPresent(Int.self, forKey: .openMonths) ?? defaults.openMonths)
    }

    public static func file(_ dataFolder: URL) -> URL { dataFolder.appendingPathComponent("config.json") }

    /// The settings of a data folder, with `CAREDESK_SMTP_URL` (if set) as the server.
    public static func load(_ dataFolder: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DeliverySettings {
        var settings = DeliverySettings()
        let file = file(dataFolder)
        if let data = FileManager.default.contents(atPath: file.path) {
            do {
                settings = try JSONDecoder().decode(DeliverySettings.self, from: data)
            } catch {
                throw DataFolder.Problem(description: "\(file.path) is not valid: \(error)")
            }
        }
        if let url = environment["CAREDESK_SMTP_URL"], !url.isEmpty {
            if settings.smtp == nil { settings.smtp = SMTP(url: url) } else { settings.smtp?.url = url }
        }
        guard settings.workers >= 1, settings.workers <= 16, settings.retry.firstRetryMinutes >= 1,
              settings.retry.maxRetryMinutes >= settings.retry.firstRetryMinutes, settings.retry.giveUpHours >= 1,
              settings.reminderMinutes.allSatisfy({ $0 > 0 }),
              settings.webhooks.allSatisfy({ $0.url.hasPrefix("https://") || $0.url.hasPrefix("http://") }) else {
            throw DataFolder.Problem(description: "\(file.path): workers must be 1–16, retry minutes and reminder minutes positive, webhook urls http(s)")
        }
        return settings
    }
}
