import Testing
@testable import Clinic

@Suite struct RegistrationTests {
    let sender = Sender(address: "new@example.in", channel: .email)

    func register(_ state: inout ClinicState, at now: Int64 = SampleClinic.now) -> String {
        var random = SeededGenerator(seed: 11)
        let decision = state.decide(.register(name: "Asha Rani"), from: sender, now: now, random: &random)
        state.apply(decision.events)
        guard case .registered(_, let code, _) = decision.outcome else { fatalError() }
        return code
    }

    func verify(_ state: inout ClinicState, _ code: String, at now: Int64 = SampleClinic.now) -> Outcome {
        var random = SeededGenerator(seed: 12)
        let decision = state.decide(.verify(code: code), from: sender, now: now, random: &random)
        state.apply(decision.events)
        return decision.outcome
    }

    @Test func codeVerifiesTheAddress() {
        var state = SampleClinic.state()
        let code = register(&state)
        #expect(code.count == 6 && code.allSatisfy(\.isNumber))
        #expect(verify(&state, code) == .verified(name: "Asha Rani"))
        #expect(state.patient(address: sender.address)?.verified == true)
        #expect(verify(&state, code) == .verifyRefused(.alreadyVerified))
    }

    @Test func codesExpireAfterThirtyMinutes() {
        var state = SampleClinic.state()
        let code = register(&state)
        #expect(verify(&state, code, at: SampleClinic.now + 31 * 60) == .verifyRefused(.expired))
    }

    @Test func fewAttemptsAreAllowed() {
        var state = SampleClinic.state()
        let code = register(&state)
        let wrong = code == "000000" ? "111111" : "000000"
        for left in (0..<5).reversed() {
            #expect(verify(&state, wrong) == .verifyRefused(.wrongCode(attemptsLeft: left)))
        }
        #expect(verify(&state, code) == .verifyRefused(.noAttemptsLeft))
    }

    @Test func verifyingFromAnotherAddressFails() {
        var state = SampleClinic.state()
        let code = register(&state)
        var random = SeededGenerator(seed: 1)
        let other = Sender(address: "other@example.in", channel: .email)
        #expect(state.decide(.verify(code: code), from: other, now: SampleClinic.now, random: &random).outcome == .verifyRefused(.nothingPending))
    }
}
