import Clinic
import Commands
import Testing

/// The phrases patients write beyond the forms in HELP: relative days, parts of the day, BOOK without a time,
/// the earliest slot, sign-offs and courtesy. "Now" is Mon 2 Mar 2026 10:00 IST.
@Suite struct PhraseTests {
    static let relativeDays: [(String, LocalDate)] = [
        ("day after tomorrow", Fixture.date(3, 4)), ("the day after tomorrow", Fixture.date(3, 4)), ("day after tmrw", Fixture.date(3, 4)),
        ("in 3 days", Fixture.date(3, 5)), ("after 2 days", Fixture.date(3, 4)), ("in a day", Fixture.date(3, 3)),
        ("in a week", Fixture.date(3, 9)), ("in two weeks", Fixture.date(3, 16)), ("in 1 week", Fixture.date(3, 9)),
        ("this Friday", Fixture.date(3, 6)), ("coming Friday", Fixture.date(3, 6)), ("this coming Wed", Fixture.date(3, 4)),
        ("next Tuesday", Fixture.date(3, 10)), ("next Mon", Fixture.date(3, 9)), ("next Sunday", Fixture.date(3, 15)),
        ("on next Wed", Fixture.date(3, 11)),
    ]

    @Test(arguments: relativeDays)
    func relativeDaysAreRead(written: String, date: LocalDate) {
        #expect(Fixture.read("SLOTS Dr Rao \(written)") == .command(.slots(doctorID: "rao", day: date)))
        #expect(Fixture.read("BOOK Dr Rao \(written) 10:00") == .command(.book(doctorID: "rao", day: date, time: Fixture.time(10), reason: nil)))
    }

    @Test func nextIsTheWeekAfterThisOneWhateverTheDay() {
        // Sat 7 Mar: "next Tue" is 10 Mar (next week's), "Tue" and "this Tue" the same day.
        let saturday = Fixture.at(Fixture.date(3, 7), 10)
        #expect(Fixture.read("SLOTS Dr Rao next Tue", now: saturday) == .command(.slots(doctorID: "rao", day: Fixture.date(3, 10))))
        #expect(Fixture.read("SLOTS Dr Rao this Tue", now: saturday) == .command(.slots(doctorID: "rao", day: Fixture.date(3, 10))))
        // Sun 8 Mar: the week ends today, so next Mon is tomorrow.
        let sunday = Fixture.at(Fixture.date(3, 8), 10)
        #expect(Fixture.read("SLOTS Dr Rao next Mon", now: sunday) == .command(.slots(doctorID: "rao", day: Fixture.date(3, 9))))
    }

    @Test func tooFarIsSaid() throws {
        try Fixture.expectProblem("SLOTS Dr Rao in 400 days", form: "SLOTS <doctor> [day] [morning|afternoon|evening]", wrong: "more than a year ahead")
    }

    static let parts: [(String, LocalDate?, DayPart)] = [
        ("Tue morning", Fixture.date(3, 3), .morning), ("tomorrow evening", Fixture.date(3, 3), .evening),
        ("Wed in the afternoon", Fixture.date(3, 4), .afternoon), ("this evening", Fixture.date(3, 2), .evening),
        ("tonight", Fixture.date(3, 2), .evening), ("morning", nil, .morning), ("in the evening", nil, .evening),
        ("next Tue mrng", Fixture.date(3, 10), .morning),
    ]

