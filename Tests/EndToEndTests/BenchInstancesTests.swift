import Foundation
import TestServers
import Testing

/// `caredesk-bench instances`, tiny, against a PostgreSQL of the test's own: the table is printed with a row
/// for the journal and one per instance count, every request answered 2xx, the migrate time printed; and
/// afterwards no `caredesk serve` it started is left running, its databases are dropped and its work folder
/// is empty. No timing is asserted.
@Suite struct BenchInstancesTests {
    @Test func printsTheTableAndLeavesNothingBehind() throws {
        let server = try PostgresTestServer()
        let work = try temporaryFolder("bench-instances")
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try CareDeskBinary.runBench(["instances", "--server", PostgresTestServer.url(port: server.port, database: "postgres"),
            "--requests", "200", "--connections", "2", "--instances", "1,2", "--appointments", "1000", "--work", work.path,
        ])
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        let lines = run.stdout.split(separator: "\n").map(String.init)

        let header = try #require(lines.firstIndex { $0.hasPrefix("store ") }, "no table in:\n\(run.stdout)")
        for column in ["instances", "requests/s", "p50 ms", "p99 ms", "ratio to JSON", "peak RSS MB per instance", "start-up s"] {
            #expect(lines[header].contains(column), "\(lines[header])")
        }
        let rows = lines.dropFirst(header + 2).prefix { $0.contains(" | ") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(rows.map { $0.prefix(2) } == [["JSON journal", "1"], ["PostgreSQL", "1"], ["PostgreSQL", "2"]], "\(run.stdout)")
        for row in rows {
            #expect(row.count == 8, "\(row)")
            #expect(Double(row[2]).map { $0 > 0 } == true, "requests/s in \(row)")
        }
        for note in ["JSON journal × 1: 200 answered", "PostgreSQL × 1: 200 answered", "PostgreSQL × 2: 200 answered"] {
            let line = try #require(lines.first { $0.hasPrefix(note) }, "no \(note) in:\n\(run.stdout)")
            #expect(line.hasSuffix("non-2xx 0"), "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("migrate (") && $0.contains("for 2 instances: ") }, "\(run.stdout)")

        // Nothing left behind: no process running on the work folder's data, no bench database, an empty work folder.
        #expect(processes(mentioning: work.path).isEmpty, "\(processes(mentioning: work.path))")
        #expect(try server.psql("SELECT datname FROM pg_database WHERE datname LIKE 'caredesk_bench_%'", database: "postgres") == "")
        #expect(files(in: work).isEmpty, "\(files(in: work))")
    }

    /// The command lines of running processes that name `text` (read from /proc).
    func processes(mentioning text: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int($0) != nil }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return line.contains(text) ? "\(pid): \(line)" : nil
        }
    }
}
