import Foundation

/// localstripe (PyPI) through scripts/localstripe-server.py on a free loopback port: a fake but stateful
/// Stripe API, which also sends signed webhooks to URLs registered with `POST /_config/webhooks/<name>`. Fresh state each start; stopped (by its
/// process) and its files removed on `stop()` or deinit.
public final class LocalStripeServer {
    private let directory: TemporaryDirectory
    private let server: ScriptServer

    public var port: Int { server.port }
    /// What to configure as `CAREDESK_STRIPE_BASE_URL`.
    public var baseURL: String { "http://127.0.0.1:\(server.port)" }
    /// Any key that starts with sk_ works against localstripe.
    public let secretKey = "sk_test_caredesk"

    public init() throws {
        directory = try TemporaryDirectory()
        server = try ScriptServer(script: "localstripe-server.py", arguments: ["--port", "0"],
                                  logPath: directory.path("localstripe.log"))
    }

    public func stop() { server.stop() }
}
