import Foundation
import Testing

/// `make demo-payments`' script: the pay flow shown from a booking to its receipt, against localstripe.
@Suite struct DemoPaymentsTests {
    @Test func theDemoBooksPaysAndShowsTheReceipt() throws {
        let work = try temporaryFolder("demo-payments")
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CareDeskBinary.packageRoot.appendingPathComponent("scripts/demo-payments.py").path,
                             "--bin", CareDeskBinary.path, "--data", work.appendingPathComponent("demo").path]
        var env = ProcessInfo.processInfo.environment
        env["CAREDESK_TEMPLATES"] = CareDeskBinary.packageRoot.appendingPathComponent("Templates").path
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("Held for you: Dr Suresh Rao") && output.contains("/pay/"), "\(output)")
        #expect(output.contains("Subject: Receipt: ₹800 for "), "\(output)")
        #expect(output.contains("— paid"), "\(output)")
    }
}
