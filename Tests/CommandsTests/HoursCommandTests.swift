import Clinic
import Commands
import Testing

/// HOURS and LEAVE, read on Mon 2 Mar 2026 10:00 IST.
@Suite struct HoursCommandTests {
    static func range(_ text: String) -> TimeRange { TimeRange(text: text)! }

    static let lines: [(String, Intent)] = [
        ("HOURS Mon-Fri 09:00-13:00 17:00-19:00", .setHours(days: [.mon, .tue, .wed, .thu, .fri], ranges: [range("09:00-13:00"), range("17:00-19:00")])),
        ("hours sat off", .setHours(days: [.sat], ranges: [])),
        ("HOURS Mon, Wed 17:00-19:00, 09:00-12:00", .setHours(days: [.mon, .wed], ranges: [range("09:00-12:00"), range("17:00-19:00")])),
        ("HOURS Saturday-Monday 10:00-12:00", .setHours(days: [.sat, .sun, .mon], ranges: [range("10:00-12:00")])),
        ("LEAVE Tue", .leave(from: Fixture.date(3, 3), to: Fixture.date(3, 3), reason: nil)),
        ("LEAVE 10 Mar to 14 Mar conference", .leave(from: Fixture.date(3, 10), to: Fixture.date(3, 14), reason: "conference")),
        ("leave on 2026-03-20 until 2026-03-22 - family", .leave(from: Fixture.date(3, 20), to: Fixture.date(3, 22), reason: "family")),
    ]

    @Test(arguments: lines)
    func reads(line: String, intent: Intent) {
        #expect(Fixture.read(line) == .command(intent))
    }

    static let bad: [(String, String, String)] = [
        ("HOURS Mon", "HOURS <days> <ranges|off>", "no hours given"),
        ("HOURS Mon 9 to 1", "HOURS <days> <ranges|off>", "is not a range of hours"),
        ("HOURS Mon 09:00-13:00 12:00-14:00", "HOURS <days> <ranges|off>", "overlap"),
        ("LEAVE 31 Feb", "LEAVE <day> [to <day>] [reason]", "there is no 31 February"),
        ("LEAVE 10 Mar to", "LEAVE <day> [to <day>] [reason]", "no last day given"),
    ]

    @Test(arguments: bad)
    func problem(line: String, form: String, wrong: String) throws {
        try Fixture.expectProblem(line, form: form, wrong: wrong)
    }

    @Test(arguments: ["Hours please?", "Leave it with me", "Leave a message for Dr Rao"])
    func proseIsNotACommand(line: String) {
        #expect(Fixture.read(line) == .unrecognised)
    }
}
