import Foundation
import TestServers

/// scripts/pay-in-browser.py: a patient on the pay page in headless Chromium (selenium driving Debian's
/// chromium and chromedriver), typing a card and paying, or only looking; screenshots kept for a person to see.
enum PayInBrowser {
    /// Where a run's screenshots are kept, in the package: `.build/test-artefacts`.
    static let artefacts = CareDeskBinary.packageRoot.appendingPathComponent(".build/test-artefacts")

    /// chromium, chromedriver and selenium are all here (scripts/deps.sh installs them).
    static let installed: Bool = {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        func onPath(_ name: String) -> Bool {
            path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
        return (onPath("chromium") || onPath("chromium-browser")) && onPath("chromedriver")
            && ((try? run(python: ["-c", "import selenium"]).status) == 0)
    }()

    /// Whether the browser tests run: where the tools are, and always in CI (which installs them through
    /// deps.sh, so a missing one fails there rather than passing unseen).
    static var enabled: Bool { installed || ProcessInfo.processInfo.environment["CI"] != nil }

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs pay-in-browser.py with `arguments`; it gives up by itself after its `--timeout`.
    static func run(_ arguments: [String]) throws -> Output {
        try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        return try run(python: [ScriptServer.scripts.appendingPathComponent("pay-in-browser.py").path] + arguments)
    }

    private static func run(python arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes read at once, so neither fills up and blocks the browser's driver.
        let errors = LockedData()
        let reader = Thread { errors.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errors.done { usleep(1000) }
        return Output(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                      stderr: String(decoding: errors.value, as: UTF8.self))
    }
}
