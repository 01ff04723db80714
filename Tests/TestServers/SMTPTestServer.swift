import Foundation

/// scripts/smtp-test-server.py on a free loopback port, recording into a
/// temporary directory; stopped and removed on `stop()` or deinit.
public final class SMTPTestServer {
    public struct Options {
        public var starttls: SelfSignedCertificate?
        public var auth: String?
        public var authMechanism: String?
        public var failFirst = 0
        public var rejectRecipient: String?
        public var idleTimeout: Double?
        /// The loopback port to listen on; 0, the default: a free one. A server killed and started again on
        /// its old port stands for a mail server restarting under its clients.
        public var port = 0

        public init(starttls: SelfSignedCertificate? = nil, auth: String? = nil, authMechanism: String? = nil, failFirst: Int = 0,
                    rejectRecipient: String? = nil, idleTimeout: Double? = nil, port: Int = 0) {
            self.port = port
            self.starttls = starttls
            self.auth = auth
            self.authMechanism = authMechanism
            self.failFirst = failFirst
            self.rejectRecipient = rejectRecipient
            self.idleTimeout = idleTimeout
        }
    }

    private let directory: TemporaryDirectory
    private let server: ScriptServer

    public var port: Int { server.port }
    public var url: String { "smtp://127.0.0.1:\(server.port)" }

    public init(_ options: Options = Options()) throws {
        directory = try TemporaryDirectory()
        var arguments = ["--port", String(options.port), "--record", directory.path("messages")]
        if let certificate = options.starttls {
            arguments += ["--starttls", certificate.certificatePath, certificate.keyPath]
        }
        if let auth = options.auth { arguments += ["--auth", auth] }
        if let mechanism = options.authMechanism { arguments += ["--auth-mechanism", mechanism] }
        if options.failFirst > 0 { arguments += ["--fail-first", String(options.failFirst)] }
        if let text = options.rejectRecipient { arguments += ["--reject-rcpt", text] }
        if let seconds = options.idleTimeout { arguments += ["--idle-timeout", String(seconds)] }
        server = try ScriptServer(
            script: "smtp-test-server.py", arguments: arguments, logPath: directory.path("server.log"))
    }

    /// Every message recorded so far, in arrival order.
    public func messages() throws -> [RecordedMessage] {
        let folder = directory.url.appendingPathComponent("messages")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        return try names.map {
            try JSONDecoder().decode(RecordedMessage.self, from: Data(contentsOf: folder.appendingPathComponent($0)))
        }
    }

    public func stop() {
        server.stop()
    }

    /// SIGKILL, as a crashing mail server dies: open connections are cut wherever their transaction was.
    /// What it had recorded stays readable until this object goes.
    public func kill() {
        server.killAtOnce()
    }
}

/// One message as the test server recorded it.
public struct RecordedMessage: Decodable {
    public struct Auth: Decodable, Equatable {
        public init(mechanism: String, user: String) {
            self.mechanism = mechanism
            self.user = user
        }

        public let mechanism: String
        public let user: String
    }

    public let mailFrom: String
    public let rcptTos: [String]
    public let dataBase64: String
    public let connectionNumber: Int
    public let tls: Bool
    public let auth: Auth?
    public let helo: String?

    public var data: Data { Data(base64Encoded: dataBase64) ?? Data() }

    public enum CodingKeys: String, CodingKey {
        case mailFrom = "mail_from", rcptTos = "rcpt_tos", dataBase64 = "data_base64"
        case connectionNumber = "connection_number", tls, auth, helo
    }
}
