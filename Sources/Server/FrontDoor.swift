import Clinic
import Foundation
import Hummingbird
import Logging
import NIOCore
import PayLinks

/// The HTTP side of the desk: the routes and the application that serves them. Handlers hold no business
/// rules; whatever touches the clinic goes through the `Reception`.
public enum FrontDoor {
    public typealias Context = BasicRequestContext

    /// Every route the desk answers.
    public static func router(reception: Reception, webhooks: WebhookSettings = WebhookSettings(), links: PayLinks? = nil) -> Router<Context> {
        let router = Router(context: Context.self)
        addHealth(to: router, reception: reception, token: webhooks.healthToken)
        addWebhooks(to: router, reception: reception, settings: webhooks)
        let pay = PayPageRoute(reception: reception, settings: webhooks, links: links)
        router.get("pay/:token") { _, context -> Response in await pay.handle(token: context.parameters.get("token") ?? "") }
        return router
    }

    /// `GET /health`: `{"status":"ok"}` to anyone (a load balancer's check); the store's counts, the outbox's
    /// backlog and the last delivery error, as JSON, only to `Authorization: Bearer <CAREDESK_HEALTH_TOKEN>`.
    static func addHealth(to router: Router<Context>, reception: Reception, token: String?) {
        router.get("health") { request, _ -> Response in
            let report = reception.health()
            // A desk whose database cannot be reached takes no messages: the load balancer should hear so.
            let status: HTTPResponse.Status = report.database?.reachable == false ? .serviceUnavailable : .ok
            guard let token, bearerMatches(request.headers[.authorization], token) else {
                return WebhookAnswer.json(status, ["status": report.status])
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(report)) ?? Data("{}".utf8)
            return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    /// Whether an Authorization header is `Bearer <token>`, compared in constant time.
    static func bearerMatches(_ header: String?, _ token: String) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        return ConstantTime.equal(String(header.dropFirst("Bearer ".count)), token)
    }

    /// The application on `host:port` (port 0: a free one); `onListening` gets the port actually bound.
    public static func application(reception: Reception, host: String, port: Int, webhooks: WebhookSettings = WebhookSettings(),
                                   links: PayLinks? = nil, logger: Logger,
                                   onListening: @escaping @Sendable (_ port: Int) async -> Void)
        -> some ApplicationProtocol {
        Application(router: router(reception: reception, webhooks: webhooks, links: links),
                    configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "caredesk"),
                    onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
                    logger: logger)
    }
}