    @Test(arguments: parts)
    func partsOfTheDayAskForThatPartsSlots(written: String, day: LocalDate?, part: DayPart) {
        #expect(Fixture.read("SLOTS Dr Rao \(written)") == .command(.slots(doctorID: "rao", day: day, asked: SlotsAsked(part: part))))
        #expect(Fixture.read("BOOK Dr Rao \(written)")
                == .command(.slots(doctorID: "rao", day: day, asked: SlotsAsked(part: part, forBooking: true))))
    }

    @Test(arguments: [("BOOK Dr Rao", nil), ("BOOK Dr Rao Tue", Fixture.date(3, 3)), ("book dr rao tomorrow please", Fixture.date(3, 3)),
                      ("BOOK with Dr Rao on Wed", Fixture.date(3, 4)), ("BOOK Dr Rao day after tomorrow, thanks", Fixture.date(3, 4))])
    func bookWithoutATimeOffersTheFreeTimes(line: String, day: LocalDate?) {
        #expect(Fixture.read(line) == .command(.slots(doctorID: "rao", day: day, asked: SlotsAsked(forBooking: true))))
    }

    static let earliest: [(String, Intent)] = [
        ("BOOK Dr Rao earliest", .bookEarliest(doctorIDs: ["rao"], day: nil, part: nil, reason: nil)),
        ("BOOK Dr Rao first available fever", .bookEarliest(doctorIDs: ["rao"], day: nil, part: nil, reason: "fever")),
        ("book dr rao asap - chest pain", .bookEarliest(doctorIDs: ["rao"], day: nil, part: nil, reason: "chest pain")),
        ("BOOK Dr Iyer Wed earliest", .bookEarliest(doctorIDs: ["iyer"], day: Fixture.date(3, 4), part: nil, reason: nil)),
        ("BOOK Dr Iyer earliest tomorrow morning", .bookEarliest(doctorIDs: ["iyer"], day: Fixture.date(3, 3), part: .morning, reason: nil)),
        ("BOOK Dr Iyer the earliest slot please", .bookEarliest(doctorIDs: ["iyer"], day: nil, part: nil, reason: nil)),
        ("BOOK cardiology earliest", .bookEarliest(doctorIDs: ["rao"], day: nil, part: nil, reason: nil)),
        ("BOOK Cardiologist first available", .bookEarliest(doctorIDs: ["rao"], day: nil, part: nil, reason: nil)),
        ("BOOK general medicine Tue earliest cough", .bookEarliest(doctorIDs: ["kumar"], day: Fixture.date(3, 3), part: nil, reason: "cough")),
        ("BOOK paediatrics evening soonest", .bookEarliest(doctorIDs: ["iyer"], day: nil, part: .evening, reason: nil)),
    ]

    @Test(arguments: earliest)
    func earliestBooksTheFirstFreeSlot(line: String, intent: Intent) {
        #expect(Fixture.read(line) == .command(intent))
    }

    @Test func aSpecialtyOfSeveralDoctorsNamesThemAll() {
        let doctors = Fixture.doctors + [Fixture.doctor("nair", "Dr Priya Nair", "Cardiology"), Fixture.doctor("old", "Dr Old", "Cardiology", active: false)]
        let reader = CommandReader(doctors: doctors, zone: Fixture.zone)
        #expect(Fixture.read("BOOK cardiology earliest", reader: reader)
                == .command(.bookEarliest(doctorIDs: ["rao", "nair"], day: nil, part: nil, reason: nil)))
    }

    static let reasons: [(String, String?)] = [
        ("BOOK Dr Rao Tue 10:00 please", nil), ("BOOK Dr Rao Tue 10:00 fever please", "fever"),
        ("BOOK Dr Rao Tue 10:00 fever, thanks", "fever"), ("BOOK Dr Rao Tue 10:00 for fever thank you", "fever"),
        ("BOOK Dr Rao Tue 10:00 please, fever", "fever"), ("BOOK Dr Rao Tue 10:00 chest pain pls 🙏", "chest pain"),
        ("BOOK Dr Rao Tue 10:00 thanks", nil), ("BOOK Dr Rao Tue 10:00 fever. Thank you very much!", "fever."),
        ("BOOK Dr Rao Tue 10:00 thanksgiving trip check-up", "thanksgiving trip check-up"),
    ]

    @Test(arguments: reasons)
    func courtesyIsNotTheReason(line: String, reason: String?) {
        #expect(Fixture.read(line) == .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: reason)))
    }

    static let signatures = [
        "Sent from my iPhone", "Sent from my Samsung Galaxy smartphone.", "Get Outlook for Android", "Get Outlook for iOS<https://aka.ms/o0ukef>",
        "Sent from Yahoo Mail on Android", "Sent from Mail for Windows", "Sent via the Samsung Galaxy S23",
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential.",
        "Disclaimer: The information contained in this message is privileged.", "DISCLAIMER",
        "This email and any attachments are confidential and intended solely for the addressee.",
        "The information contained in this e-mail is confidential.",
    ]

    @Test(arguments: signatures)
    func mobileSignOffsAndDisclaimersEndTheCommands(signature: String) {
        let transcript = Fixture.reader.read(lines: ["BOOK Dr Rao Tue 10:00", "", signature, "BOOK Dr Iyer Wed 11:00"], subject: "", now: Fixture.now)
        #expect(transcript.intents == [.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)])
        #expect(transcript.stoppedAt == signature)
    }

    @Test(arguments: ["Sent the reports yesterday", "Disclaimers aside, is the doctor in?", "This is urgent", "Get well soon"])
    func ordinaryLinesAreNotSignatures(line: String) {
        let transcript = Fixture.reader.read(lines: [line, "BOOK Dr Rao Tue 10:00"], subject: "", now: Fixture.now)
        #expect(transcript.stoppedAt == nil)
        #expect(transcript.intents.count == 1)
    }
}

