import Clinic
import Foundation
import Logging
import Testing
@testable import Desk

/// Nothing kept longer than needed: handled ids turn over every dedupe window (a re-sent message is
/// recognised for at least that long), registrations never verified are dropped after a day, old copies in
/// outgoing/ are removed, and the snapshot keeps where retention stands.
@Suite struct RetentionTests {
    let day: Int64 = 86_400

    @Test func aResentMessageIsRecognisedForTheWholeWindowAndForgottenAfter() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let desk = fixture.desk
        let settings = DeliverySettings()  // dedupeDays 30
        let mail = DeskFixture.mail("SLOTS Dr Rao Tue", id: "once@example.in")
        // The first round starts the window; a message after it is kept until the window after the next.
        _ = try desk.applyRetention(dataFolder: fixture.folder, settings: settings, now: DeskFixture.now - 60)
        _ = try desk.handle([mail], now: DeskFixture.now)
        #expect(try desk.handle([mail], now: DeskFixture.now + 29 * day).first?.result == .duplicate)
        let turned = try desk.applyRetention(dataFolder: fixture.folder, settings: settings, now: DeskFixture.now + 30 * day)
        #expect(turned.handledForgotten >= 1 && desk.state.hasHandled(mail.key), "what came before the window goes; the message is kept one window more")
        #expect(try desk.handle([mail], now: DeskFixture.now + 45 * day).first?.result == .duplicate)
        let forgotten = try desk.applyRetention(dataFolder: fixture.folder, settings: settings, now: DeskFixture.now + 60 * day)
        #expect(forgotten.handledForgotten >= 1 && !desk.state.hasHandled(mail.key))
        // The snapshot keeps the generations and when the window began.
        _ = try desk.handle([DeskFixture.mail("HELP", id: "later@example.in")], now: DeskFixture.now + 60 * day)
        let restored = try DeskState(snapshotData: try desk.state.snapshotData())
        #expect(restored.handled == desk.state.handled && restored.handledBefore == desk.state.handledBefore)
        #expect(restored.handledSince == DeskFixture.now + 60 * day)
    }

    @Test func registrationsNeverVerifiedAreDroppedAfterADay() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let desk = fixture.desk
        _ = try desk.handle([DeskFixture.mail("REGISTER Kavya Raman", from: "kavya@example.in")], now: DeskFixture.now)
        #expect(desk.state.clinic?.patient(address: "kavya@example.in") != nil)
        let early = try desk.applyRetention(dataFolder: fixture.folder, settings: DeliverySettings(), now: DeskFixture.now + day - 1)
        #expect(early.registrationsDropped == 0)
        let dropped = try desk.applyRetention(dataFolder: fixture.folder, settings: DeliverySettings(), now: DeskFixture.now + day)
        #expect(dropped.registrationsDropped == 1 && desk.state.clinic?.patient(address: "kavya@example.in") == nil)
        #expect(desk.state.clinic?.patient(address: DeskFixture.patient)?.verified == true, "a verified patient stays")
        // She can register again.
        let again = try desk.handle([DeskFixture.mail("REGISTER Kavya Raman", from: "kavya@example.in")], now: DeskFixture.now + day + 60)
        #expect(again.first?.replyText?.contains("VERIFY") == true, "\(again)")
    }

    @Test func oldCopiesInOutgoingAreRemoved() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let outgoing = URL(fileURLWithPath: DataFolder.outgoing(fixture.folder)).appendingPathComponent("new")
        try FileManager.default.createDirectory(at: outgoing, withIntermediateDirectories: true)
        let old = outgoing.appendingPathComponent("old.eml"), fresh = outgoing.appendingPathComponent("fresh.eml")
        try Data("old".utf8).write(to: old)
        try Data("fresh".utf8).write(to: fresh)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: TimeInterval(DeskFixture.now - 31 * day))], ofItemAtPath: old.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: TimeInterval(DeskFixture.now - 29 * day))], ofItemAtPath: fresh.path)
        let done = try fixture.desk.applyRetention(dataFolder: fixture.folder, settings: DeliverySettings(), now: DeskFixture.now)
        #expect(done.outgoingFilesRemoved == 1)
        #expect(!FileManager.default.fileExists(atPath: old.path) && FileManager.default.fileExists(atPath: fresh.path))
    }
}
