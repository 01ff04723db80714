import Foundation
import PropertyBased
import Testing

/// Random histories (issue 19): random sequences of messages from random senders, with time passing, the
/// clock's rounds, payments, crashes, commits torn by a crash and compactions at random points, each checked
/// after every step against the invariants (HistoryInvariants) and against a fresh replay of the files.
/// A failing history is shrunk and printed with the seed that replays it (`.fixedSeed(...)` on this test).
/// CAREDESK_HISTORIES sets how many histories run (default 40; the README's figures come from long runs);
/// CAREDESK_HISTORY_DUMP=<path> writes the live and replayed snapshots of a mismatch to <path>.live and <path>.replayed.
@Suite struct RandomHistoryTests {
    static let histories = ProcessInfo.processInfo.environment["CAREDESK_HISTORIES"].flatMap(Int.init) ?? 40

    @Test func everyHistoryKeepsTheInvariants() async throws {
        var total = HistoryCounts()
        var failed = 0
        var appointments = 0
        await propertyCheck(count: Self.histories, input: History.generator(steps: 10...60)) { history in
            let run = try HistoryRun(history)
            defer { run.remove() }
            run.play()
            total = total + run.counts
            appointments += run.desk.state.clinic?.appointments.values.count ?? 0
            if !run.problems.isEmpty { failed += 1 }
            #expect(run.problems.isEmpty, "\(run.problems.joined(separator: "\n"))")
        }
        print("random histories: \(Self.histories) histories, \(total.steps) steps: \(total.messages) messages (\(total.resent) sent again), "
              + "\(appointments) appointments made, \(total.rounds) clock rounds (\(total.holdsEnded) payment holds ended), "
              + "\(total.payments) payments reported, \(total.crashes) crashes, \(total.tornCommits) torn commits, "
              + "\(total.compactions) compactions; histories breaking an invariant: \(failed)")
    }
}
