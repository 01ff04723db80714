import Foundation
import Testing

/// `caredesk-bench watcher` and `parsing`, small: they run, every message is answered and timed, the
/// figures are printed.
@Suite struct BenchWatcherTests {
    @Test func watcherTimesEveryReply() throws {
        let work = try temporaryFolder("bench-watcher")
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try CareDeskBinary.runBench(["watcher", "--messages", "5", "--work", work.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("mail into new/ → its reply at the SMTP server: p50 "), "\(run.stdout)")
        #expect(run.stdout.contains("5 replies arrived, 0 not within 10 s"), "\(run.stdout)")
        #expect(files(in: work).isEmpty)
    }

    @Test func parsingPrintsBothFigures() throws {
        let run = try CareDeskBinary.runBench(["parsing", "--parses", "200", "--reads", "200"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("MailMessage.parse, 2126 bytes"), "\(run.stdout)")
        #expect(run.stdout.components(separatedBy: "CommandReader.read, a ").count == 3, "\(run.stdout)")
    }
}
