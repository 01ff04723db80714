import Clinic
import Commands
import Testing

/// CANCEL DAY, BROADCAST CANCEL and BROADCAST, read on Mon 2 Mar 2026 10:00 IST.
@Suite struct ClosureCommandTests {
    static let lines: [(String, Intent)] = [
        ("CANCEL DAY Tue", .cancelDay(day: Fixture.date(3, 3), reason: nil)),
        ("cancel day tomorrow unwell", .cancelDay(day: Fixture.date(3, 3), reason: "unwell")),
        ("CANCEL DAY 2026-03-10 - conference in Chennai", .cancelDay(day: Fixture.date(3, 10), reason: "conference in Chennai")),
        ("Please CANCEL DAY on Wed because of a family matter", .cancelDay(day: Fixture.date(3, 4), reason: "of a family matter")),
        ("BROADCAST CANCEL ALL Tue power cut", .broadcastCancel(doctorID: nil, day: Fixture.date(3, 3), reason: "power cut")),
        ("broadcast cancel Dr Rao 3 Mar", .broadcastCancel(doctorID: "rao", day: Fixture.date(3, 3), reason: nil)),
        ("BROADCAST CANCEL rao 2026-03-03 unwell", .broadcastCancel(doctorID: "rao", day: Fixture.date(3, 3), reason: "unwell")),
        ("BROADCAST Tue The lift is out of order", .broadcast(day: Fixture.date(3, 3), message: "The lift is out of order")),
        // A message keeps its closing full stop: it is the sender's sentence, not the command's end.
        ("BROADCAST tomorrow Parking is closed; please come by bus.", .broadcast(day: Fixture.date(3, 3), message: "Parking is closed; please come by bus.")),
        ("DOCTOR OFF Dr Rao", .doctorOff(doctorID: "rao")),
        ("doctor off rao", .doctorOff(doctorID: "rao")),
    ]

    @Test(arguments: lines)
    func reads(line: String, intent: Intent) {
        #expect(Fixture.read(line) == .command(intent))
    }

    static let bad: [(String, String, String)] = [
        ("CANCEL DAY", "CANCEL DAY <day> [reason]", "no day given"),
        ("CANCEL DAY 31 Feb", "CANCEL DAY <day> [reason]", "there is no 31 February"),
        ("BROADCAST CANCEL Dr Nobody Tue", "BROADCAST CANCEL <doctor|ALL> <day> [reason]", "no doctor called"),
        ("BROADCAST CANCEL ALL", "BROADCAST CANCEL <doctor|ALL> <day> [reason]", "no day given"),
        ("BROADCAST Tue", "BROADCAST <day> <message>", "no message given"),
        ("BROADCAST hello everyone", "BROADCAST <day> <message>", "is not a day"),
        ("DOCTOR OFF", "DOCTOR OFF <doctor>", "no doctor given"),
        ("DOCTOR OFF Dr Nobody", "DOCTOR OFF <doctor>", "no doctor called"),
    ]

    @Test(arguments: bad)
    func problem(line: String, form: String, wrong: String) throws {
        try Fixture.expectProblem(line, form: form, wrong: wrong)
    }

    /// A patient's CANCEL still reads as before.
    @Test func aPatientsCancelIsUnchanged() {
        #expect(Fixture.read("CANCEL A7K2Q") == .command(.cancel(ref: "A7K2Q")))
        #expect(Fixture.read("CANCEL") == .command(.cancel(ref: nil)))
        #expect(Fixture.read("DOCTOR Rao") == .command(.doctor(id: "rao")))
    }

    @Test func theHelpListsThemForDoctorsAndTheDeskOnly() {
        #expect(Help.doctorCommands.contains { $0.keyword == "CANCEL DAY" })
        #expect(Set(Help.deskCommands.map(\.keyword)).isSuperset(of: ["BROADCAST CANCEL", "BROADCAST"]))
        #expect(!Help.commands.contains { $0.keyword.hasPrefix("BROADCAST") || $0.keyword == "CANCEL DAY" })
    }
}
