import ArgumentParser
import Desk
import DeskDatabase
import Foundation
import SyntheticData
import ChildProcess
import Logging

#if canImport(Glibc)
import Glibc
#endif

struct BenchInstances: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instances",
        abstract: "Measure `caredesk serve` on the JSON journal beside 1, 2, 3… instances sharing one PostgreSQL database.",
        discussion: """
        Builds the synthetic clinic of `bench webhooks` (50 doctors, 10,000 registered patients, 10,000 past \
        appointments; --appointments changes the last) in a JSON data folder. Then, as child processes of this \
        executable: one `caredesk serve` on a copy of that folder (the journal); and for each N of --instances, \
        a fresh database on --server, `caredesk migrate` of the folder into it (timed), and N `caredesk serve` \
        sharing it, each with a data folder of its own. The same signed requests (those of `bench webhooks`) go \
        round-robin to the instances over keep-alive connections, after a warm-up not counted. Every request is \
        committed durably before it is answered (journal fsync; a PostgreSQL transaction). Prints requests/s, \
        latency, peak RSS per instance (VmHWM) and start-up time (spawn to the listening line); asserts nothing. \
        Drops its databases and removes its work folder at the end, whatever happened.
        """)

    @Option(help: "A PostgreSQL server the bench may create databases on: postgres://user@host:port/postgres.")
    var server: String
    @Option(help: "Signed requests sent to each configuration.") var requests = 20_000
    @Option(help: "Keep-alive connections at once (a thread each; each holds one connection per instance).") var connections = 8
    @Option(help: "Instance counts sharing one database, comma-separated.") var instances = "1,2,3"
    @Option(help: "Past appointments in the synthetic clinic's store.") var appointments = 10_000
    @Option(help: "Work folder; the run works in a new subfolder and removes it at the end.") var work = ".build/bench"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    var instanceCounts: [Int] {
        instances.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    func validate() throws {
        guard requests > 0, connections > 0 else { throw ValidationError("--requests and --connections must be positive") }
        guard appointments >= 0 else { throw ValidationError("--appointments must not be negative") }
        let counts = instanceCounts
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }),
              counts.count == instances.split(separator: ",").count else {
            throw ValidationError("--instances: positive counts, comma-separated (e.g. 1,2,3)")
        }
        _ = try DatabaseURL(server)
    }

    /// One configuration's figures.
    struct Row {
        var store: String
        var instances: Int
        var result: LoadClient.Result
        var peakRSS: [Double]  // MiB, one per instance
        var startup: [Double]  // seconds, one per instance
        var migrate: Double?
    }

    func run() async throws {
        Desk.bootstrapLogging()
        let logger = Logger(label: "caredesk.bench")
        let serverURL = try DatabaseURL(server)
        let pid = ProcessInfo.processInfo.processIdentifier
        let workURL = URL(fileURLWithPath: work).appendingPathComponent("instances-\(pid)")
        try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Whatever happens below (a child that would not start, a refused statement), every child is stopped,
        // every database dropped and the work folder removed.
        let cleanup = Cleanup(server: serverURL, logger: logger)
        defer {
            cleanup.run()
            try? FileManager.default.removeItem(at: workURL)
        }

        let now = Int64(1_772_422_200)  // Mon 2 Mar 2026 09:00 IST, as in the other benches
        let synthetic = SyntheticClinic(doctors: 50, patients: 10_000, appointments: appointments)
        let folder = workURL.appendingPathComponent("synthetic")
        let built = try timed { try synthetic.write(to: folder, now: now) }
        let measured = try SignedMessages(mails: synthetic.messages(count: requests), idPrefix: "bench", timestamp: now)
        let counts = instanceCounts
        let warming = try SignedMessages(
            mails: synthetic.messages(count: min(200, max(requests / 20, connections * (counts.max() ?? 1))), seed: 11),
            idPrefix: "warm", timestamp: now)
        let templates = try ReplyTemplates.locate(dataFolder: folder).orThrow("Templates folder not found; set CAREDESK_TEMPLATES")
        let launcher = try Launcher(templates: templates, now: now, work: workURL, cleanup: cleanup)

        print("instances bench — \(requests) signed requests per configuration (60% BOOK with conflicts, 20% SLOTS, 15% CANCEL, "
              + "5% other) from \(synthetic.patients) registered patients, \(connections) keep-alive connections, loopback, "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores; store of \(synthetic.appointments) appointments "
              + String(format: "(built in %.1f s); ", built) + "every `caredesk serve` a child process, durable commits")
        var rows: [Row] = []

        // The JSON journal: one instance on a copy of the folder.
        let jsonFolder = workURL.appendingPathComponent("json")
        try FileManager.default.copyItem(at: folder, to: jsonFolder)
        chmod(jsonFolder.path, 0o700)
        rows.append(try await measure(store: "JSON journal", folders: [jsonFolder], database: nil, migrate: nil,
                                      launcher: launcher, measured: measured, warming: warming))

        for n in counts {
            let name = "caredesk_bench_\(n)_\(pid)"
            let url = try PostgresAdmin.url(of: name, on: serverURL)
            try PostgresAdmin.createDatabase(name, on: serverURL, logger: logger)
            cleanup.databases.append(name)
            let migrate = try launcher.migrate(folder, to: url)
            var folders: [URL] = []
            for i in 1...n {
                let own = workURL.appendingPathComponent("pg\(n)-instance\(i)")
                try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                folders.append(own)
            }
            rows.append(try await measure(store: "PostgreSQL", folders: folders, database: url, migrate: migrate,
                                          launcher: launcher, measured: measured, warming: warming))
            // Each database is dropped once measured: the server's cache and disk hold one at a time.
            cleanup.drop(name)
        }
        print("")
        report(rows)
    }

    /// Starts one instance per folder (one after another, each start-up timed on its own), warms them, sends
    /// the measured load round-robin, reads each one's peak RSS, and stops them.
    func measure(store: String, folders: [URL], database: DatabaseURL?, migrate: Double?, launcher: Launcher,
                 measured: SignedMessages, warming: SignedMessages) async throws -> Row {
        var children: [ServeChild] = []
        defer { for child in children { launcher.cleanup.stop(child) } }
        for (i, folder) in folders.enumerated() {
            children.append(try launcher.serve(folder, database: database, label: "\(database == nil ? "json" : "pg\(folders.count)")-\(i + 1)"))
        }
        let ports = children.map(\.port)
        let client = LoadClient(ports: ports, connections: connections, durationCap: nil)
        let warm = await client.run(perPort: ports.map { warming.requests(path: "/webhooks/messages", port: $0) })
        if warm.answered == 0 {
            throw Failure(description: "\(store) × \(folders.count): the warm-up got no answer (\(warm.lastFailure ?? "?"))\n"
                          + children.map { $0.stderrTail() }.joined(separator: "\n"))
        }
        let result = await client.run(perPort: ports.map { measured.requests(path: "/webhooks/messages", port: $0) })
        let rss = children.map { ServeChild.peakRSSMiB(pid: $0.pid) ?? 0 }
        return Row(store: store, instances: folders.count, result: result, peakRSS: rss, startup: children.map(\.startup), migrate: migrate)
    }

    func report(_ rows: [Row]) {
        let header = ["store", "instances", "requests/s", "p50 ms", "p99 ms", "ratio to JSON", "peak RSS MB per instance", "start-up s"]
        let json = rows.first { $0.store == "JSON journal" }?.result.rate ?? 0
        func spread(_ values: [Double], _ format: String) -> String {
            guard let low = values.min(), let high = values.max() else { return "-" }
            let a = String(format: format, low), b = String(format: format, high)
            return a == b ? a : "\(a)–\(b)"
        }
        let body = rows.map { row -> [String] in
            [row.store, "\(row.instances)", String(format: "%.0f", row.result.rate), String(format: "%.2f", row.result.millis(at: 0.5)),
             String(format: "%.2f", row.result.millis(at: 0.99)), json > 0 ? String(format: "%.2f", row.result.rate / json) : "-",
             spread(row.peakRSS, "%.0f"), spread(row.startup, "%.2f")]
        }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ")
        }
        print(line(header))
        print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-"))
        for cells in body { print(line(cells)) }
        print("")
        for row in rows {
            let r = row.result
            var note = "\(row.store) × \(row.instances): \(r.answered) answered in \(String(format: "%.2f", r.seconds)) s, non-2xx \(r.non2xx)"
            if r.failures > 0 { note += ", \(r.failures) got no answer (last: \(r.lastFailure ?? "?"))" }
            print(note)
        }
        for row in rows {
            if let migrate = row.migrate {
                print("migrate (caredesk migrate of the \(appointments)-appointment JSON store into an empty database, process start to exit), "
                      + "for \(row.instances) instance\(row.instances == 1 ? "" : "s"): " + String(format: "%.2f s", migrate))
            }
        }
    }
}

