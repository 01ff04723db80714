import Clinic
import Commands
import Testing

/// Every command with good arguments, read on Mon 2 Mar 2026 10:00 IST.
@Suite struct CommandTests {
    static let good: [(String, Intent)] = [
        ("HELP", .help),
        ("help me please", .help),
        ("REGISTER Anita Sharma", .register(name: "Anita Sharma")),
        ("REGISTER   Anita \t  Sharma  ", .register(name: "Anita Sharma")),
        ("register anita sharma.", .register(name: "anita sharma")),
        ("REGISTER Zoë O'Brien-Nair", .register(name: "Zoë O'Brien-Nair")),
        ("REGISTER ரவி குமார்", .register(name: "ரவி குமார்")),
        ("VERIFY 123456", .verify(code: "123456")),
        ("VERIFY 123 456", .verify(code: "123456")),
        ("verify 12 34 56", .verify(code: "123456")),
        ("VERIFY 123-456", .verify(code: "123456")),
        ("VERIFY code 123456", .verify(code: "123456")),
        ("VERIFY १२३४५६", .verify(code: "123456")),
        ("INFO", .info),
        ("DOCTORS", .doctors(specialty: nil)),
        ("DOCTORS Cardiology", .doctors(specialty: "Cardiology")),
        ("doctors  general   medicine ", .doctors(specialty: "general medicine")),
        ("DOCTORS in Paediatrics", .doctors(specialty: "Paediatrics")),
        ("DOCTOR Dr Rao", .doctor(id: "rao")),
        ("DOCTOR iyer", .doctor(id: "iyer")),
        ("DOCTOR", .doctors(specialty: nil)),
        ("DOCTOR cardiology", .doctors(specialty: "cardiology")),
        ("SLOTS Dr Rao", .slots(doctorID: "rao", day: nil)),
        ("SLOTS Dr Iyer Wed", .slots(doctorID: "iyer", day: Fixture.date(3, 4))),
        ("SLOTS Dr Iyer on Wed", .slots(doctorID: "iyer", day: Fixture.date(3, 4))),
        ("SLOTS kumar tomorrow", .slots(doctorID: "kumar", day: Fixture.date(3, 3))),
        ("BOOK Dr Rao Tue 10:00", .book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)),
        ("BOOK Dr Rao Tue 10:00 chest pain",
         .book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: "chest pain")),
        ("BOOK Dr Suresh Rao Tue 10:00 chest   pain, and fever",
         .book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: "chest pain, and fever")),
        ("BOOK Dr Rao Tue 10:00 - follow-up",
         .book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: "follow-up")),
        ("BOOK Dr Rao Tue 10:00 for a check-up",
         .book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: "a check-up")),
        ("BOOK with Dr Iyer on Wed at 11:30",
         .book(doctorID: "iyer", day: Fixture.date(3, 4), time: Fixture.time(11, 30), reason: nil)),
        ("BOOK Dr Iyer 11am tomorrow", .book(doctorID: "iyer", day: Fixture.date(3, 3), time: Fixture.time(11), reason: nil)),
        ("Please BOOK Dr Rao Tue 10:00", .book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)),
        ("CANCEL", .cancel(ref: nil)),
        ("CANCEL A7K2Q", .cancel(ref: "A7K2Q")),
        ("cancel a7k2q", .cancel(ref: "A7K2Q")),
        ("CANCEL #A7K2Q.", .cancel(ref: "A7K2Q")),
        ("CANCEL my appointment", .cancel(ref: nil)),
        ("CANCEL booking ref A7K2Q", .cancel(ref: "A7K2Q")),
        ("RESCHEDULE A7K2Q Wed 11:30", .reschedule(ref: "A7K2Q", day: Fixture.date(3, 4), time: Fixture.time(11, 30))),
        ("reschedule a7k2q to thursday at 9am", .reschedule(ref: "A7K2Q", day: Fixture.date(3, 5), time: Fixture.time(9))),
        ("APPOINTMENTS", .appointments),
        ("MY", .appointments),
        ("MY APPOINTMENTS", .appointments),
        ("my bookings", .appointments),
    ]

    @Test(arguments: good)
    func reads(line: String, intent: Intent) {
        #expect(Fixture.read(line) == .command(intent))
    }

    /// Each bad line, the command it is a problem with (its form), and words its "wrong" must contain.
    static let bad: [(String, String, String)] = [
        ("REGISTER", "REGISTER <full name>", "no name given"),
        ("REGISTER 12345", "REGISTER <full name>", "at least one letter"),
        ("REGISTER " + String(repeating: "a", count: 101), "REGISTER <full name>", "101 characters"),
        ("REGISTER Ravi\u{7}Kumar", "REGISTER <full name>", "control characters"),
        ("REGISTER Ravi\u{202E}ramuK", "REGISTER <full name>", "control characters"),
        ("VERIFY", "VERIFY <code>", "no code given"),
        ("VERIFY 12345", "VERIFY <code>", "not 5"),
        ("VERIFY 1234567", "VERIFY <code>", "not 7"),
        ("VERIFY abcdef", "VERIFY <code>", "\"abcdef\" is not a code"),
        ("DOCTOR Dr Sharma", "DOCTOR <doctor>", "no doctor called \"Dr Sharma\""),
        ("SLOTS", "SLOTS <doctor> [day] [morning|afternoon|evening]", "no doctor given"),
        ("SLOTS Dr", "SLOTS <doctor> [day] [morning|afternoon|evening]", "no doctor given"),
        ("SLOTS Tue", "SLOTS <doctor> [day] [morning|afternoon|evening]", "no doctor given"),
        ("SLOTS Dr Rao someday", "SLOTS <doctor> [day] [morning|afternoon|evening]", "\"someday\" is not a day"),
        ("SLOTS Dr Rao 31 Feb", "SLOTS <doctor> [day] [morning|afternoon|evening]", "there is no 31 February"),
        ("BOOK", "BOOK <doctor> <day> <time> [reason]", "no doctor given"),
        ("BOOK Dr Rao fever", "BOOK <doctor> <day> <time> [reason]", "\"fever\" is not a day"),
        ("BOOK Dr Rao Tue fever", "BOOK <doctor> <day> <time> [reason]", "no time given"),
        ("BOOK Dr Rao Tue morning fever", "BOOK <doctor> <day> <time> [reason]", "no time given"),
        ("BOOK Dr Rao earliest 31 Feb", "BOOK <doctor|specialty> [day] earliest [reason]", "there is no 31 February"),
        ("BOOK neurology earliest", "BOOK <doctor|specialty> [day] earliest [reason]", "no doctor or specialty called \"neurology\""),
        ("BOOK earliest", "BOOK <doctor|specialty> [day] earliest [reason]", "no doctor or specialty given"),
        ("BOOK Dr Rao someday earliest", "BOOK <doctor|specialty> [day] earliest [reason]", "\"someday\" is not a day or a part of the day"),
        ("BOOK Dr Rao Tue chest pain", "BOOK <doctor> <day> <time> [reason]", "no time given"),
        ("BOOK Dr Rao 10:00", "BOOK <doctor> <day> <time> [reason]", "no day given"),
        ("BOOK Dr Rao chest pain", "BOOK <doctor> <day> <time> [reason]", "\"chest\" is not a day"),
        ("BOOK Dr Rao Tue 25:00", "BOOK <doctor> <day> <time> [reason]", "\"25:00\" is not a time"),
        ("BOOK Dr Sharma Tue 10:00", "BOOK <doctor> <day> <time> [reason]", "no doctor called \"Dr Sharma\""),
        ("CANCEL A7K2", "CANCEL [ref]", "5 characters"),
        ("CANCEL A0K1O", "CANCEL [ref]", "never use 0, 1, I, L or O"),
        ("CANCEL A7K2-", "CANCEL [ref]", "only letters and digits"),
        ("CANCEL tomorrow", "CANCEL [ref]", "\"tomorrow\" is not a booking reference"),
        ("RESCHEDULE", "RESCHEDULE <ref> <day> <time>", "no booking reference given"),
        ("RESCHEDULE LOL12 Wed 10:00", "RESCHEDULE <ref> <day> <time>", "never use"),
        ("RESCHEDULE A7K2Q", "RESCHEDULE <ref> <day> <time>", "no day given"),
        ("RESCHEDULE A7K2Q Wed", "RESCHEDULE <ref> <day> <time>", "no time given"),
        ("RESCHEDULE A7K2Q Wed 10:75", "RESCHEDULE <ref> <day> <time>", "\"10:75\" is not a time"),
    ]

    @Test(arguments: bad)
    func problem(line: String, form: String, wrong: String) throws {
        let problem = try #require(Fixture.problem(line), "\(line) should be a problem")
        #expect(problem.form == form)
        #expect(problem.wrong.contains(wrong), "\(problem.wrong)")
        #expect(problem.understood != nil)
        #expect(!problem.example.isEmpty)
    }

    /// A problem's example is itself a command that works in this clinic.
    @Test(arguments: bad.map(\.0))
    func exampleWorks(line: String) throws {
        let problem = try #require(Fixture.problem(line))
        guard case .command = Fixture.read(problem.example) else {
            Issue.record("example \"\(problem.example)\" of \"\(line)\" is not a command")
            return
        }
    }

    @Test func problemSaysWhatWasUnderstood() throws {
        let noTime = try #require(Fixture.problem("BOOK Dr Suresh Rao Tue at the clinic"))
        #expect(noTime == CommandProblem(understood: "BOOK with Dr Suresh Rao on Tue 3 Mar 2026", wrong: "no time given",
                                         form: "BOOK <doctor> <day> <time> [reason]", example: "BOOK Dr Rao Tue 10:00 chest pain"))
        let noDay = try #require(Fixture.problem("BOOK Dr Iyer 10:00"))
        #expect(noDay.understood == "BOOK with Dr Meena Iyer at 10:00")
        #expect(noDay.example == "BOOK Dr Iyer Tue 10:00 chest pain")
        let noDoctor = try #require(Fixture.problem("BOOK"))
        #expect(noDoctor.understood == "BOOK")
        #expect(noDoctor.choices == Fixture.names)
        let reschedule = try #require(Fixture.problem("RESCHEDULE a7k2q Fri"))
        #expect(reschedule.understood == "RESCHEDULE A7K2Q to Fri 6 Mar 2026")
        #expect(reschedule.wrong == "no time given")
    }

    /// "MY" starts prose as often as a command: only MY alone or MY APPOINTMENTS is one.
    @Test(arguments: ["My name is Ravi", "my doctor said"])
    func myProseIsNotACommand(line: String) {
        #expect(Fixture.read(line) == .unrecognised)
    }

    @Test(arguments: ["Hello, I would like an appointment", "I would like an appointment", "Sir, my son is ill", "booking please", "1234"])
    func otherFirstWordsAreUnrecognised(line: String) {
        #expect(Fixture.read(line) == .unrecognised)
    }

    @Test func reasonIsCleanedAndCapped() throws {
        let long = String(repeating: "x", count: 500)
        guard case .command(.book(_, _, _, let reason)) = Fixture.read("BOOK Dr Rao Tue 10:00 \(long)") else {
            Issue.record("not a booking")
            return
        }
        #expect(reason?.count == 200)
        #expect(Fixture.read("BOOK Dr Rao Tue 10:00 pain\u{0}\u{1B}[31m now")
            == .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: "pain[31m now")))
    }
}
