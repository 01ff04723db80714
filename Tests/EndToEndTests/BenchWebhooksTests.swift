import Foundation
import Testing

/// `caredesk-bench webhooks`, small: it runs, every signed request is trusted and answered 2xx by both
/// endpoints, bookings really happen, and the ratio is printed. No timing is asserted.
@Suite struct BenchWebhooksTests {
    @Test func printsBothEndpointsAndTheRatio() throws {
        let work = try temporaryFolder("bench-webhooks")
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try CareDeskBinary.runBench(["webhooks", "--requests", "200", "--connections", "2", "--work", work.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)

        for label in ["bare Hummingbird, POST /bare:", "caredesk, POST /webhooks/messages:"] {
            let line = try #require(lines.first { $0.hasPrefix(label) }, "no line for \(label) in:\n\(run.stdout)")
            #expect(line.contains("200 answered in"), "\(line)")
            #expect(line.contains("requests/s; p50 "), "\(line)")
            #expect(line.contains(" ms, p99 "), "\(line)")
            #expect(line.hasSuffix("non-2xx 0"), "\(line)")
        }
        #expect(!run.stdout.contains("got no answer"), "\(run.stdout)")

        // Durable and real: each request answered after its commit, and BOOKs booked.
        let durable = try #require(lines.first { $0.contains("durable: each request answered after the commit that holds it") }, "\(run.stdout)")
        let counts = durable.components(separatedBy: "appointments ").last?.components(separatedBy: " -> ").compactMap { Int($0) } ?? []
        #expect(counts.count == 2 && counts[1] > counts[0], "\(durable)")

        let ratio = try #require(lines.last { $0.hasPrefix("ratio (webhooks / bare): ") }, "\(run.stdout)")
        let value = Double(ratio.dropFirst("ratio (webhooks / bare): ".count))
        #expect(value.map { $0 > 0 } == true, "\(ratio)")
        try expectWhatTheDiskAndCPUAllow(lines, connections: 2)
        // The work folder is left empty: the run removes its data folder.
        #expect(files(in: work).isEmpty)
    }

    /// The same with wrk as the load (`--wrk`, installed by scripts/deps.sh): wrk's figures for both endpoints,
    /// every request answered 2xx, and the signed requests enough for the run.
    @Test func wrkLoadsBothEndpoints() throws {
        let work = try temporaryFolder("bench-webhooks-wrk")
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try CareDeskBinary.runBench(["webhooks", "--wrk", "/usr/bin/wrk", "--seconds", "1", "--connections", "2",
                                               "--wrk-requests", "20000", "--work", work.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        for label in ["bare Hummingbird, POST /bare (wrk):", "caredesk, POST /webhooks/messages (wrk):"] {
            let line = try #require(lines.first { $0.hasPrefix(label) }, "no line for \(label) in:\n\(run.stdout)")
            #expect(line.contains("requests/s; p50 "), "\(line)")
            #expect(line.contains("non-2xx 0, socket errors 0"), "\(line)")
        }
        #expect(!run.stdout.contains("wrk used up"), "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("ratio (webhooks / bare): ") }, "\(run.stdout)")
        try expectWhatTheDiskAndCPUAllow(lines, connections: 2)
        #expect(files(in: work).isEmpty)
    }

    /// Beside the ratio: the bytes a request wrote and one round's append + fsync on this disk, the ceiling
    /// that puts on the closed loop, and the CPU each endpoint's request cost.
    private func expectWhatTheDiskAndCPUAllow(_ lines: [String], connections: Int) throws {
        let disk = try #require(lines.first { $0.hasPrefix("  the disk: ") }, "\(lines)")
        let perRequest = Int(disk.dropFirst("  the disk: ".count).prefix { $0.isNumber }) ?? 0
        #expect(perRequest > 500, "a request writes its record, reply and audit line: \(disk)")
        #expect(disk.contains("append + fsync of \(connections) connections' \(perRequest * connections) bytes p50 "), "\(disk)")
        let ceiling = try #require(lines.first { $0.hasPrefix("  ceiling: \(connections) closed-loop connections") }, "\(lines)")
        #expect(ceiling.contains(" requests/s = ") && ceiling.hasSuffix(" x bare"), "\(ceiling)")
        let cpu = try #require(lines.first { $0.hasPrefix("  CPU per answered request (") }, "\(lines)")
        #expect(cpu.contains("): bare ") && cpu.contains(" µs, webhooks ") && cpu.hasSuffix(" µs"), "\(cpu)")
    }
}