/// What the bench must undo however it ends: its children (stopped by pid) and its databases (dropped).
final class Cleanup: @unchecked Sendable {
    let server: DatabaseURL
    let logger: Logger
    private let lock = NSLock()
    private var running: [ServeChild] = []
    var databases: [String] {
        get { lock.withLock { names } }
        set { lock.withLock { names = newValue } }
    }
    private var names: [String] = []

    init(server: DatabaseURL, logger: Logger) {
        self.server = server
        self.logger = logger
    }

    func started(_ child: ServeChild) { lock.withLock { running.append(child) } }

    /// SIGTERM, up to 15 s for a graceful exit, then SIGKILL.
    func stop(_ child: ServeChild) {
        child.stop()
        lock.withLock { running.removeAll { $0 === child } }
    }

    func drop(_ name: String) {
        do {
            try PostgresAdmin.dropDatabase(name, on: server, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("bench instances: could not drop database \(name): \(error)\n".utf8))
        }
        lock.withLock { names.removeAll { $0 == name } }
    }

    func run() {
        for child in lock.withLock({ running }) { stop(child) }
        for name in databases { drop(name) }
    }
}

/// Starts `caredesk serve` and `caredesk migrate` (the build's own) as child processes with the bench's environment.
struct Launcher {
    let executable: URL
    let environment: [String: String]
    let nowText: String
    let work: URL
    let cleanup: Cleanup

