import Clinic
import Foundation
import Store
import Testing
@testable import Desk

/// Months older than `openMonths` close: their reports are kept as they stood, their appointments leave
/// memory for the history shelf, MY DATA still tells the patient of them, FORGET ME scrubs the shelf too, and
/// the store opens again to the same state.
@Suite struct ClosedMonthsTests {
    let day: Int64 = 86_400

    @Test func anOldMonthClosesAndWhatItHeldIsStillAnsweredFromTheShelf() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let desk = fixture.desk
        let booked = try desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00 knee pain")], now: DeskFixture.now)
        let ref = try #require(desk.state.clinic?.appointments.values.first?.ref, "\(booked)")
        let march = YearMonth(year: 2026, month: 3)
        let report = desk.state.clinic!.hospitalMonth(march)
        #expect(report.total.appointments == 1)

        // A year later nothing closes yet (13 months stay open); fourteen months later March does.
        let settings = DeliverySettings()
        #expect(try desk.applyRetention(dataFolder: fixture.folder, settings: settings, now: DeskFixture.now + 365 * day).monthsClosed == 0)
        let later = DeskFixture.now + 425 * day
        #expect(try desk.applyRetention(dataFolder: fixture.folder, settings: settings, now: later).monthsClosed == 1)
        let clinic = try #require(desk.state.clinic)
        #expect(clinic.appointments.isEmpty && clinic.appointment(ref: ref) == nil, "the closed month left memory")
        #expect(clinic.hospitalMonth(march) == report, "REPORT MARCH 2026 answers as before")
        let shelfFile = fixture.folder.appendingPathComponent("store/history/2026-03.json")
        let mode = try FileManager.default.attributesOfItem(atPath: shelfFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // MY DATA still lists the appointment, read back from the shelf.
        let patientID = try #require(clinic.patient(address: DeskFixture.patient)?.id)
        let record = try #require(clinic.record(ofPatient: patientID, withNotes: false))
        guard case .patientData(let full) = try desk.withShelvedHistory(.patientData(record)) else { Issue.record("no record"); return }
        #expect(full.appointments.map(\.ref) == [ref] && full.appointments.first?.reason == "knee pain")

        // The store opens to the same state, and the snapshot keeps the closed month.
        let reopened = try Desk(dataFolder: fixture.folder, templates: desk.templates, logger: desk.logger)
        #expect(reopened.state.clinic?.closedMonths[march] == clinic.closedMonths[march])
        #expect(try DeskState(snapshotData: try desk.state.snapshotData()).clinic?.closedMonths[march]?.hospital == report)

        // FORGET ME: the shelf's row is scrubbed of the reason, as memory would be.
        let asked = try desk.handle([DeskFixture.mail("FORGET ME")], now: later + 60)
        let code = try #require(asked.first?.replyText?.firstMatch(of: /CONFIRM (\d{6})/)?.1, "\(asked)")
        _ = try desk.handle([DeskFixture.mail("CONFIRM \(code)")], now: later + 120)
        #expect(desk.state.shelvesToScrub.isEmpty, "the scrub owed was done and recorded")
        let shelved = try String(contentsOf: shelfFile, encoding: .utf8)
        let rows = try desk.store.shelf.rows(of: patientID).map { try JSONDecoder().decode(PatientHistory.self, from: $0.bytes) }
        #expect(rows.count == 1 && rows.first?.appointments.first?.reason == nil && rows.first?.appointments.first?.ref == ref)
        #expect(!shelved.isEmpty)
    }

    @Test func monthsClosedTogetherKeepEachMonthsEarningsAndTheComparisonWithTheOpenMonthAfter() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let desk = fixture.desk, rao = "rao@kanchicare.example"
        let april = YearMonth(year: 2026, month: 4), may = YearMonth(year: 2026, month: 5)
        // DeskFixture.now is 2 March 2026: earnings in April and May, then May's comparison with April.
        _ = try desk.handle([DeskFixture.mail("EARNING 2500", from: rao)], now: DeskFixture.now + 35 * day)
        _ = try desk.handle([DeskFixture.mail("EARNING 1000", from: rao)], now: DeskFixture.now + 65 * day)
        _ = try desk.handle([DeskFixture.mail("EARNING 4000", from: rao)], now: DeskFixture.now + 95 * day)
        let before = desk.state.clinic!
        let aprilReport = before.earnings(of: "rao", in: april), mayReport = before.earnings(of: "rao", in: may)
        let juneReport = before.earnings(of: "rao", in: may.next)
        #expect(aprilReport.total == Money(major: 2500) && mayReport.previousTotal == Money(major: 2500))
        // Fourteen months after May, April and May close in one record; June is still open.
        let closed = try desk.closeMonths(now: DeskFixture.now + 95 * day + 365 * day, liveMonths: 13)
        #expect(closed.contains(april) && closed.contains(may) && !closed.contains(may.next), "\(closed)")
        let after = desk.state.clinic!
        #expect(after.earnings(of: "rao", in: april) == aprilReport && after.earnings(of: "rao", in: may) == mayReport)
        #expect(after.earnings(of: "rao", in: may.next) == juneReport, "the open month still compares with the closed one before it")
        #expect(after.earnings["rao"]?.count == 1, "only the open month's entry is held")
        // A day of a closed month takes no more entries, and says why.
        let refused = try desk.handle([DeskFixture.mail("EARNING 300 15 May 2026", from: rao)], now: DeskFixture.now + 460 * day)
        #expect(refused.first?.replyText?.contains("closed") == true, "\(refused)")
    }
}
