import Clinic
import Foundation
import Logging
import Mail
import Testing
@testable import Desk

/// The month's reports without asking: on the first tick of April, Dr Rao (who recorded earnings in March)
/// gets March's EARNINGS with its CSV, the desk the hospital's REPORT; a second tick, a restart and a
/// later tick send nothing more; a doctor with nothing recorded, or who wrote REPORTS OFF, gets none.
@Suite struct MonthReportsTests {
    /// Tue 31 Mar 2026 18:00 IST; Wed 1 Apr 2026 00:05 IST.
    static let lastOfMarch: Int64 = 1_774_960_200
    static let firstOfApril: Int64 = 1_774_982_100
    let rao = "rao@kanchicare.example", iyer = "iyer@kanchicare.example", desk = "desk@kanchicare.example"

    func mails(_ desk: Desk, after before: Set<String>) -> [MailMessage] {
        desk.state.outbox.values.filter { !before.contains($0.id) && $0.channel == .email }
            .map { MailMessage.parse(Data($0.data.utf8)) }
    }

    @Test func eachMonthEndsWithItsReportsOnce() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        _ = try fixture.desk.handle([DeskFixture.mail("EARNING 2500 yesterday\nEARNING 1800", from: rao),
                                     DeskFixture.mail("EARNING 900", from: iyer),
                                     DeskFixture.mail("REPORTS OFF", from: iyer)], now: Self.lastOfMarch)
        #expect(fixture.desk.state.clinic?.doctor(id: "iyer")?.monthReports == false)
        #expect(try fixture.desk.queueMonthReports(now: Self.lastOfMarch) == 0, "March has not ended")

        let before = Set(fixture.desk.state.outbox.values.map(\.id))
        #expect(try fixture.desk.queueMonthReports(now: Self.firstOfApril) == 2)
        let sent = mails(fixture.desk, after: before)
        let toRao = try #require(sent.first { $0.to.contains { $0.address == rao } })
        #expect(toRao.subject == "Your earnings for March 2026")
        #expect(toRao.text.contains("Write REPORTS OFF to stop these mails") && toRao.text.contains("Total: ₹4,300 over 2 day(s)") , "\(toRao.text)")
        let csv = try #require(toRao.attachments.first { $0.contentType == "text/csv" })
        #expect(csv.filename == "earnings-rao-2026-03.csv" && String(decoding: csv.data, as: UTF8.self).contains("2500"))
        let toDesk = try #require(sent.first { $0.to.contains { $0.address == desk } })
        #expect(toDesk.subject.contains("the report for March 2026") && toDesk.attachments.contains { $0.filename == "report-2026-03.csv" })
        #expect(!sent.contains { $0.to.contains { $0.address == iyer } }, "REPORTS OFF")
        #expect(sent.count == 2)

        // Once: again, after a restart, and later in April.
        #expect(try fixture.desk.queueMonthReports(now: Self.firstOfApril + 60) == 0)
        let templates = try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates"))
        let reopened = try Desk(dataFolder: fixture.folder, templates: templates, logger: Logger(label: "test"))
        #expect(reopened.state.lastMonthReported == "2026-03")
        #expect(try reopened.queueMonthReports(now: Self.firstOfApril + 86_400 * 10) == 0)
        try reopened.store.compact()
        let again = try Desk(dataFolder: fixture.folder, templates: templates, logger: Logger(label: "test"))
        #expect(try again.queueMonthReports(now: Self.firstOfApril + 86_400 * 20) == 0, "the snapshot keeps the month")
    }

    @Test func aQuietMonthSendsNothingAndIsStillMarked() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        #expect(try fixture.desk.queueMonthReports(now: Self.firstOfApril) == 0)
        #expect(fixture.desk.state.lastMonthReported == "2026-03")
    }

    @Test func reportsOnAndOffAreADoctorsSettingAndTheCommandIsChecked() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let off = try fixture.desk.handle([DeskFixture.mail("REPORTS OFF", from: rao)], now: Self.lastOfMarch)
        #expect(off.first?.replyText?.contains("Saved: REPORTS is now OFF") == true, "\(off)")
        let on = try fixture.desk.handle([DeskFixture.mail("REPORTS ON", from: rao)], now: Self.lastOfMarch)
        #expect(on.first?.replyText?.contains("Saved: REPORTS is now ON") == true)
        #expect(fixture.desk.state.clinic?.doctor(id: "rao")?.monthReports == nil)
        let bad = try fixture.desk.handle([DeskFixture.mail("REPORTS maybe", from: rao)], now: Self.lastOfMarch)
        #expect(bad.first?.replyText?.contains("REPORTS ON|OFF") == true, "\(bad)")
        let patient = try fixture.desk.handle([DeskFixture.mail("REPORTS OFF")], now: Self.lastOfMarch)
        #expect(patient.first?.replyText?.contains("Saved") == false)
    }
}