    init(templates: URL, now: Int64, work: URL, cleanup: Cleanup) throws {
        executable = URL(fileURLWithPath: ProductBinary.path)
        environment = Self.environment(templates: templates)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        nowText = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(now)))
        self.work = work
        self.cleanup = cleanup
    }

    /// The environment a bench's `caredesk` child runs with: none of the bench's own CAREDESK_ settings but the
    /// log level; the shipped templates, the bench's webhook secret, no practical hourly allowance, and an end
    /// when the bench ends.
    static func environment(templates: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in environment.keys where name.hasPrefix("CAREDESK_") { environment[name] = nil }
        environment["CAREDESK_TEMPLATES"] = templates.path
        environment["CAREDESK_WEBHOOK_SECRET"] = SignedMessages.secret
        environment["CAREDESK_PUBLIC_URL"] = "http://127.0.0.1"
        // Many senders send twice or more within the hour: the bench measures the desk, not the flood guard.
        environment["CAREDESK_RATE_LIMIT"] = "1000000000"
        // A bench that dies without its defers (SIGKILL) leaves no desk running: each exits once the bench is gone.
        environment["CAREDESK_EXIT_WITH_PID"] = "\(ProcessInfo.processInfo.processIdentifier)"
        if let level = ProcessInfo.processInfo.environment["CAREDESK_LOG_LEVEL"] { environment["CAREDESK_LOG_LEVEL"] = level }
        return environment
    }

    /// `caredesk serve --data FOLDER [--store URL] --port 0 --now NOW`, waited for until it names its port.
    func serve(_ folder: URL, database: DatabaseURL?, label: String) throws -> ServeChild {
        var arguments = ["serve", "--data", folder.path, "--port", "0", "--now", nowText]
        if let database { arguments += ["--store", database.description] }
        let child = try ServeChild(executable: executable, arguments: arguments, environment: environment,
                                   errors: work.appendingPathComponent("\(label).stderr"), registered: cleanup.started)
        return child
    }

    /// `caredesk migrate --data FOLDER --to URL`: its wall time, process start to exit.
    func migrate(_ folder: URL, to url: DatabaseURL) throws -> Double {
        let log = work.appendingPathComponent("migrate-\(url.database).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let start = DispatchTime.now().uptimeNanoseconds
        let ended = try ChildProcess.start(executable.path, ["migrate", "--data", folder.path, "--to", url.description],
                                           environment: environment, output: handle.fileDescriptor, errors: handle.fileDescriptor).wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard ended.succeeded else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw BenchInstances.Failure(description: "caredesk migrate into \(url) failed (\(ended)):\n\(text)")
        }
        return seconds
    }
}