@Suite struct GreetingTests {
    @Test(arguments: ["Hello,", "Hi Doctor", "Dear Sir/Madam,", "Good morning!", "Namaste", "hii", "Respected sir,", "Hey there"])
    func greetingsAreSkipped(line: String) {
        let transcript = Fixture.reader.read(lines: [line, "BOOK Dr Rao Tue 10:00"], subject: "", now: Fixture.now)
        #expect(transcript.lines.map(\.text) == ["BOOK Dr Rao Tue 10:00"])
    }

    @Test(arguments: ["Hi book Dr Rao", "Hello I have a fever since Sunday", "Good news everyone"])
    func moreThanAGreetingIsRead(line: String) {
        let transcript = Fixture.reader.read(lines: [line], subject: "", now: Fixture.now)
        #expect(transcript.lines.count == 1)
    }
}

/// WAIT, WAIT OFF, WAITING and YES as patients write them.
@Suite struct WaitlistCommandTests {
    let tuesday = Fixture.date(3, 3)

    @Test func theFormsAreRead() throws {
        let window = TimeRange(start: Fixture.time(10), end: Fixture.time(12))
        #expect(Fixture.read("WAIT Dr Rao Tue between 10:00 and 12:00") == .command(.wait(doctorID: "rao", day: tuesday, window: window)))
        #expect(Fixture.read("wait for dr rao on tue between 10 and 12 please") == .command(.wait(doctorID: "rao", day: tuesday, window: window)))
        #expect(Fixture.read("WAIT Dr Rao Tue from 10 to 12") == .command(.wait(doctorID: "rao", day: tuesday, window: window)))
        #expect(Fixture.read("WAIT Dr Rao") == .command(.wait(doctorID: "rao", day: nil, window: nil)))
        #expect(Fixture.read("WAIT Dr Rao tomorrow morning")
                == .command(.wait(doctorID: "rao", day: tuesday, window: TimeRange(start: Fixture.time(0), end: Fixture.time(12)))))
        #expect(Fixture.read("WAIT OFF") == .command(.waitOff(doctorID: nil)))
        #expect(Fixture.read("WAIT OFF Dr Rao") == .command(.waitOff(doctorID: "rao")))
        #expect(Fixture.read("WAITING") == .command(.waiting))
        #expect(Fixture.read("YES A7K2Q") == .command(.takeOffer(code: "A7K2Q")))
        #expect(Fixture.read("yes please") == .command(.takeOffer(code: nil)))
    }

    @Test func aWrongWindowIsExplained() throws {
        let backwards = try #require(Fixture.problem("WAIT Dr Rao Tue between 12:00 and 10:00"))
        #expect(backwards.wrong.contains("ends before it starts"))
        let open = try #require(Fixture.problem("WAIT Dr Rao Tue between 10:00"))
        #expect(open.wrong.contains("needs an end"))
        #expect(Fixture.problem("YES 12345")?.wrong.contains("code") == true)
    }
}
