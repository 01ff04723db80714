import Foundation
import Testing

/// Runs the built `caredesk` executable, as a clinic's scripts and mail server would.
struct CareDeskBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `caredesk` the tests run: CAREDESK_BIN if set, else this configuration's own, built (with
    /// `caredesk-bench`) when first asked for, so a bare `swift test` never runs a binary older than the sources
    /// (`swift test` builds the test bundle, not the executables). Up to date, the build is a few seconds.
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["CAREDESK_BIN"] { return path }
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        for product in ["caredesk", "caredesk-bench"] { buildProduct(product, configuration: configuration) }
        return packageRoot.appendingPathComponent(".build/\(configuration)/caredesk").path
    }()

    /// `swift build --product NAME -c CONFIGURATION` in the package; a failed build stops the run with its errors.
    private static func buildProduct(_ product: String, configuration: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `swift test` holds the build folder's lock while its tests run; its own build is over by then, so this
        // one (of the executables only) goes past the lock.
        process.arguments = ["swift", "build", "--ignore-lock", "--package-path", packageRoot.path, "--product", product, "-c", configuration]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            fatalError("swift build --product \(product) could not start: \(error)")
        }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            fatalError("swift build --product \(product) failed:\n\(String(decoding: text, as: UTF8.self))")
        }
    }

    /// `caredesk-bench`, built beside `caredesk`.
    static var benchPath: String {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("caredesk-bench").path
    }

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], executable: String = path) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["CAREDESK_TEMPLATES"] = packageRoot.appendingPathComponent("Templates").path
        predictable(&env, arguments)
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so neither fills up and blocks the child.
        let errData = LockedData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// Runs `caredesk-bench` with `arguments`.
    static func runBench(_ arguments: [String]) throws -> Output {
        try run(arguments, executable: benchPath)
    }

    /// A run that fixes the clock (`--now`) also gets predictable codes and references, as the demo does, so
    /// transcripts can be compared; a test of the system's randomness passes `CAREDESK_TEST_SEED: ""`.
    static func predictable(_ env: inout [String: String], _ arguments: [String]) {
        if arguments.contains("--now") { env["CAREDESK_TEST_SEED"] = "0" }
        env["CAREDESK_AUTHSERV_ID"] = env["CAREDESK_AUTHSERV_ID"] ?? testAuthservID
    }

    /// The environment with no practical hourly allowance: for tests of load from a few senders (crashes,
    /// races), not of the flood guard.
    static var unlimited: [String: String] {
        ProcessInfo.processInfo.environment.merging(["CAREDESK_RATE_LIMIT": "1000000"]) { $1 }
    }

    /// Starts the executable without waiting, for the kill -9 test.
    static func start(_ arguments: [String], errors: URL? = nil, environment: [String: String]? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = environment ?? ProcessInfo.processInfo.environment
        env["CAREDESK_TEMPLATES"] = packageRoot.appendingPathComponent("Templates").path
        if environment?["CAREDESK_TEST_SEED"] == nil { predictable(&env, arguments) }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        var errorFile: FileHandle?
        if let errors {
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            errorFile = try FileHandle(forWritingTo: errors)
        }
        process.standardError = errorFile ?? FileHandle.nullDevice
        try process.run()
        // The child holds its own copy of the error file.
        try? errorFile?.close()
        return process
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false
    func set(_ d: Data) { lock.lock(); data = d; finished = true; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// A fresh temporary folder per test, removed afterwards by the caller.
/// A temporary folder holding `data/`, a data folder made by `caredesk init` with the sample clinic.
func sampleClinicFolder(_ name: String) throws -> (root: URL, data: URL) {
    let root = try temporaryFolder(name)
    let data = root.appendingPathComponent("data")
    let result = try CareDeskBinary.run(["init", "--data", data.path,
                                         "--clinic", CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json").path])
    #expect(result.status == 0, "\(result.stderr)")
    return (root, data)
}

func temporaryFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("caredesk-\(name)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes messages into a new Maildir, one file each, in order.
func makeMaildir(at url: URL, messages: [String]) throws {
    for sub in ["new", "cur", "tmp"] {
        try FileManager.default.createDirectory(at: url.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    for (i, message) in messages.enumerated() {
        let name = String(format: "%08d.test.local", i)
        try Data(message.utf8).write(to: url.appendingPathComponent("new/\(name)"))
    }
}

func files(in url: URL) -> [URL] {
    ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        .map { url.appendingPathComponent($0) }
}

/// The authserv-id of the test clinic's mail server: every run of the binary is told it
/// (`CAREDESK_AUTHSERV_ID`), and `mail()` stamps messages with its verdict unless told not to.
let testAuthservID = "mx.kanchicare.example"

/// The `Authentication-Results` field the clinic's server would add to mail from `address` that passed DMARC.
func authenticationResults(for address: String) -> String {
    let domain = address.split(separator: "@").last.map(String.init) ?? ""
    return "Authentication-Results: \(testAuthservID); spf=pass smtp.mailfrom=\(domain);\n dkim=pass header.d=\(domain); dmarc=pass header.from=\(domain)\n"
}

/// A plain inbound message, as the clinic's mail server hands it over: with its Authentication-Results
/// (DMARC passed) unless `authenticated` is false, when nothing vouches for the sender.
func mail(from: String, subject: String, body: String, id: String, extraHeaders: String = "", authenticated: Bool = true) -> String {
    let address = from.split(separator: "<").last.map { String($0.prefix { $0 != ">" }) } ?? from
    return (authenticated ? authenticationResults(for: address) : "")
        + "From: \(from)\nTo: desk@kanchicare.example\nSubject: \(subject)\nMessage-ID: <\(id)>\nDate: Mon, 2 Mar 2026 08:50:00 +0530\n"
        + extraHeaders + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n"
}

/// Ingests one plain message from `from` into `data` at `now` with `--transcript`; returns what was printed.
func ingestOne(_ data: URL, root: URL, from: String, body: String, subject: String = "to the desk",
               now: String = "2026-03-02T09:00:00+05:30") throws -> String {
    let maildir = root.appendingPathComponent("in-\(UUID().uuidString.prefix(8))")
    try makeMaildir(at: maildir, messages: [mail(from: from, subject: subject, body: body, id: "\(UUID().uuidString)@example.in")])
    let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", now, "--transcript", maildir.path])
    #expect(run.status == 0, "\(run.stderr)")
    return run.stdout
}
