import Testing
@testable import Clinic

/// REGISTER sends at most three codes to one address in 24 hours; a code allows five wrong tries.
struct RegistrationLimitTests {
    @Test func theFourthCodeOfADayIsRefusedAndTheNextDayAllowed() {
        var clinic = SampleClinic.state()
        let sender = Sender(address: "new@example.in", channel: .email)
        var random = SeededGenerator(seed: 7)
        for minute in 0..<3 {
            let decision = clinic.decide(.register(name: "Kavya Raman"), from: sender, now: SampleClinic.now + Int64(minute) * 60, random: &random)
            guard case .registered = decision.outcome else { Issue.record("code \(minute + 1) refused: \(decision.outcome)"); return }
            clinic.apply(decision.events)
        }
        let fourth = clinic.decide(.register(name: "Kavya Raman"), from: sender, now: SampleClinic.now + 600, random: &random)
        #expect(fourth.outcome == .registerTooOften(retryAt: SampleClinic.now + 86_400))
        #expect(fourth.events.isEmpty)
        let tomorrow = clinic.decide(.register(name: "Kavya Raman"), from: sender, now: SampleClinic.now + 86_400, random: &random)
        guard case .registered = tomorrow.outcome else { Issue.record("\(tomorrow.outcome)"); return }
    }
}
