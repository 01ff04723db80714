import Clinic
import Foundation
import Store
import Testing
@testable import Desk

/// A courier that answers from a script, for the pass logic (the real SMTP courier is tested end to end).
final class ScriptedCourier: Courier, @unchecked Sendable {
    private let lock = NSLock()
    private var script: [CourierResult]
    private(set) var handed: [String] = []

    init(_ script: [CourierResult]) { self.script = script }

    func hand(_ message: OutboxMessage) -> CourierResult {
        lock.withLock {
            handed.append(message.id)
            return script.isEmpty ? .sent : script.removeFirst()
        }
    }
}

/// A courier whose one channel's destination is down; every other channel's message is sent.
final class ChannelScriptedCourier: Courier, @unchecked Sendable {
    private let lock = NSLock()
    private let down: OutboxMessage.Channel
    private(set) var handed: [String] = []

    init(unreachable down: OutboxMessage.Channel) { self.down = down }

    func hand(_ message: OutboxMessage) -> CourierResult {
        lock.withLock {
            handed.append(message.id)
            return message.channel == down ? .unreachable("connection refused") : .sent
        }
    }
}

@Suite struct OutboxTests {
    let policy = RetryPolicy(firstRetryMinutes: 5, maxRetryMinutes: 60, giveUpHours: 120)

    func booking(_ fixture: DeskFixture, _ count: Int = 1) throws {
        let lines = ["BOOK Dr Kumar Tue 8:30", "BOOK Dr Kumar Tue 9:00", "BOOK Dr Kumar Tue 9:30"]
        _ = try fixture.desk.handle((0..<count).map { DeskFixture.mail(lines[$0]) }, now: DeskFixture.now)
    }

