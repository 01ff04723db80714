import ChildProcess
import Foundation
import Testing

/// Children start with every signal at its default and none blocked, even from a test's thread (one of Swift
/// concurrency's dispatch workers, which block SIGTERM): SIGTERM ends them. Foundation's Process started
/// `smtp-sink` from such a thread with SIGTERM blocked, and `bench delivery` waited for it for ever.
@Suite struct ChildProcessTests {
    @Test func aChildStartsWithNoSignalBlockedOrIgnoredAndSIGTERMEndsIt() async throws {
        let child = try ChildProcess.start("/bin/sleep", ["30"])
        let status = try String(contentsOfFile: "/proc/\(child.pid)/status", encoding: .utf8)
        /// The standard signals (1–31) of a mask in /proc; glibc keeps its own two real-time signals (32, 33) to itself.
        func standard(_ name: String) -> UInt64? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { UInt64($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16) }
                .map { $0 & 0x7fff_ffff }
        }
        #expect(standard("SigBlk") == 0)
        #expect(standard("SigIgn") == 0)
        child.signal(SIGTERM)
        #expect(child.wait() == .signalled(SIGTERM))
    }

    @Test func runReadsTheChildsOutputAndItsStatus() throws {
        let (ended, output) = try ChildProcess.run("/bin/sh", ["-c", "echo clinic; exit 3"])
        #expect(ended == .exited(3))
        #expect(output == "clinic\n")
    }

    @Test func aMissingProgramIsAnErrorNotACrash() {
        #expect(throws: ChildProcess.Failure.self) { try ChildProcess.start("/nonexistent/caredesk-child", []) }
    }
}
