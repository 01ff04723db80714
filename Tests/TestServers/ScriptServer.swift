import Foundation

/// A test server script from scripts/ run with python3: it prints its port
/// as the first stdout line. Stopped by `stop()` or deinit, and it also exits
/// by itself when this process dies (its stdin pipe closes).
public final class ScriptServer {
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    public let port: Int
    private let process = Process()
    private let input = Pipe()
    private var stopped = false

    /// scripts/ of the package, found from this file's path.
    public static let scripts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestServers
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .appendingPathComponent("scripts")

    /// Starts `scripts/<script>`; its stderr goes to `logPath`.
    public init(script: String, arguments: [String], logPath: String) throws {
        let output = Pipe()
        guard FileManager.default.createFile(atPath: logPath, contents: nil) else {
            throw StartFailure(description: "cannot create \(logPath)")
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.scripts.appendingPathComponent(script).path] + arguments
        process.standardInput = input
        process.standardOutput = output
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardError = log
        try process.run()
        try? log.close()  // the script holds its own copy
        let line = Self.firstLine(of: output.fileHandleForReading)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            process.waitUntilExit()
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw StartFailure(description: "\(script) did not report a port: '\(line)'\n\(log)")
        }
        self.port = port
    }

    private static func firstLine(of handle: FileHandle) -> String {
        var bytes = Data()
        while !bytes.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }  // the script exited
            bytes.append(chunk)
        }
        return String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    }

    /// Closes the script's stdin (it exits on that), sends SIGTERM, and
    /// after five seconds SIGKILL; returns once it has exited.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
        }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline {
            usleep(20_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// SIGKILL at once, without closing stdin or asking first; returns once it has exited.
    public func killAtOnce() {
        guard !stopped else { return }
        stopped = true
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
    }

    /// Sends `signal` to the running script (a control the script documents), without waiting.
    public func send(_ signal: Int32) {
        guard !stopped, process.isRunning else { return }
        kill(process.processIdentifier, signal)
    }

    deinit {
        stop()
    }
}
