import Foundation
import Logging
import SMS
import Testing
@testable import Desk

/// Every sender's hourly allowance is the desk's, in the store: by mail as by SMS, one polite answer past
/// the limit and silence after it, counted across the messages of one batch, kept across a restart and
/// a compaction, and never holding back a carrier's STOP.
@Suite struct HourlyAllowanceTests {
    func reopened(_ fixture: DeskFixture) throws -> Desk {
        let templates = try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates"))
        let desk = try Desk(dataFolder: fixture.folder, templates: templates, logger: Logger(label: "test"))
        desk.trust = fixture.desk.trust
        return desk
    }

    func reply(_ desk: Desk, _ report: HandlingReport) -> String? {
        guard case .answered(let id) = report.result else { return nil }
        return desk.state.outbox[id]?.data
    }

    @Test func mailPastTheLimitIsAnsweredOnceThenNotReadEvenAfterARestart() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        fixture.desk.trust.hourlyLimit = 3
        // Five in one batch: the batch's own messages count against each other.
        let first = try fixture.desk.handle((0..<5).map { _ in DeskFixture.mail("INFO") }, now: DeskFixture.now)
        #expect(first.prefix(3).allSatisfy { reply(fixture.desk, $0)?.contains("Kanchi Care") == true })
        let told = try #require(reply(fixture.desk, first[3]))
        #expect(told.contains("more than 3 messages within an hour"), "\(told)")
        #expect(first[4].result == .silent(reason: Desk.pastAllowance))

        try fixture.desk.store.compact()
        let desk = try reopened(fixture)
        let later = try desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now + 1800)
        #expect(later.first?.result == .silent(reason: Desk.pastAllowance), "the restart forgot nothing")
        #expect(desk.state.clinic?.appointments.isEmpty == true, "its commands are not read")
        // Another sender is not held back by this one.
        let other = try desk.handle([DeskFixture.mail("INFO", from: "someone.else@example.in")], now: DeskFixture.now + 1800)
        #expect(reply(desk, other[0])?.contains("more than") == false)
        // An hour after the first counted message, they are read again.
        let again = try desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now + 3601)
        #expect(reply(desk, again[0])?.contains("Booked") == true, "\(again)")
    }

    @Test func textsCountTooButACarriersStopIsNeverHeldBack() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        fixture.desk.trust.hourlyLimit = 2
        let number = "+919840000077"
        let reports = try fixture.desk.handle((0..<4).map { _ in SMSTests.sms("INFO", from: number) }, now: DeskFixture.now)
        let told = try #require(reply(fixture.desk, reports[2]))
        #expect(told.contains("over 2 texts within an hour") && SMSSegments(told).count <= 2, "\(told)")
        #expect(reports[3].result == .silent(reason: Desk.pastAllowance))
        _ = try fixture.desk.handle([SMSTests.sms("STOP", from: number)], now: DeskFixture.now + 60)
        #expect(fixture.desk.state.smsOptedOut.contains(number), "STOP is honoured past the limit")
    }

    @Test func theDeskMayWriteTenTimesAsMuch() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        fixture.desk.trust.hourlyLimit = 2
        let desk = "desk@kanchicare.example"
        let reports = try fixture.desk.handle((0..<21).map { _ in DeskFixture.mail("DOCTORS", from: desk) }, now: DeskFixture.now)
        #expect(reports.prefix(20).allSatisfy { reply(fixture.desk, $0)?.contains("more than") == false })
        #expect(reply(fixture.desk, reports[20])?.contains("more than 20 messages within an hour") == true)
    }

    @Test func theStoreKeepsNoAddressForTheCount() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        _ = try fixture.desk.handle([DeskFixture.mail("INFO")], now: DeskFixture.now)
        let senders = fixture.desk.state.allowance.senders
        #expect(senders.count == 1)
        #expect(senders.keys.allSatisfy { !$0.contains("priya") && $0.count == 16 })
    }
}
