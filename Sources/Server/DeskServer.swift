import Hummingbird
import Logging
import PayLinks
import ServiceLifecycle

/// `caredesk serve`: the HTTP front door, the Maildir watcher, the delivery and reminder rounds, all around
/// one `Reception`, run as one service group that shuts down gracefully on SIGTERM and SIGINT.
///
/// Shutting down: the front door is told first — the reception's sign turns to closed (no new work for the
/// desk from anyone) and the server stops accepting connections and finishes the requests in hand; then the
/// watcher and the rounds finish what they hold (a batch being ingested is committed and its mail moved to
/// cur/) and stop. `run` then returns.
public struct DeskServer: Sendable {
    public let reception: Reception
    let settings: ServeSettings
    let logger: Logger

    public init(reception: Reception, settings: ServeSettings, logger: Logger) {
        self.reception = reception
        self.settings = settings
        self.logger = logger
    }

    public func run(onListening: @escaping @Sendable (_ port: Int) async -> Void) async throws {
        let reception = self.reception
        // Pay links are checked with the link secret; without one every link gets the page saying it does not work.
        let links = try await settings.webhooks.linkSecret.asyncMap { try await PayLinks(secret: $0) }
        let door = FrontDoor.application(reception: reception, host: settings.host, port: settings.port, webhooks: settings.webhooks,
                                         links: links, logger: logger, onListening: onListening)
        let wakeup = settings.listenForWork.map { _ in Wakeup() }
        var services: [any Service] = [
            Round.delivery(reception: reception, interval: settings.pollInterval, wakeup: wakeup, logger: logger),
            Round.reminders(reception: reception, interval: settings.tickInterval, logger: logger),
        ]
        if let listen = settings.listenForWork, let wakeup {
            services.append(WorkListener(listen: listen, wakeup: wakeup))
        }
        if let maildir = settings.maildir {
            services.append(MailboxWatcher(reception: reception, maildir: maildir, pollInterval: settings.pollInterval,
                                           batchSize: settings.batchSize, logger: logger))
        }
        // Last in the list, so first to hear of the shutdown: it closes the desk to new work for everyone.
        services.append(ClosingDoor(door: door, reception: reception))
        var configured = services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
        if let owner = settings.owner {
            // Ending is its way of asking for the shutdown: graceful, as on SIGTERM.
            configured.insert(ServiceGroupConfiguration.ServiceConfiguration(service: OwnerWatch(owner: owner, interval: .seconds(1), logger: logger),
                                                                             successTerminationBehavior: .gracefullyShutdownGroup), at: 0)
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: configured, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// The front door as a service that, when told to shut down, first turns the reception's sign to closed.
struct ClosingDoor<Door: ApplicationProtocol>: Service {
    let door: Door
    let reception: Reception

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await door.run()
        } onGracefulShutdown: {
            reception.close()
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
