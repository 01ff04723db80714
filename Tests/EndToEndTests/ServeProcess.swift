import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `caredesk serve` child process for a test: started on a free port, read until it announces where it
/// listens, stopped with a signal (and killed for good by `stop()` in a defer, whatever happened).
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let errors: URL
    private let lock = NSLock()
    private var output = Data()
    private(set) var port = 0

    /// Starts `caredesk serve --port 0 ARGUMENTS` and waits (at most `timeout` seconds) for its port line.
    init(_ arguments: [String], errors: URL, environment: [String: String] = [:], timeout: TimeInterval = 30) throws {
        self.errors = errors
        process.executableURL = URL(fileURLWithPath: CareDeskBinary.path)
        process.arguments = ["serve", "--port", "0"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["CAREDESK_TEMPLATES"] = CareDeskBinary.packageRoot.appendingPathComponent("Templates").path
        CareDeskBinary.predictable(&env, arguments)
        env["CAREDESK_HEALTH_TOKEN"] = Self.healthToken
        // A test run that crashes must not leave desks running (they skew every benchmark after it).
        env["CAREDESK_EXIT_WITH_PID"] = "\(ProcessInfo.processInfo.processIdentifier)"
        for (name, value) in environment { env[name] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let errorFile = try FileHandle(forWritingTo: errors)
        process.standardError = errorFile
        try process.run()
        // The child holds its own copy; ours would stay open for the rest of the suite (a thousand tests' worth).
        try? errorFile.close()
        let reader = Thread { [self] in
            while true {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty {
                    try? out.fileHandleForReading.close()
                    return
                }
                lock.withLock { output.append(chunk) }
            }
        }
        reader.start()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && process.isRunning {
            if let port = announcedPort() {
                self.port = port
                return
            }
            usleep(20_000)
        }
        stop()
        throw Failure(description: "caredesk serve did not announce its port: \(stdout) \(stderr)")
    }

    var stdout: String { lock.withLock { String(decoding: output, as: UTF8.self) } }
    var stderr: String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }

    private func announcedPort() -> Int? {
        let prefix = "caredesk serve: listening on http://127.0.0.1:"
        guard let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return Int(line.dropFirst(prefix.count))
    }

    /// Sends `signal` and waits for the exit; nil if it had not exited within `timeout` seconds.
    func signal(_ signal: Int32, timeout: TimeInterval = 10) -> (reason: Process.TerminationReason, status: Int32)? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        guard !process.isRunning else { return nil }
        return (process.terminationReason, process.terminationStatus)
    }

    /// Kills the process if it still runs.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// GET `path` on the server: the status and the body.
    /// The token every test server is given for `GET /health` (`CAREDESK_HEALTH_TOKEN`).
    static let healthToken = "health-token-for-tests"

    /// GET `path`, as the clinic's monitoring would: with the health token unless `bearer` is nil.
    func get(_ path: String, bearer: String? = ServeProcess.healthToken) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        let (body, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }

    /// POST `body` to `path` with `headers`: the status and the body.
    func post(_ path: String, headers: [String: String], body: Data) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.upload(for: request, from: body)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// GET `path` and wait for the answer, blocking this thread: for a test's own thread, never the cooperative pool.
    func getWaiting(_ path: String, bearer: String? = ServeProcess.healthToken, timeout: TimeInterval = 60) throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: timeout)
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        return try Self.waiting(for: request, timeout: timeout)
    }

    /// POST `body` to `path` with `headers` and wait for the answer, blocking this thread (see `getWaiting`).
    func postWaiting(_ path: String, headers: [String: String], body: Data, timeout: TimeInterval = 60) throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: timeout)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        return try Self.waiting(for: request, timeout: timeout)
    }

    /// One request through URLSession's completion handler (called on the session's own queue), awaited with a semaphore.
    private static func waiting(for request: URLRequest, timeout: TimeInterval) throws -> (status: Int, body: Data) {
        let answer = Answer()
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            answer.set(error.map { .failure($0) } ?? .success((status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data ?? Data())))
        }
        task.resume()
        guard answer.done.wait(timeout: .now() + timeout + 5) == .success, let result = answer.result else {
            task.cancel()
            throw Failure(description: "no answer to \(request.httpMethod ?? "GET") \(request.url?.path ?? "") within \(Int(timeout)) s")
        }
        return try result.get()
    }

    /// The result a completion handler hands to the waiting thread.
    private final class Answer: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var stored: Result<(status: Int, body: Data), any Error>?
        var result: Result<(status: Int, body: Data), any Error>? { lock.withLock { stored } }
        func set(_ result: Result<(status: Int, body: Data), any Error>) {
            lock.withLock { stored = result }
            done.signal()
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}

/// Drops a message into a Maildir as a mail server does: written under tmp/, then renamed into new/.
func deliverToMaildir(_ message: String, name: String, maildir: URL) throws {
    let temporary = maildir.appendingPathComponent("tmp/\(name)")
    try Data(message.utf8).write(to: temporary)
    try FileManager.default.moveItem(at: temporary, to: maildir.appendingPathComponent("new/\(name)"))
}

/// Waits until `condition` holds, at most `timeout` seconds; whether it did.
func eventually(timeout: TimeInterval = 20, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}

/// `eventually` for a condition that awaits.
func eventuallyAsync(timeout: TimeInterval = 20, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

/// The replies in a data folder's outgoing/new, counted by the Message-ID they answer.
func repliesByInReplyTo(_ data: URL) throws -> [String: Int] {
    var answered: [String: Int] = [:]
    for reply in files(in: data.appendingPathComponent("outgoing/new")) {
        let text = try String(contentsOf: reply, encoding: .utf8)
        if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("In-Reply-To: ") }) {
            answered[String(line.dropFirst("In-Reply-To: ".count)), default: 0] += 1
        }
    }
    return answered
}
