import Clinic
import Foundation
import SMS
import Testing
@testable import Desk

/// Text messages through the desk: the number is the identity, replies are short SMS without medical
/// details, and the carrier keywords (STOP, START, HELP) are answered as carriers require.
@Suite struct SMSTests {
    static let number = "+919840000001"

    static func sms(_ text: String, from: String = number, id: String = "SM" + UUID().uuidString.replacingOccurrences(of: "-", with: "")) -> InboundMessage {
        InboundMessage(text: text, from: from, channel: .sms, source: "sms", id: id)
    }

    /// Handles one text; returns the SMS reply's text, if one was queued.
    func text(_ fixture: DeskFixture, _ body: String, from: String = number, at now: Int64 = DeskFixture.now) throws -> String? {
        let report = try #require(try fixture.desk.handle([Self.sms(body, from: from)], now: now).first)
        guard case .answered(let id) = report.result, let reply = fixture.desk.state.outbox[id] else { return nil }
        #expect(reply.channel == .sms && reply.recipients == [from] && reply.envelopeFrom.isEmpty)
        #expect(SMSSegments(reply.data).count <= 2, "\(reply.data)")
        return reply.data
    }

    @Test func aPatientRegistersAndBooksByText() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let registered = try #require(try text(fixture, "REGISTER Lakshmi Narayanan"))
        let code = try #require(registered.firstMatch(of: /VERIFY (\d{6})/)?.1)
        #expect(try text(fixture, "VERIFY \(code)")?.hasPrefix("Welcome Lakshmi Narayanan") == true)
        let booked = try #require(try text(fixture, "BOOK Dr Rao Tue 10:00 chest pain"))
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first { $0.patientID != "P1" }?.ref)
        #expect(booked == "Booked \(ref): Dr Suresh Rao, Tue 3 Mar 2026, 10:00–10:30 IST. To cancel, text CANCEL \(ref)", "\(booked)")
        #expect(!booked.contains("chest") && !booked.contains("Cardiology"), "no medical details by SMS")
        #expect(fixture.desk.state.clinic?.patient(address: Self.number)?.phone == Self.number)
        #expect(try text(fixture, "CANCEL \(ref)")?.hasPrefix("Cancelled \(ref)") == true)
        #expect(try text(fixture, "FLY ME TO THE MOON")?.contains("Text HELP") == true)
    }

    @Test func theSameTextTwiceIsHandledOnce() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let message = Self.sms("REGISTER Lakshmi Narayanan", id: "SMfixed")
        _ = try fixture.desk.handle([message], now: DeskFixture.now)
        let again = try fixture.desk.handle([message], now: DeskFixture.now)
        #expect(again.first?.result == .duplicate)
        #expect(fixture.desk.state.outbox.count == 1)
    }

    @Test func stopOptsOutMailsHowToCancelAndStartOptsBackIn() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        // The fixture's patient writes by mail and gave this number with SET PHONE.
        _ = try fixture.desk.handle([DeskFixture.mail("SET PHONE +91 98400 00001\nBOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)

        let stopped = try fixture.desk.handle([Self.sms("cancel")], now: DeskFixture.now)
        guard case .silent = stopped.first?.result else { Issue.record("no SMS answers STOP: \(String(describing: stopped.first))"); return }
        #expect(fixture.desk.state.smsOptedOut == [Self.number])
        let mailed = try #require(stopped.first?.noticeIDs.first.flatMap { fixture.desk.state.outbox[$0] })
        #expect(mailed.channel == .email && mailed.recipients == [DeskFixture.patient] && mailed.data.contains("CANCEL \(ref)"))
        #expect(fixture.desk.state.clinic?.appointment(ref: ref)?.isActive == true, "STOP cancels nothing")

        // While opted out, a reply to a command is not texted: it fails at once, saying why.
        let report = try #require(try fixture.desk.handle([Self.sms("INFO")], now: DeskFixture.now).first)
        guard case .answered(let id) = report.result else { Issue.record("\(report.result)"); return }
        #expect(fixture.desk.state.outbox[id]?.state == .failed && fixture.desk.state.outbox[id]?.lastError?.contains("STOP") == true)

        #expect(try text(fixture, "START")?.contains("you will get our texts again") == true)
        #expect(fixture.desk.state.smsOptedOut.isEmpty)
        #expect(try text(fixture, "Help!")?.contains("Reply STOP to opt out") == true)
    }

    /// Registers and verifies `number` by text; books it `booking`.
    func textingPatient(_ fixture: DeskFixture, booking: String) throws -> String {
        let registered = try #require(try text(fixture, "REGISTER Lakshmi Narayanan"))
        let code = try #require(registered.firstMatch(of: /VERIFY (\d{6})/)?.1)
        _ = try text(fixture, "VERIFY \(code)")
        _ = try text(fixture, booking)
        return try #require(fixture.desk.state.clinic?.appointments.values.first { $0.patientID != "P1" }?.ref)
    }

    @Test func aPatientWithOnlyAPhoneIsToldOfACancelledDayAndRemindedByText() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let ref = try textingPatient(fixture, booking: "BOOK Dr Rao Tue 10:00")
        let start = try #require(fixture.desk.state.clinic?.appointment(ref: ref)?.start)
        try fixture.desk.queueReminders(now: start - 120 * 60, minutesBefore: [120])
        let reminder = try #require(fixture.desk.state.outbox.values.first { $0.purpose == .notice && $0.channel == .sms })
        #expect(reminder.recipients == [Self.number] && reminder.data.hasPrefix("Reminder \(ref): Dr Suresh Rao"), "\(reminder.data)")

        let reports = try fixture.desk.handle([DeskFixture.mail("CANCEL DAY Tue unwell", from: "rao@kanchicare.example")], now: start - 110 * 60)
        let summary = try #require(reports.first?.replyText)
        #expect(summary.contains("Told by SMS, with other free times: Lakshmi Narayanan"), "\(summary)")
        let told = try #require(reports.first?.noticeIDs.compactMap { fixture.desk.state.outbox[$0] }.first { $0.channel == .sms })
        #expect(told.recipients == [Self.number] && told.data.contains("cancelled \(ref)") && told.data.contains("Free:"), "\(told.data)")
        #expect(SMSSegments(told.data).count <= 2)
    }

    @Test func optOutsSurviveASnapshot() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        _ = try fixture.desk.handle([Self.sms("STOP")], now: DeskFixture.now)
        let restored = try DeskState(snapshotData: try fixture.desk.state.snapshotData())
        #expect(restored.smsOptedOut == [Self.number])
    }

    @Test func aSenderThatIsNoNumberIsNotAnswered() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let report = try fixture.desk.handle([Self.sms("HELP", from: "not-a-number")], now: DeskFixture.now).first
        guard case .silent = report?.result else { Issue.record("\(String(describing: report))"); return }
    }
}
