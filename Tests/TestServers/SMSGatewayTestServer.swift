import Foundation

/// scripts/sms-gateway-test-server.py on a free loopback port: a fake
/// Twilio Messages API that checks basic auth against `account`/`token` and
/// records every call. Stopped and its files removed on `stop()` or deinit. Safe to share between threads:
/// its fields are set once in `init`, and what it recorded is read from the script's log file.
public final class SMSGatewayTestServer: @unchecked Sendable {
    public let account: String
    public let token: String
    private let directory: TemporaryDirectory
    private let server: ScriptServer

    public var port: Int { server.port }
    /// What to configure as the Twilio base URL.
    public var baseURL: String { "http://127.0.0.1:\(server.port)" }

    /// `statuses` answer the first calls in order (e.g. [429, 500, 201]);
    /// after them the gateway answers 201, or 400 for a To without '+'.
    /// `failEvery` N > 0: every Nth call is answered 500 whatever else it would have got (a flaky gateway).
    public init(account: String = "AC0123456789abcdef0123456789abcdef", token: String = "test-auth-token",
                statuses: [Int] = [], failEvery: Int = 0) throws {
        self.account = account
        self.token = token
        directory = try TemporaryDirectory()
        var arguments = ["--account", account, "--token", token, "--log", directory.path("calls.jsonl")]
        if !statuses.isEmpty {
            arguments += ["--statuses", statuses.map(String.init).joined(separator: ",")]
        }
        if failEvery > 0 { arguments += ["--fail-every", String(failEvery)] }
        server = try ScriptServer(
            script: "sms-gateway-test-server.py", arguments: arguments, logPath: directory.path("server.log"))
    }

    /// Every call recorded so far, in arrival order.
    public func calls() throws -> [RecordedSMS] {
        let path = directory.path("calls.jsonl")
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        return try lines.map { try JSONDecoder().decode(RecordedSMS.self, from: Data($0.utf8)) }
    }

    /// From now on no call is failed by `failEvery` (SIGUSR1 to the script); returns once the gateway says so.
    public func heal() throws {
        server.send(SIGUSR1)
        let log = directory.path("server.log")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), text.contains("healed") { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw ScriptServer.StartFailure(description: "the SMS gateway did not acknowledge SIGUSR1")
    }

    public func stop() {
        server.stop()
    }
}

/// One call to the fake gateway as it recorded it; a form field the call
/// lacked is nil.
public struct RecordedSMS: Decodable, Equatable {
    /// The account SID named in the URL path.
    public let account: String
    public let from: String?
    public let to: String?
    public let body: String?
    /// Whether basic auth matched the gateway's account and token.
    public let authOK: Bool
    /// The status the gateway answered.
    public let status: Int

    public init(account: String, from: String?, to: String?, body: String?, authOK: Bool, status: Int) {
        self.account = account
        self.from = from
        self.to = to
        self.body = body
        self.authOK = authOK
        self.status = status
    }

    public enum CodingKeys: String, CodingKey {
        case account, from, to, body, authOK = "auth_ok", status
    }
}
