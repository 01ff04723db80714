import Hummingbird
import Logging

/// The floor the webhook bench compares the desk with: a bare Hummingbird application on the same
/// machine, with one route, `POST /bare`, that reads the whole body and answers 200 with nothing else.
enum BareEndpoint {
    static func application(logger: Logger, onListening: @escaping @Sendable (_ port: Int) async -> Void) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.post("bare") { request, _ -> HTTPResponse.Status in
            _ = try await request.body.collect(upTo: 64 * 1024)
            return .ok
        }
        return Application(router: router,
                           configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: "bare"),
                           onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
                           logger: logger)
    }
}
