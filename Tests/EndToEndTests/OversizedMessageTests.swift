import Foundation
import Testing

/// A message over `maxMessageBytes` (default 10 MB) is not read past its header: answered with a short
/// refusal, marked handled, and a 50 MB message costs the process far less than 50 MB.
@Suite struct OversizedMessageTests {
    @Test func aFiftyMegabyteMessageIsRefusedWithoutBeingReadWhole() throws {
        let (root, data) = try sampleClinicFolder("oversized")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = root.appendingPathComponent("in")
        try makeMaildir(at: maildir, messages: [])
        let file = maildir.appendingPathComponent("new/00000001.big")
        let head = mail(from: "anita.desai@example.in", subject: "scans", body: "CANCEL\n", id: "big-1@example.in")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data(head.utf8)))
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        let line = Data((String(repeating: "QUJD", count: 19) + "\n").utf8)
        let block = Data(repeating: 0, count: 0) + Array(repeating: line, count: 13_797).reduce(Data(), +)  // ~1 MB
        for _ in 0..<50 { try handle.write(contentsOf: block) }
        try handle.close()
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
        #expect(size > 50_000_000)

        // Run under a small Python parent that reports the child's peak resident memory.
        let measure = "import resource,subprocess,sys; r=subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            + "sys.stdout.write(r.stdout); print('MAXRSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", measure, CareDeskBinary.path, "ingest", "--data", data.path,
                             "--now", "2026-03-02T09:00:00+05:30", "--transcript", maildir.path]
        var env = ProcessInfo.processInfo.environment
        env["CAREDESK_TEMPLATES"] = CareDeskBinary.packageRoot.appendingPathComponent("Templates").path
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("Not read: your message is 5"), "\(output)")
        #expect(output.contains("the desk reads messages of up to 10 MB"))
        #expect(files(in: maildir.appendingPathComponent("new")).isEmpty)  // handled: moved to cur/
        let peak = output.components(separatedBy: "MAXRSS_KB ").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? .max
        #expect(peak < 100 * 1024, "peak resident memory \(peak) KB")
    }
}
