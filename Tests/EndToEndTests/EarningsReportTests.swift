import Foundation
import Mail
import Testing

/// The README's second demo step: a month of Dr Rao's EARNING mails, then EARNINGS MARCH, whose reply is
/// kept in Golden/earnings-march.txt and shown whole in the README.
@Suite struct EarningsReportTests {
    static let monthEnd = "2026-03-31T21:30:00+05:30"

    @Test func theSampleMonthMakesTheReportShownInTheReadme() throws {
        let root = try temporaryFolder("earnings")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let samples = CareDeskBinary.packageRoot.appendingPathComponent("Samples")
        _ = try CareDeskBinary.run(["init", "--data", data.path, "--clinic", samples.appendingPathComponent("clinic.json").path])
        let month = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.monthEnd, samples.appendingPathComponent("rao-march.mbox").path])
        #expect(month.status == 0 && month.stdout.contains("30 messages: 30 answered"), "\(month.stdout)\(month.stderr)")
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.monthEnd, "--transcript",
                                          samples.appendingPathComponent("earnings-march.eml").path])
        #expect(run.status == 0, "\(run.stderr)")
        let golden = CareDeskBinary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden/earnings-march.txt")
        if ProcessInfo.processInfo.environment["CAREDESK_UPDATE_GOLDEN"] == "1" { try Data(run.stdout.utf8).write(to: golden) }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(run.stdout == expected)
        let readme = try String(contentsOf: CareDeskBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let shown = readme.components(separatedBy: "<!-- earnings-report:start -->\n```\n").last?
            .components(separatedBy: "```\n<!-- earnings-report:end -->").first
        #expect(shown == expected, "README's report differs from Golden/earnings-march.txt")

        // The reply's CSV carries every entry and the total; its HTML draws one bar per day.
        let reply = try #require(try files(in: data.appendingPathComponent("outgoing/new")).map { try String(contentsOf: $0, encoding: .utf8) }
            .first { $0.contains("In-Reply-To: <rao-earning-031@kanchicare.example>") })
        let parsed = MailMessage.parse(Data(reply.utf8))
        let csv = String(decoding: try #require(parsed.attachments.first { $0.contentType == "text/csv" }).data, as: UTF8.self)
        #expect(csv.components(separatedBy: "\r\n").count == 1 + 27 + 1 + 1, "header, 27 entries (one day set anew), the total, the final line end")
        #expect(csv.contains("total,197950.50,"))
    }
}
