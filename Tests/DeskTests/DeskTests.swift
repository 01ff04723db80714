import Clinic
import Foundation
import Store
import Testing
@testable import Desk

@Suite struct DeskTests {
    @Test func commandsRunInOrderAndTheReplyEchoesEach() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let reports = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00 chest pain\nAPPOINTMENTS\nthanks\nHELP")],
                                              now: DeskFixture.now)
        let text = try #require(reports.first?.replyText)
        #expect(text.contains("> BOOK Dr Rao Tue 10:00 chest pain\nBooked: Dr Suresh Rao (Cardiology), Tue 3 Mar 2026, 10:00–10:30 IST."))
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)
        #expect(text.contains("> APPOINTMENTS\n- \(ref): Dr Suresh Rao"))
        #expect(!text.contains("> HELP"), "reading stops at the terminator line")
    }

    @Test func eachMessageIsOneRecordWithItsReply() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let mail = DeskFixture.mail("BOOK Dr Kumar Tue 8:30")
        _ = try fixture.desk.handle([mail], now: DeskFixture.now)
        // Reopening replays the journal to the same appointments and the same outbox.
        let reopened = try JSONStore<DeskState>(directory: fixture.folder)
        #expect(reopened.state.clinic?.appointments == fixture.desk.state.clinic?.appointments)
        #expect(reopened.state.outbox == fixture.desk.state.outbox)
        #expect(reopened.state.handled.contains(mail.key))
        #expect(reopened.state.outbox.count == 1)
    }

    @Test func theSameMessageTwiceIsHandledOnce() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let mail = DeskFixture.mail("BOOK Dr Kumar Tue 8:30", id: "same@example.in")
        let first = try fixture.desk.handle([mail, mail], now: DeskFixture.now)
        let again = try fixture.desk.handle([mail], now: DeskFixture.now)
        #expect(first.map(\.result).filter { $0 == .duplicate }.count == 1)
        #expect(again.first?.result == .duplicate)
        #expect(fixture.desk.state.clinic?.appointments.count == 1)
    }

    @Test func snapshotInColumnsRoundTrips() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00 chest pain"), DeskFixture.mail("BOOK Dr Iyer Wed 17:20")],
                                    now: DeskFixture.now)
        let state = fixture.desk.state
        let restored = try DeskState(snapshotData: try state.snapshotData())
        #expect(restored.clinic?.appointments == state.clinic?.appointments)
        #expect(restored.clinic?.patients == state.clinic?.patients)
        #expect(restored.handled == state.handled)
        #expect(restored.outbox == state.outbox)
        #expect(restored.clinic?.nextPatientNumber == state.clinic?.nextPatientNumber)
        let empty = try DeskState(snapshotData: DeskState().snapshotData())
        #expect(empty.clinic == nil)
    }

    @Test func aSnapshotWithoutCountsOrDirectoryStillReads() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00 chest pain"), DeskFixture.mail("BOOK Dr Iyer Wed 17:20"),
                                     DeskFixture.mail("BOOK Dr Rao Wed 10:00")], now: DeskFixture.now)
        let state = fixture.desk.state
        // As the snapshot was written before it said how many rows its columns hold and where its members are.
        var object = try #require(try JSONSerialization.jsonObject(with: try state.snapshotData()) as? [String: Any])
        object["rowCounts"] = nil
        object["#members"] = nil
        let restored = try DeskState(snapshotData: try JSONSerialization.data(withJSONObject: object))
        #expect(restored.clinic?.appointments == state.clinic?.appointments)
        #expect(restored.clinic?.appointments.count == 3)
        let rao = try #require(state.clinic?.appointments.values.first { $0.doctorID == "rao" })
        let day = try #require(state.clinic?.zone.local(rao.start).date)
        #expect(restored.clinic?.appointments(doctorID: "rao", on: day) == state.clinic?.appointments(doctorID: "rao", on: day))
        #expect(restored.outbox == state.outbox)
    }

    @Test func aSnapshotWithABadRowIsRefused() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00 chest pain")], now: DeskFixture.now)
        var object = try #require(try JSONSerialization.jsonObject(with: try fixture.desk.state.snapshotData()) as? [String: Any])
        object["status"] = ["postponed"]
        #expect(throws: (any Error).self) { _ = try DeskState(snapshotData: try JSONSerialization.data(withJSONObject: object)) }
        object["status"] = ["confirmed"]
        object["historyCount"] = [5]
        #expect(throws: (any Error).self) { _ = try DeskState(snapshotData: try JSONSerialization.data(withJSONObject: object)) }
    }

    @Test func unregisteredSendersAreToldHowToRegister() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let reports = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00", from: "new@example.in")], now: DeskFixture.now)
        let text = try #require(reports.first?.replyText)
        #expect(text.contains("REGISTER <your full name>"))
        #expect(fixture.desk.state.clinic?.appointments.isEmpty == true)
    }

    @Test func aMessageWithoutCommandsGetsHelp() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let reports = try fixture.desk.handle([DeskFixture.mail("Hello, can I see a doctor?", subject: "question")], now: DeskFixture.now)
        let text = try #require(reports.first?.replyText)
        #expect(text.contains("BOOK"))
        #expect(text.contains("SLOTS"))
    }
}

@Suite struct CommandCapTests {
    @Test func aMessageIsReadUpToFiftyCommands() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let body = Array(repeating: "INFO", count: 60).joined(separator: "\n")
        let reports = try fixture.desk.handle([DeskFixture.mail(body)], now: DeskFixture.now)
        let text = try #require(reports.first?.replyText)
        #expect(text.components(separatedBy: "> INFO").count - 1 == Desk.commandsPerMessage)
        #expect(text.contains("I stopped after the first 50 commands"))
    }
}
