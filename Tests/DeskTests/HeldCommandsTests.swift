import Foundation
import Logging
import Testing
import Store
@testable import Desk

/// Commands held for CONFIRM are part of the durable state: they survive the journal, a compaction and
/// a reopened desk, and a CONFIRM carries them out once.
struct HeldCommandsTests {
    @Test func aHoldSurvivesASnapshotAndIsCarriedOutOnce() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let booked = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        let ref = try #require(fixture.desk.state.clinic?.appointments.values.first?.ref)
        #expect(booked.first?.replyText?.contains("Booked") == true)

        let held = try fixture.desk.handle([DeskFixture.mail("CANCEL \(ref)", authenticated: false)], now: DeskFixture.now)
        let text = try #require(held.first?.replyText)
        let found = try #require(text.range(of: #"CONFIRM [0-9]{6}"#, options: .regularExpression))
        let code = String(text[found].dropFirst(8))
        #expect(fixture.desk.state.holds.count == 1)
        #expect(fixture.desk.state.clinic?.appointment(ref: ref)?.isActive == true)

        try fixture.desk.store.compact()
        let templates = try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates"))
        let reopened = try Desk(dataFolder: fixture.folder, templates: templates, logger: Logger(label: "test"))
        reopened.trust = fixture.desk.trust
        #expect(reopened.state.holds == fixture.desk.state.holds)

        let confirmed = try reopened.handle([DeskFixture.mail("CONFIRM \(code)", authenticated: false)], now: DeskFixture.now + 60)
        #expect(confirmed.first?.replyText?.contains("Cancelled: \(ref)") == true)
        #expect(reopened.state.holds.isEmpty)
        #expect(reopened.state.clinic?.appointment(ref: ref)?.isActive == false)
        let twice = try reopened.handle([DeskFixture.mail("CONFIRM \(code)", authenticated: false)], now: DeskFixture.now + 120)
        #expect(twice.first?.replyText?.contains("Nothing from this address is waiting") == true)
    }

    @Test func aHoldExpiresAfterThirtyMinutes() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        _ = try fixture.desk.handle([DeskFixture.mail("BOOK Dr Rao Tue 10:00")], now: DeskFixture.now)
        let held = try fixture.desk.handle([DeskFixture.mail("CANCEL", authenticated: false)], now: DeskFixture.now)
        let text = try #require(held.first?.replyText)
        let found = try #require(text.range(of: #"CONFIRM [0-9]{6}"#, options: .regularExpression))
        let code = String(text[found].dropFirst(8))
        let late = try fixture.desk.handle([DeskFixture.mail("CONFIRM \(code)", authenticated: false)], now: DeskFixture.now + 31 * 60)
        #expect(late.first?.replyText?.contains("Nothing from this address is waiting") == true)
        #expect(fixture.desk.state.clinic?.appointments.values.first?.isActive == true)
    }
}