/// One `caredesk serve` child: its stdout read on a thread of its own until it announces its port (the
/// start-up time is taken then), its stderr in a file; started with default signal dispositions and an empty
/// mask (`ChildProcess`), stopped by its pid.
final class ServeChild: @unchecked Sendable {
    private var process: ChildProcess?
    private var termination: ChildProcess.Termination?
    let errors: URL
    private(set) var port = 0
    private(set) var startup = 0.0
    private let lock = NSLock()
    private var output = Data()
    private var reader: Thread?

    var pid: Int32 { process?.pid ?? 0 }

    /// Whether the child still runs (once it has ended, how is kept).
    private var isRunning: Bool {
        guard let process else { return false }
        if termination == nil { termination = process.ended() }
        return termination == nil
    }

    static let startTimeout: TimeInterval = 120

    init(executable: URL, arguments: [String], environment: [String: String], errors: URL,
         registered: (ServeChild) -> Void) throws {
        self.errors = errors
        let out = Pipe()
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let handle = try FileHandle(forWritingTo: errors)
        defer { try? handle.close() }
        let start = DispatchTime.now().uptimeNanoseconds
        process = try ChildProcess.start(executable.path, arguments, environment: environment,
                                         output: out.fileHandleForWriting.fileDescriptor, errors: handle.fileDescriptor)
        try? out.fileHandleForWriting.close()
        registered(self)
        let reading = out.fileHandleForReading
        let reader = Thread { [self] in
            while true {
                let chunk = reading.availableData
                if chunk.isEmpty { return }
                lock.withLock { output.append(chunk) }
            }
        }
        reader.start()
        self.reader = reader
        let deadline = Date().addingTimeInterval(Self.startTimeout)
        while Date() < deadline && isRunning {
            if let port = announcedPort() {
                startup = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                self.port = port
                return
            }
            usleep(1_000)
        }
        let exited = termination
        stop()
        throw BenchInstances.Failure(description: "caredesk serve \(arguments.joined(separator: " ")) did not announce its port "
                                     + (exited.map { "(\($0))" } ?? "within \(Int(Self.startTimeout)) s")
                                     + ":\n\(stderrTail())")
    }

    private func announcedPort() -> Int? {
        let prefix = "caredesk serve: listening on http://127.0.0.1:"
        let text = lock.withLock { String(decoding: output, as: UTF8.self) }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return Int(line.dropFirst(prefix.count))
    }

    /// The last lines the child wrote to stderr.
    func stderrTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// SIGTERM by pid, up to 15 s for the graceful exit, then SIGKILL; waits for the exit either way.
    func stop() {
        guard let process, isRunning else { return }
        process.signal(SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while isRunning && Date() < deadline { usleep(5_000) }
        if isRunning {
            process.signal(SIGKILL)
            termination = process.wait()
        }
    }

    /// VmHWM (peak resident set) of a running process, in MiB.
    static func peakRSSMiB(pid: Int32) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        let kilobytes = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
        return kilobytes.map { $0 / 1024 }
    }
}
