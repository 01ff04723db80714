import Clinic
import Foundation
import Store
import Testing
@testable import Desk

/// HOURS and LEAVE by mail change the doctor record, which the journal replays and the snapshot keeps.
@Suite struct DoctorSetupTests {
    @Test func hoursAndLeaveSurviveTheJournalAndTheSnapshot() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let reports = try fixture.desk.handle([DeskFixture.mail("HOURS Sat off\nHOURS Mon-Fri 09:00-12:00\nLEAVE 2026-03-10 to 2026-03-12 conference",
                                                                from: "rao@kanchicare.example")], now: DeskFixture.now)
        let text = try #require(reports.first?.replyText)
        #expect(text.contains("Your hours are now: Mon–Fri 09:00-12:00."), "\(text)")
        #expect(text.contains("On leave Tue 10 Mar 2026 to Thu 12 Mar 2026"), "\(text)")
        let rao = try #require(fixture.desk.state.clinic?.doctor(id: "rao"))
        #expect(rao.hours[.sat].isEmpty && rao.leave.count == 3)
        let restored = try DeskState(snapshotData: try fixture.desk.state.snapshotData())
        #expect(restored.clinic?.doctors == fixture.desk.state.clinic?.doctors)
        let reopened = try JSONStore<DeskState>(directory: fixture.folder)
        #expect(reopened.state.clinic?.doctors == fixture.desk.state.clinic?.doctors)
    }

    @Test func bookedPatientsAreListedWithTheCancelDayLine() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 12:00")], now: DeskFixture.now)
        let reports = try fixture.desk.handle([DeskFixture.mail("HOURS Tue 09:00-11:00", from: "rao@kanchicare.example")], now: DeskFixture.now)
        let text = try #require(reports.first?.replyText)
        #expect(text.contains("nothing has been cancelled"), "\(text)")
        #expect(text.contains("CANCEL DAY 2026-03-03"))
        #expect(fixture.desk.state.clinic?.appointments.values.allSatisfy { $0.isActive } == true)
    }
}
