import Clinic
import Commands
import Testing

/// SCHEDULE, TODAY, DONE and NOSHOW, read on Mon 2 Mar 2026 10:00 IST.
@Suite struct ScheduleTests {
    /// Days as BOOK and SLOTS read them: a weekday is the next one, or today.
    static let schedules: [(String, LocalDate?)] = [
        ("SCHEDULE", nil), ("schedule", nil), ("TODAY", nil), ("today", nil), ("Today.", nil), ("Please TODAY", nil),
        ("SCHEDULE today", Fixture.date(3, 2)), ("SCHEDULE tomorrow", Fixture.date(3, 3)), ("SCHEDULE yesterday", Fixture.date(3, 1)),
        ("SCHEDULE Wed", Fixture.date(3, 4)), ("SCHEDULE Mon", Fixture.date(3, 2)), ("SCHEDULE on Friday", Fixture.date(3, 6)),
        ("SCHEDULE for tomorrow", Fixture.date(3, 3)), ("SCHEDULE 4 Mar", Fixture.date(3, 4)), ("SCHEDULE 4/3", Fixture.date(3, 4)),
        ("SCHEDULE 2026-03-10", Fixture.date(3, 10)), ("SCHEDULE Tue 3 Mar", Fixture.date(3, 3)), ("SCHEDULE 1 Mar", Fixture.date(3, 1, 2027)),
        ("SCHEDULE tomorrow please", Fixture.date(3, 3)),
    ]

    @Test(arguments: schedules)
    func schedule(line: String, day: LocalDate?) {
        #expect(Fixture.read(line) == .command(.schedule(day: day)))
    }

    static let marks: [(String, String, Appointment.Status)] = [
        ("DONE A7K2Q", "A7K2Q", .completed), ("done a7k2q", "A7K2Q", .completed), ("DONE #A7K2Q.", "A7K2Q", .completed),
        ("DONE appointment A7K2Q", "A7K2Q", .completed), ("Please DONE A7K2Q", "A7K2Q", .completed),
        ("NOSHOW A7K2Q", "A7K2Q", .noShow), ("noshow a7k2q", "A7K2Q", .noShow), ("NO-SHOW A7K2Q", "A7K2Q", .noShow),
        ("no-show #a7k2q", "A7K2Q", .noShow), ("NO SHOW A7K2Q", "A7K2Q", .noShow), ("No show ref A7K2Q", "A7K2Q", .noShow),
    ]

    @Test(arguments: marks)
    func mark(line: String, ref: String, status: Appointment.Status) {
        #expect(Fixture.read(line) == .command(.markAppointment(ref: ref, status: status)))
    }

    static let bad: [(String, String, String)] = [
        ("SCHEDULE 31 Feb", "SCHEDULE [day]", "\"31 Feb\" is not a date: there is no 31 February"),
        ("SCHEDULE Wed 3 Mar", "SCHEDULE [day]", "3 Mar 2026 is a Tuesday, not a Wednesday"),
        ("DONE", "DONE <ref>", "no booking reference given"),
        ("DONE A7K2", "DONE <ref>", "5 characters"),
        ("DONE #with", "DONE <ref>", "5 characters"),
        ("NOSHOW", "NOSHOW <ref>", "no booking reference given"),
        ("NOSHOW tomorrow", "NOSHOW <ref>", "\"tomorrow\" is not a booking reference"),
        ("NO SHOW A0K1O", "NOSHOW <ref>", "never use 0, 1, I, L or O"),
        ("no-show", "NOSHOW <ref>", "no booking reference given"),
    ]

    @Test(arguments: bad)
    func problem(line: String, form: String, wrong: String) throws {
        try Fixture.expectProblem(line, form: form, wrong: wrong, understood: true)
    }

    /// The keywords that are also everyday words make a command only in their command's shape.
    @Test(arguments: ["Schedule an appointment with Dr Rao", "Schedule me in please", "Today is fine", "Today at 10 works",
                      "Done with the forms", "Done thanks", "No, show me the slots"])
    func proseIsNotACommand(line: String) {
        #expect(Fixture.read(line) == .unrecognised)
    }

    @Test func doctorsMessage() {
        let transcript = Fixture.reader.read(lines: ["TODAY", "DONE A7K2Q", "No show B8M3R", "EARNING 2,500.50 follow-ups",
                                                     "EARNINGS last month", "Thanks", "EARNING 100"],
                                             subject: "Re: today", now: Fixture.now)
        #expect(transcript.intents == [
            .schedule(day: nil), .markAppointment(ref: "A7K2Q", status: .completed), .markAppointment(ref: "B8M3R", status: .noShow),
            .earning(amount: Money(minorUnits: 250_050), day: nil, note: "follow-ups", replacingDay: false),
            .earnings(month: YearMonth(year: 2026, month: 2), doctorID: nil),
        ])
        #expect(transcript.stoppedAt == "Thanks")
    }
}
