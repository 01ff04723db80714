import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real PostgreSQL server of its own for the tests: a fresh cluster (`initdb`, trust auth, superuser
/// `caredesk`) in a temporary folder, its postmaster on a free loopback port, and a database `caredesk`.
/// `stop()` and `start()` bring the same cluster down and up again on the same port (data kept);
/// deinit stops it and removes the folder.
///
/// The folder holds `data/` (the cluster), the server's Unix socket, and the logs: `initdb.log`,
/// `server.log` (every start appends), `createdb.log`. Nothing goes to the test's stdout.
///
/// initdb and postgres refuse to run as root: when the tests run as root, the folder is given to the
/// `postgres` user and both are exec'd through `setpriv --reuid=postgres ...`, so the child's pid is the
/// postmaster's own. psql, createdb and pg_isready run as whoever runs the tests (over TCP, trust auth).
///
/// If the test process dies without stopping it, a watchdog (a `/bin/sh` reading a pipe only this process
/// holds) sends the postmaster SIGINT and removes the folder.
///
/// Thread-safe: every method may be called from any task; `start()` and `stop()` are serialised.
public final class PostgresTestServer: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let port: Int
    /// The temporary folder (owned by `postgres` when the tests run as root).
    public let folder: URL
    public let dataDirectory: String
    public let binaries: PostgresBinaries
    public var url: String { Self.url(port: port, database: "caredesk") }
    public var logPath: String { folder.appendingPathComponent("server.log").path }

    /// Guards `postmaster` and `watchdog` (and serialises start/stop).
    private let lock = NSLock()
    private var postmaster: Process?
    private var watchdog: (process: Process, pipe: Pipe)?
    private let serverUser: ServerUser?

    /// Seconds `start()` waits for the server to accept connections.
    public static let startTimeout: TimeInterval = 20

    public static func url(port: Int, database: String) -> String {
        "postgres://caredesk@127.0.0.1:\(port)/\(database)"
    }

    public init() throws {
        binaries = try PostgresBinaries.locate()
        serverUser = getuid() == 0 ? try ServerUser.postgres() : nil
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("caredesk-pg-\(UUID().uuidString.prefix(8))")
        dataDirectory = folder.appendingPathComponent("data").path
        port = unusedPort()
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        do {
            if let user = serverUser, chown(folder.path, user.uid, user.gid) != 0 {
                throw Failure(description: "chown \(folder.path) to postgres: \(String(cString: strerror(errno)))")
            }
            let initdb = try run(
                binaries.initdb,
                ["-D", dataDirectory, "-U", "caredesk", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                asServerUser: true, log: "initdb.log")
            guard initdb.status == 0 else {
                throw Failure(description: "initdb exited \(initdb.status):\n\(initdb.log)")
            }
            try start()
            let created = try run(
                binaries.createdb, ["-h", "127.0.0.1", "-p", String(port), "-U", "caredesk", "caredesk"],
                asServerUser: false, log: "createdb.log")
            guard created.status == 0 else {
                throw Failure(description: "createdb caredesk exited \(created.status):\n\(created.log)")
            }
        } catch {
            stop()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A fresh database on this server (`createdb name`); returns its url.
    public func makeDatabase(_ name: String) throws -> String {
        let result = try run(
            binaries.createdb, ["-h", "127.0.0.1", "-p", String(port), "-U", "caredesk", name],
            asServerUser: false, log: "createdb.log")
        guard result.status == 0 else {
            throw Failure(description: "createdb \(name) exited \(result.status):\n\(result.log)")
        }
        return Self.url(port: port, database: name)
    }

    /// Runs `sql` with psql (`-X -A -t -q`, ON_ERROR_STOP) and returns its stdout trimmed; throws with
    /// its stderr when psql fails.
    @discardableResult
    public func psql(_ sql: String, database: String = "caredesk") throws -> String {
        let result = try capture(binaries.psql, [
            "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
            "-h", "127.0.0.1", "-p", String(port), "-U", "caredesk", "-d", database, "-c", sql,
        ])
        guard result.status == 0 else {
            throw Failure(description: "psql exited \(result.status) on \(sql):\n\(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var isRunning: Bool {
        lock.withLock { postmaster?.isRunning ?? false }
    }

    /// The postmaster's pid while it runs.
    public var pid: Int32? {
        lock.withLock { postmaster.flatMap { $0.isRunning ? $0.processIdentifier : nil } }
    }

    /// Starts the postmaster on the folder's cluster and port and waits until it accepts connections
    /// (at most `startTimeout`); does nothing while it runs.
    public func start() throws {
        try lock.withLock {
            if let postmaster, postmaster.isRunning { return }
            let process = try makeProcess(binaries.postgres, [
                "-D", dataDirectory, "-p", String(port), "-k", folder.path,
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200",
            ], asServerUser: true)
            let log = try appendingHandle("server.log")
            defer { try? log.close() }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = log
            process.standardError = log
            try process.run()
            postmaster = process
            try startWatchdog(for: process.processIdentifier)
            let deadline = Date().addingTimeInterval(Self.startTimeout)
            while true {
                guard process.isRunning else {
                    stopLocked()
                    throw Failure(description: "postgres exited \(process.terminationStatus) while starting:\n\(serverLog())")
                }
                if try ready() { return }
                guard Date() < deadline else {
                    stopLocked()
                    throw Failure(description: "postgres did not accept connections on port \(port) within \(Int(Self.startTimeout)) s:\n\(serverLog())")
                }
                usleep(50_000)
            }
        }
    }

    /// Fast shutdown (SIGINT: open sessions are rolled back and disconnected), waiting for the postmaster
    /// to exit; SIGQUIT after 10 s, SIGKILL after 15. Does nothing when it is not running.
    public func stop() {
        lock.withLock { stopLocked() }
    }

    /// The server's log so far.
    public func serverLog() -> String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    // MARK: - processes

    private func stopLocked() {
        // the watchdog first, so that it cannot signal a later process that reuses the pid
        if let (process, pipe) = watchdog {
            watchdog = nil
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            try? pipe.fileHandleForWriting.close()
        }
        guard let process = postmaster else { return }
        postmaster = nil
        let pid = process.processIdentifier
        if process.isRunning { kill(pid, SIGINT) }
        let start = Date()
        var escalated: Int32 = SIGINT
        while process.isRunning {
            let waited = Date().timeIntervalSince(start)
            if waited > 15, escalated != SIGKILL {
                kill(pid, SIGKILL)
                escalated = SIGKILL
            } else if waited > 10, escalated == SIGINT {
                kill(pid, SIGQUIT)
                escalated = SIGQUIT
            }
            usleep(10_000)
        }
        process.waitUntilExit()
    }

    /// A `/bin/sh` that waits for EOF on a pipe whose write end only this process holds: when the test
    /// process dies without `stop()`, it sends the postmaster SIGINT, waits for it, and removes the folder.
    private func startWatchdog(for pid: Int32) throws {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", """
            read _ignored
            kill -INT "$1" 2>/dev/null || exit 0
            i=0
            while kill -0 "$1" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done
            kill -0 "$1" 2>/dev/null && kill -QUIT "$1" 2>/dev/null && sleep 2
            rm -rf "$2"
            """, "postgres-test-watchdog", String(pid), folder.path]
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try? pipe.fileHandleForReading.close()
        watchdog = (process, pipe)
    }

    private func ready() throws -> Bool {
        let result = try run(
            binaries.pgIsready,
            ["-q", "-h", "127.0.0.1", "-p", String(port), "-U", "caredesk", "-d", "postgres", "-t", "2"],
            asServerUser: false, log: "pg_isready.log")
        return result.status == 0
    }

    private func makeProcess(_ executable: String, _ arguments: [String], asServerUser: Bool) throws -> Process {
        let process = Process()
        if asServerUser, let user = serverUser {
            // setpriv execs: the child's pid becomes the program's own
            process.executableURL = URL(fileURLWithPath: user.setpriv)
            process.arguments = ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--init-groups", "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        process.environment = Self.environment(home: asServerUser ? serverUser?.home : nil)
        return process
    }

    /// This process's environment without the PG* variables libpq and the server read (a PGHOST,
    /// PGDATABASE or PGOPTIONS of the developer's must not change what the tests talk to), in the C locale and UTC.
    private static func environment(home: String?) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        environment["LC_ALL"] = "C"
        environment["TZ"] = "UTC"  // initdb writes it into postgresql.conf as the server's timezone
        if let home { environment["HOME"] = home }
        return environment
    }

    /// Runs a program to its end with stdout and stderr appended to `log` in the folder; returns its exit
    /// status and what it wrote there this time.
    private func run(_ executable: String, _ arguments: [String], asServerUser: Bool, log: String)
        throws -> (status: Int32, log: String)
    {
        let name = "\(log).\(UUID().uuidString.prefix(8))"
        let output = try appendingHandle(name)
        let process = try makeProcess(executable, arguments, asServerUser: asServerUser)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try? output.close()
        process.waitUntilExit()
        let path = folder.appendingPathComponent(name).path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: path)
        if !text.isEmpty, let handle = try? appendingHandle(log) {
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        return (process.terminationStatus, text)
    }

    /// Runs a program to its end, its stdout and stderr kept apart (in files: no pipe to fill up).
    private func capture(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let id = UUID().uuidString.prefix(8)
        let outPath = folder.appendingPathComponent("psql-\(id).out").path
        let errPath = folder.appendingPathComponent("psql-\(id).err").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let out = try appendingHandle("psql-\(id).out")
        let err = try appendingHandle("psql-\(id).err")
        let process = try makeProcess(executable, arguments, asServerUser: false)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            try? out.close()
            try? err.close()
            throw error
        }
        try? out.close()
        try? err.close()
        process.waitUntilExit()
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (process.terminationStatus, stdout, stderr)
    }

    /// A file in the folder opened for appending (created when missing).
    private func appendingHandle(_ name: String) throws -> FileHandle {
        let path = folder.appendingPathComponent(name).path
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw Failure(description: "cannot create \(path)")
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        return handle
    }
}

/// Where PostgreSQL's programs are: the folder of `initdb` on PATH (symlinks resolved: Debian links it
/// from /usr/lib/postgresql/NN/bin), else the newest /usr/lib/postgresql/*/bin. The client programs are
/// taken from the same folder, so Debian's /usr/bin/psql wrapper (pg_wrapper) is not involved.
public struct PostgresBinaries: Sendable {
    public let directory: String
    public var initdb: String { path("initdb") }
    public var postgres: String { path("postgres") }
    public var psql: String { path("psql") }
    public var createdb: String { path("createdb") }
    public var pgIsready: String { path("pg_isready") }

    public func path(_ program: String) -> String {
        (directory as NSString).appendingPathComponent(program)
    }

    public static func locate() throws -> PostgresBinaries {
        let fileManager = FileManager.default
        func complete(_ folder: String) -> Bool {
            ["initdb", "postgres", "psql", "createdb", "pg_isready"].allSatisfy {
                fileManager.isExecutableFile(atPath: (folder as NSString).appendingPathComponent($0))
            }
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for entry in path.split(separator: ":").map(String.init) where !entry.isEmpty {
            let candidate = (entry as NSString).appendingPathComponent("initdb")
            guard fileManager.isExecutableFile(atPath: candidate) else { continue }
            let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().deletingLastPathComponent().path
            if complete(resolved) { return PostgresBinaries(directory: resolved) }
            if complete(entry) { return PostgresBinaries(directory: entry) }
        }
        let root = "/usr/lib/postgresql"
        let versions = ((try? fileManager.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap { name in Int(name).map { (version: $0, folder: "\(root)/\(name)/bin") } }
            .sorted { $0.version > $1.version }
        if let found = versions.first(where: { complete($0.folder) }) {
            return PostgresBinaries(directory: found.folder)
        }
        throw PostgresTestServer.Failure(
            description: "PostgreSQL's initdb is neither on PATH nor in /usr/lib/postgresql/*/bin: run scripts/deps.sh")
    }

    public init(directory: String) {
        self.directory = directory
    }
}

/// The unprivileged user the server runs as when the tests run as root.
private struct ServerUser: Sendable {
    let uid: uid_t
    let gid: gid_t
    let home: String
    let setpriv: String

    static func postgres() throws -> ServerUser {
        guard let entry = getpwnam("postgres") else {
            throw PostgresTestServer.Failure(
                description: "running as root and there is no postgres user to run initdb and postgres as (install Debian's postgresql)")
        }
        guard let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw PostgresTestServer.Failure(description: "running as root and setpriv (util-linux) is missing")
        }
        return ServerUser(
            uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid,
            home: String(cString: entry.pointee.pw_dir), setpriv: setpriv)
    }
}
