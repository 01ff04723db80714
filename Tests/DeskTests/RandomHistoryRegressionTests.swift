import Testing

/// Histories the random runs found breaking an invariant, kept as they were shrunk: each must now pass.
@Suite struct RandomHistoryRegressionTests {
    static func step(_ kind: HistoryStep.Kind, _ sender: Int = 0, _ a: Int = 0, _ b: Int = 0, _ c: Int = 0, authenticated: Bool = true) -> HistoryStep {
        HistoryStep(kind: kind, sender: sender, a: a, b: b, c: c, authenticated: authenticated)
    }

    func play(_ steps: [HistoryStep], paymentsOnline: Bool = false) throws -> [String] {
        let run = try HistoryRun(History(seed: 0, paymentsOnline: paymentsOnline, steps: steps))
        defer { run.remove() }
        run.play()
        return run.problems
    }

    /// Two days of leave of one doctor: the live state and its replay held them in different orders.
    @Test func twoDaysOfLeave() throws {
        let problems = try play([Self.step(.leave, 0, 0), Self.step(.leave, 0, 1), Self.step(.book, authenticated: false)])
        #expect(problems.isEmpty, "\(problems)")
    }
}
