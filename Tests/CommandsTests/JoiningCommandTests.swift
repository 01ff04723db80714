import Clinic
import Commands
import Testing

/// REGISTER DOCTOR, APPROVE, REJECT and REPORT, read on Mon 2 Mar 2026 10:00 IST.
@Suite struct JoiningCommandTests {
    static let lines: [(String, Intent)] = [
        ("REGISTER DOCTOR Priya Nair, Dermatology", .registerDoctor(name: "Priya Nair", specialty: "Dermatology")),
        ("register doctor Dr. Priya Nair , skin and hair.", .registerDoctor(name: "Dr. Priya Nair", specialty: "skin and hair")),
        ("REGISTER Anita Sharma", .register(name: "Anita Sharma")),
        ("APPROVE R7K2QX", .decideRequest(id: "R7K2QX", approve: true, reason: nil)),
        ("approve #r7k2qx", .decideRequest(id: "R7K2QX", approve: true, reason: nil)),
        ("APPROVE R1", .decideRequest(id: "R1", approve: true, reason: nil)),
        ("approve #r12", .decideRequest(id: "R12", approve: true, reason: nil)),
        ("REJECT R2", .decideRequest(id: "R2", approve: false, reason: nil)),
        ("REJECT R2 because no such doctor works here.", .decideRequest(id: "R2", approve: false, reason: "no such doctor works here.")),
        ("REPORT", .monthReport(YearMonth(year: 2026, month: 3))),
        ("REPORT February", .monthReport(YearMonth(year: 2026, month: 2))),
        ("report for 2025-12", .monthReport(YearMonth(year: 2025, month: 12))),
        ("REPORT last month", .monthReport(YearMonth(year: 2026, month: 2))),
    ]

    @Test(arguments: lines)
    func reads(line: String, intent: Intent) {
        #expect(Fixture.read(line) == .command(intent))
    }

    static let bad: [(String, String, String)] = [
        ("REGISTER DOCTOR", "REGISTER DOCTOR <full name>, <specialty>", "no name given"),
        ("REGISTER DOCTOR Priya Nair Dermatology", "REGISTER DOCTOR <full name>, <specialty>", "no comma"),
        ("REGISTER DOCTOR Priya Nair,", "REGISTER DOCTOR <full name>, <specialty>", "no specialty"),
        ("APPROVE", "APPROVE <request>", "no request given"),
        ("APPROVE Priya", "APPROVE <request>", "is not a request"),
        ("REJECT 12", "REJECT <request> [reason]", "is not a request"),
        ("REJECT R7K2QX9AB", "REJECT <request> [reason]", "like R7K2QX"),
        ("APPROVE R7-K2", "APPROVE <request>", "is not a request"),
        ("REPORT Smarch", "REPORT [month] [year]", "is not a month"),
    ]

    @Test(arguments: bad)
    func problem(line: String, form: String, wrong: String) throws {
        try Fixture.expectProblem(line, form: form, wrong: wrong)
    }
}