    @Test func aSentMessageIsKeptWithoutItsContent() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try booking(fixture)
        let summary = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [ScriptedCourier([.sent])]).run(now: DeskFixture.now)
        #expect(summary.sent == 1)
        let message = try #require(fixture.desk.state.outbox.values.first)
        #expect(message.state == .sent && message.data.isEmpty && message.attempts == 1 && message.finishedAt == DeskFixture.now)
        // Nothing is due any more: a second pass hands nothing over.
        let again = ScriptedCourier([])
        _ = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [again]).run(now: DeskFixture.now + 60)
        #expect(again.handed.isEmpty)
    }

    @Test func temporaryFailuresRetryWithDoublingWaitsThenGiveUp() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try booking(fixture)
        var now = DeskFixture.now
        var waits: [Int64] = []
        for _ in 0..<12 {
            _ = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [ScriptedCourier([.deferred("451 try later")])]).run(now: now)
            let message = try #require(fixture.desk.state.outbox.values.first)
            guard message.state == .deferred, let next = message.nextAttemptAt else { break }
            waits.append((next - now) / 60)
            now = next
        }
        #expect(Array(waits.prefix(6)) == [5, 10, 20, 40, 60, 60])
        // Far past the give-up horizon the next failure is final.
        _ = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [ScriptedCourier([.deferred("451 still")])])
            .run(now: DeskFixture.now + 121 * 3600)
        let message = try #require(fixture.desk.state.outbox.values.first)
        #expect(message.state == .failed)
        #expect(message.lastError?.hasPrefix("gave up after 120 hours") == true)
    }

    @Test func aPermanentRefusalFailsAtOnceAndTheDeskHearsOnceADay() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try booking(fixture)
        _ = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [ScriptedCourier([.refused("550 5.1.1 no such user")])])
            .run(now: DeskFixture.now)
        #expect(fixture.desk.state.outbox.values.first?.state == .failed)
        #expect(try fixture.desk.queueFailureSummary(now: DeskFixture.now + 60) == 1)
        let summary = try #require(fixture.desk.state.outbox.values.first { $0.purpose == .notice })
        #expect(summary.recipients == ["desk@kanchicare.example"])
        #expect(summary.envelopeFrom == "bounces+\(summary.id)@kanchicare.example")
        #expect(summary.data.contains("550 5.1.1 no such user"))
        #expect(!summary.data.contains("Kumar"), "the summary names the address and the reason, not the appointment")
        // Within a day no second summary, even with a new failure.
        #expect(try fixture.desk.queueFailureSummary(now: DeskFixture.now + 3600) == 0)
    }

    @Test func anUnreachableServerStopsThePassAndNothingIsLost() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try booking(fixture, 3)
        let down = ScriptedCourier([.unreachable("connection refused")])
        let summary = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [down]).run(now: DeskFixture.now)
        #expect(down.handed.count == 1, "one failed connection stops the pass")
        #expect(summary.deferred == 3)
        #expect(fixture.desk.state.outbox.values.allSatisfy { $0.isPending && ($0.nextAttemptAt ?? 0) > DeskFixture.now })
        // The server is back: every message goes, each once.
        let up = ScriptedCourier([])
        _ = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [up]).run(now: DeskFixture.now + 3600)
        #expect(up.handed.count == 3 && Set(up.handed).count == 3)
        #expect(fixture.desk.state.outbox.values.allSatisfy { $0.state == .sent })
    }

    /// Found by the soak: a dead mail server deferred the texts of the same pass by a retry interval too.
    @Test func aDeadMailServerDoesNotHoldUpTheTexts() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try booking(fixture, 3)
        let sms = OutboxMessage(id: "sms-1", channel: .sms, envelopeFrom: "", recipients: ["+919800000001"], data: "Booked", createdAt: DeskFixture.now)
        try fixture.desk.store.update { state in
            let record = DeskRecord.message(HandledMessage(key: "text", events: [], replies: [sms]))
            state.apply(record)
            return ([record], ())
        }
        let courier = ChannelScriptedCourier(unreachable: .email)
        let summary = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [courier]).run(now: DeskFixture.now)
        #expect(courier.handed.filter { $0 != "sms-1" }.count == 1, "one failed connection stops the mail")
        #expect(courier.handed.contains("sms-1"), "the text goes all the same")
        #expect(fixture.desk.state.outbox["sms-1"]?.state == .sent)
        #expect(summary.sent == 1 && summary.deferred == 3)
        #expect(fixture.desk.state.outbox.values.filter { $0.channel == .email }.allSatisfy { $0.isPending })
    }

    @Test func freshMailGoesBeforeTheBacklog() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try booking(fixture)
        _ = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [ScriptedCourier([.deferred("451")])]).run(now: DeskFixture.now)
        let old = try #require(fixture.desk.state.outbox.values.first?.id)
        _ = try fixture.desk.handle([DeskFixture.mail("APPOINTMENTS")], now: DeskFixture.now + 3600)
        let courier = ScriptedCourier([])
        _ = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [courier]).run(now: DeskFixture.now + 3600)
        #expect(courier.handed.count == 2 && courier.handed.last == old)
    }

    @Test func aClaimLeftByACrashedSenderIsTakenOverLater() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try booking(fixture)
        let claimed = try fixture.desk.claimDue(now: DeskFixture.now)
        #expect(claimed.count == 1)
        // Another pass (another process) does not take it while the claim holds …
        #expect(try fixture.desk.claimDue(now: DeskFixture.now + 60).isEmpty)
        // … and does once it has expired: sent again, with the same id and content.
        let again = try fixture.desk.claimDue(now: DeskFixture.now + Desk.claimSeconds)
        #expect(again.map(\.id) == claimed.map(\.id) && again.first?.data == claimed.first?.data)
        let reopened = try JSONStore<DeskState>(directory: fixture.folder)
        #expect(reopened.state.outbox == fixture.desk.state.outbox)
    }

    @Test func finishedMessagesAreForgottenAfterTheirWeek() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try booking(fixture)
        _ = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [ScriptedCourier([])]).run(now: DeskFixture.now)
        try fixture.desk.forgetFinished(now: DeskFixture.now + 6 * 86_400, keepDays: 7)
        #expect(fixture.desk.state.outbox.count == 1)
        try fixture.desk.forgetFinished(now: DeskFixture.now + 8 * 86_400, keepDays: 7)
        #expect(fixture.desk.state.outbox.isEmpty)
    }

    @Test func snapshotKeepsDeliveryState() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try booking(fixture)
        _ = try DeliveryPass(desk: fixture.desk, policy: policy, couriers: [ScriptedCourier([.deferred("451")])]).run(now: DeskFixture.now)
        try fixture.desk.queueReminders(now: DeskFixture.now + 3600, minutesBefore: [1440, 120])
        let state = fixture.desk.state
        let restored = try DeskState(snapshotData: try state.snapshotData())
        #expect(restored.outbox == state.outbox)
        #expect(restored.reminded == state.reminded && !state.reminded.isEmpty)
    }

    @Test func retryPolicyNeverWaitsPastItsHorizon() {
        let short = RetryPolicy(firstRetryMinutes: 5, maxRetryMinutes: 60, giveUpHours: 1)
        #expect(short.nextAttempt(after: 1, now: 3000, queuedAt: 0) == 3300)
        #expect(short.nextAttempt(after: 3, now: 3500, queuedAt: 0) == 3600)
        #expect(short.nextAttempt(after: 3, now: 3600, queuedAt: 0) == nil)
    }
}
