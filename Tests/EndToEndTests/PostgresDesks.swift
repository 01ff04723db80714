import Foundation
import TestServers
import Testing

/// One clinic on one PostgreSQL database, with as many `caredesk serve` instances on it as a test starts:
/// a PostgreSQL server of its own (`PostgresTestServer`), a fresh database on it, `caredesk init --store` into
/// the first data folder, and each instance on its own data folder (made with mkdir, mode 0700: only the
/// first needs init), `--store` naming the database, the fixed clock of the other tests, the webhook secret
/// and public URL WebhookTests uses, and no practical hourly limit. `stop()` stops every instance and the
/// database and removes the folders.
///
/// Shared by concurrent requests: its lets are read only, `servers` is written only by `start` (before any
/// request), and posting goes through URLSession, which is thread-safe.
final class PostgresDesks: @unchecked Sendable {
    static let now = WebhookTests.now

    let pg: PostgresTestServer
    /// The database every process of the test uses, and its name on the server.
    let url: String
    let database: String
    let root: URL
    /// The data folder `caredesk init --store` made (instance 0 serves from it).
    let first: URL
    /// Every data folder made for this test (the first included), in order.
    private(set) var folders: [URL] = []
    private(set) var servers: [ServeProcess] = []

    /// What every instance is started with besides its arguments.
    static let serveEnvironment = ["CAREDESK_PUBLIC_URL": WebhookTests.publicURL, "CAREDESK_WEBHOOK_SECRET": WebhookTests.secret,
                                   "CAREDESK_RATE_LIMIT": "1000000"]

    init(_ name: String) throws {
        let server = try PostgresTestServer()
        let database = "desk_\(name.lowercased())"
        let url: String, root: URL
        do {
            url = try server.makeDatabase(database)
            root = try temporaryFolder("pg-\(name)")
            let made = try CareDeskBinary.run(["init", "--data", root.appendingPathComponent("desk0").path, "--store", url,
                                               "--clinic", CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json").path])
            guard made.status == 0 else { throw ServeProcess.Failure(description: "init --store failed: \(made.stdout)\(made.stderr)") }
        } catch {
            server.stop()
            throw error
        }
        pg = server
        self.database = database
        self.url = url
        self.root = root
        first = root.appendingPathComponent("desk0")
        folders = [first]
    }

    /// A further data folder for another process on the same database: just a folder, mode 0700.
    func folder(_ name: String) throws -> URL {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        folders.append(folder)
        return folder
    }

    /// Starts `count` instances of `caredesk serve` on the database: instance 0 on the first data folder, each
    /// other on a folder of its own. `configure` sees each folder before its instance starts (a config.json).
    /// `clock` nil: the system clock (for tests that need time to pass, a claim's lease to run out).
    /// `watching`: each instance watches a Maildir of its own, `ROOT/maildir<i>` (see `maildir(_:)`).
    func start(_ count: Int, clock: String? = PostgresDesks.now, pollInterval: String = "0.1", watching: Bool = false,
               configure: (URL) throws -> Void = { _ in }) throws {
        for i in 0..<count {
            let data = try i == 0 ? first : folder("desk\(i)")
            try configure(data)
            let fixed = clock.map { ["--now", $0] } ?? []
            var watched: [String] = []
            if watching {
                try makeMaildir(at: maildir(i), messages: [])
                watched = ["--maildir", maildir(i).path]
            }
            servers.append(try ServeProcess(["--data", data.path, "--store", url, "--poll-interval", pollInterval] + fixed + watched,
                                            errors: root.appendingPathComponent("serve\(i).err"), environment: Self.serveEnvironment))
        }
    }

    /// The Maildir instance `i` watches when started `watching`.
    func maildir(_ i: Int) -> URL { root.appendingPathComponent("maildir\(i)") }

    /// Runs the binary on `data` (default the first folder) with `--store` naming the database.
    @discardableResult
    func run(_ command: [String], data: URL? = nil, _ rest: [String] = [], environment: [String: String] = [:]) throws -> CareDeskBinary.Output {
        try CareDeskBinary.run(command + ["--data", (data ?? first).path, "--store", url] + rest, environment: environment)
    }

    /// What `show KIND --json` prints of the database, decoded.
    func show(_ kind: String) throws -> [[String: String]] {
        let shown = try run(["show", kind, "--json"])
        guard shown.status == 0 else { throw ServeProcess.Failure(description: "show \(kind): \(shown.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: String]] ?? []
    }

    /// POSTs a JSON message signed per Standard Webhooks to instance `instance`; the status and body of the answer.
    func message(_ json: String, id: String, to instance: Int, timestamp: Int64 = WebhookTests.nowSeconds) async throws -> (status: Int, body: String) {
        let body = Data(json.utf8)
        let headers = ["Content-Type": "application/json", "webhook-id": id, "webhook-timestamp": "\(timestamp)",
                       "webhook-signature": WebhookSigning.standard(id: id, timestamp: timestamp, body: body, secret: WebhookTests.secret)]
        let (status, answer) = try await servers[instance].post("/webhooks/messages", headers: headers, body: body)
        return (status, String(decoding: answer, as: UTF8.self))
    }

    /// Every reply file in the `outgoing/new` of the given data folders (default all of them).
    func replies(in chosen: [URL]? = nil) throws -> [Reply] {
        try (chosen ?? folders).flatMap { folder in
            try files(in: folder.appendingPathComponent("outgoing/new")).map { Reply(folder: folder, text: try String(contentsOf: $0, encoding: .utf8)) }
        }
    }

    /// What the instances wrote to stderr, for failure messages.
    var serveErrors: String {
        servers.enumerated().map { "serve \($0.offset): \($0.element.stderr.suffix(2000))" }.joined(separator: "\n")
    }

    /// Stops every instance (SIGKILL if still running), then the database, and removes the folders.
    func stop() {
        for server in servers { server.stop() }
        pg.stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// One reply as written to a data folder's outgoing/new.
    struct Reply {
        let folder: URL
        let text: String

        func header(_ name: String) -> String? {
            let head = text.split(separator: "\n", omittingEmptySubsequences: false)
                .prefix { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            guard let line = head.first(where: { $0.hasPrefix("\(name): ") }) else { return nil }
            return String(line.dropFirst(name.count + 2)).trimmingCharacters(in: CharacterSet(charactersIn: " \r<>"))
        }

        var to: String? { header("To") }
        var messageID: String? { header("Message-ID") }
        var inReplyTo: String? { header("In-Reply-To") }
    }
}
