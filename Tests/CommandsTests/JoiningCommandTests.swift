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
        ("PAID A7K2Q CASH", .recordPayment(ref: "A7K2Q", method: .cash)),
        ("EXPORT P12", .exportPatient("P12")),
        ("ERASE priya@example.in.", .erasePatient("priya@example.in")),
        ("forget me", .forgetMe),
        ("MY DATA", .myData),
        ("PAY", .pay(ref: nil)),
        ("pay a7k2q", .pay(ref: "A7K2Q")),
        ("paid #a7k2q cash", .recordPayment(ref: "A7K2Q", method: .cash)),
        ("AUDIT P12", .audit(patientID: "P12")),
        ("audit p3", .audit(patientID: "P3")),
        ("REPORTS OFF", .setProfile(.monthReports(false))),
        ("reports on", .setProfile(.monthReports(true))),
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
        ("PAID", "PAID <ref> CASH", "no booking reference given"),
        ("PAID A7K2Q", "PAID <ref> CASH", "write CASH after the reference"),
        ("PAID A7K2Q card", "PAID <ref> CASH", "is not CASH"),
        ("FORGET it", "FORGET ME", "is not ME"),
        ("ERASE", "ERASE <patient>", "no patient given"),
        ("PAID A7K2Q CASH thanks", "PAID <ref> CASH", "is not CASH"),
        ("PAID 12345 CASH", "PAID <ref> CASH", "is not a booking reference"),
        ("AUDIT", "AUDIT <patient>", "no patient given"),
        ("AUDIT priya@example.in", "AUDIT <patient>", "is not a patient's id"),
        ("AUDIT P12 P13", "AUDIT <patient>", "one patient at a time"),
        ("REPORTS", "REPORTS ON|OFF", "neither ON nor OFF given"),
        ("REPORTS sometimes", "REPORTS ON|OFF", "is neither ON nor OFF"),
    ]

    @Test(arguments: bad)
    func problem(line: String, form: String, wrong: String) throws {
        try Fixture.expectProblem(line, form: form, wrong: wrong)
    }
}
