import Foundation
import Mail
import Testing

/// The README's second demo step: a month of Dr Rao's EARNING mails, then EARNINGS MARCH, whose reply is
/// kept in Golden/earnings-march.txt and shown whole in the README.
@Suite struct EarningsReportTests {
    static let monthEnd = "2026-03-31T21:30:00+05:30"

    /// A fresh data folder of the sample clinic holding Dr Rao's March (Samples/rao-march.mbox).
    func raosMarch(_ name: String) throws -> (root: URL, data: URL) {
        let root = try temporaryFolder(name)
        let data = root.appendingPathComponent("data")
        let samples = CareDeskBinary.packageRoot.appendingPathComponent("Samples")
        _ = try CareDeskBinary.run(["init", "--data", data.path, "--clinic", samples.appendingPathComponent("clinic.json").path])
        let month = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.monthEnd, samples.appendingPathComponent("rao-march.mbox").path])
        #expect(month.status == 0 && month.stdout.contains("30 messages: 30 answered"), "\(month.stdout)\(month.stderr)")
        return (root, data)
    }

    @Test func theSampleMonthMakesTheReportShownInTheReadme() throws {
        let (root, data) = try raosMarch("earnings")
        defer { try? FileManager.default.removeItem(at: root) }
        let samples = CareDeskBinary.packageRoot.appendingPathComponent("Samples")
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

    /// On the first tick of April, through the built binary: Dr Rao gets March's report and the desk the
    /// hospital's, once, however often tick runs.
    @Test func theFirstTickOfAMonthSendsItsReportsOnce() throws {
        let (root, data) = try raosMarch("month-end")
        defer { try? FileManager.default.removeItem(at: root) }
        let outgoing = data.appendingPathComponent("outgoing/new")
        let before = files(in: outgoing).count
        let first = try CareDeskBinary.run(["tick", "--data", data.path, "--now", "2026-04-01T07:00:00+05:30"])
        #expect(first.status == 0 && first.stdout.contains("2 reports of the month just ended queued"), "\(first.stdout)\(first.stderr)")
        for later in ["2026-04-01T07:05:00+05:30", "2026-04-02T07:00:00+05:30"] {
            let again = try CareDeskBinary.run(["tick", "--data", data.path, "--now", later])
            #expect(again.status == 0 && !again.stdout.contains("report"), "\(again.stdout)")
        }
        let sent = try files(in: outgoing).map { MailMessage.parse(try Data(contentsOf: $0)) }
        #expect(sent.count == before + 2)
        let toRao = try #require(sent.first { $0.subject == "Your earnings for March 2026" })
        #expect(toRao.to.map(\.address) == ["rao@kanchicare.example"])
        #expect(String(decoding: try #require(toRao.attachments.first { $0.contentType == "text/csv" }).data, as: UTF8.self)
            .contains("total,197950.50,"))
        #expect(sent.contains { $0.subject.hasSuffix("the report for March 2026") && $0.to.map(\.address) == ["desk@kanchicare.example"] })
    }
}
