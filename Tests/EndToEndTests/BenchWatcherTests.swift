import Foundation
import Testing

/// `caredesk-bench watcher`, `parsing` and `store`, small: they run, every message is answered and timed, the
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
        let run = try CareDeskBinary.runBench(["parsing", "--parses", "200", "--reads", "200", "--renders", "200"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("MailMessage.parse, 2126 bytes"), "\(run.stdout)")
        #expect(run.stdout.contains("OutgoingMail.render, "), "\(run.stdout)")
        #expect(run.stdout.components(separatedBy: "CommandReader.read, a ").count == 3, "\(run.stdout)")
    }

    @Test func storePrintsEveryEncoding() throws {
        let work = try temporaryFolder("bench-store")
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try CareDeskBinary.runBench(["store", "--appointments", "2000", "--work", work.path])
        #expect(run.status == 0, "\(run.stderr)")
        for label in ["commit: 20000 records", "keyed JSON, JSONDecoder: 2000 appointments", "columnar JSON, JSONDecoder: 2000",
                      "columnar JSON, ColumnarJSONReader: 2000", "20000 records: encode", "columnar 2000: encode"] {
            #expect(run.stdout.contains(label), "no \(label) in:\n\(run.stdout)")
        }
        #expect(files(in: work).isEmpty)
    }
}
