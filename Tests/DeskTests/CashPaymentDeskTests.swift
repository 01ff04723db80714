import Foundation
import Logging
import Testing
@testable import Desk

/// PAID <ref> CASH through the desk: the desk's answer, the patient's APPOINTMENTS, an unvouched PAID held
/// for CONFIRM, and the payment kept by the snapshot.
@Suite struct CashPaymentDeskTests {
    let desk = "desk@kanchicare.example"

    @Test func theDeskRecordsCashAndTheSnapshotKeepsIt() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let booked = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        #expect(booked.first?.replyText?.contains("Booked") == true)
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)

        let held = try fixture.desk.handle([DeskFixture.mail("PAID \(ref) CASH", from: desk, authenticated: false)], now: DeskFixture.now)
        #expect(held.first?.replyText?.contains("CONFIRM ") == true && fixture.desk.state.clinic?.payments.isEmpty == true,
                "nothing vouches for the desk's address: held")
        let paid = try fixture.desk.handle([DeskFixture.mail("PAID \(ref) CASH", from: desk)], now: DeskFixture.now + 60)
        #expect(paid.first?.replyText?.contains("Recorded: \(ref) (Dr Suresh Rao, ") == true, "\(paid)")
        #expect(paid.first?.replyText?.contains("is paid, ₹800 in cash.") == true, "\(paid)")
        let listed = try fixture.desk.handle([DeskFixture.mail("APPOINTMENTS")], now: DeskFixture.now + 120)
        #expect(listed.first?.replyText?.contains("— paid") == true, "\(listed)")

        try fixture.desk.store.compact()
        let templates = try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates"))
        let reopened = try Desk(dataFolder: fixture.folder, templates: templates, logger: Logger(label: "test"))
        #expect(reopened.state.clinic?.payments == fixture.desk.state.clinic?.payments)
        #expect(reopened.state.clinic?.payments[ref]?.method == .cash)
    }
}
