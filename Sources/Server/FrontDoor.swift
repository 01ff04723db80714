import Hummingbird
import Logging
import NIOCore

/// The HTTP side of the desk: the routes and the application that serves them. Handlers hold no business
/// rules; whatever touches the clinic goes through the `Reception`.
public enum FrontDoor {
    public typealias Context = BasicRequestContext

    /// Every route the desk answers.
    public static func router(reception: Reception, webhooks: WebhookSettings = WebhookSettings()) -> Router<Context> {
        let router = Router(context: Context.self)
        addHealth(to: router, reception: reception)
        addWebhooks(to: router, reception: reception, settings: webhooks)
        return router
    }

    /// `GET /health`: the store's counts, the outbox's backlog, the last delivery error, as JSON.
    static func addHealth(to router: Router<Context>, reception: Reception) {
        router.get("health") { _, _ -> HealthReport in
            await reception.health()
        }
    }

    /// The application on `host:port` (port 0: a free one); `onListening` gets the port actually bound.
    public static func application(reception: Reception, host: String, port: Int, webhooks: WebhookSettings = WebhookSettings(),
                                   logger: Logger,
                                   onListening: @escaping @Sendable (_ port: Int) async -> Void)
        -> some ApplicationProtocol {
        Application(router: router(reception: reception, webhooks: webhooks),
                    configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "caredesk"),
                    onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
                    logger: logger)
    }
}
