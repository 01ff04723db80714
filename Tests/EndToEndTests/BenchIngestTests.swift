import Foundation
import Testing

/// `caredesk-bench ingest`, small: every message is answered, each round prints its figures beside the I/O
/// floor, several rounds end with their median and range, and the work folder is left empty. No timing is
/// asserted.
@Suite struct BenchIngestTests {
    @Test func printsEveryRoundAndTheirMedian() throws {
        let work = try temporaryFolder("bench-ingest")
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try CareDeskBinary.runBench(["ingest", "--messages", "300", "--doctors", "5", "--patients", "200",
                                          "--sizes", "1000", "--open-sizes", "2000", "--rounds", "3", "--work", work.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)

        let ingests = lines.filter { $0.contains("caredesk ingest: 300 messages in") }
        #expect(ingests.count == 3, "\(run.stdout)")
        #expect(ingests.allSatisfy { $0.hasSuffix("messages/s durable (300 answered)") }, "\(run.stdout)")
        for round in 1...3 {
            #expect(lines.contains { $0.hasPrefix("store with 1000 appointments") && $0.hasSuffix(", round \(round):") }, "\(run.stdout)")
        }
        #expect(lines.filter { $0.contains("CPU per message (both cores, all threads): user ") }.count == 3, "\(run.stdout)")
        let median = try #require(lines.first { $0.contains("1000 appointments, median of 3 rounds: ") }, "\(run.stdout)")
        #expect(median.contains("messages/s durable (range "), "\(median)")
        if lines.contains(where: { $0.contains("iofloor (bare Maildir I/O, same messages)") }) {
            #expect(median.contains("; floor ") && median.contains(", ratio "), "\(median)")
        }
        #expect(lines.contains { $0.hasPrefix("store open with 2000 appointments: ") }, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("peak memory (max RSS): ") }, "\(run.stdout)")
        // The work folder is left empty: the run removes its own subfolder.
        #expect(files(in: work).isEmpty)
    }
}
