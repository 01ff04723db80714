import Clinic
import Commands
import Testing

/// The doctors' keywords leave patients' lines as they were, read on Mon 2 Mar 2026 10:00 IST.
@Suite struct PatientLineTests {
    static let lines: [(String, LineReading)] = [
        ("BOOK Dr Rao today 10:30", .command(.book(doctorID: "rao", day: Fixture.date(3, 2), time: Fixture.time(10, 30), reason: nil))),
        ("BOOK Dr Rao today 10:30 done with tests",
         .command(.book(doctorID: "rao", day: Fixture.date(3, 2), time: Fixture.time(10, 30), reason: "done with tests"))),
        ("SLOTS Dr Rao today", .command(.slots(doctorID: "rao", day: Fixture.date(3, 2)))),
        ("RESCHEDULE A7K2Q today 11:00", .command(.reschedule(ref: "A7K2Q", day: Fixture.date(3, 2), time: Fixture.time(11)))),
        ("CANCEL no A7K2Q", .command(.cancel(ref: "A7K2Q"))),
        ("BOOK Dr Rao Tue 10:00 schedule check", .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10),
                                                                reason: "schedule check"))),
        ("DOCTORS", .command(.doctors(specialty: nil))),
        ("Hello there, is Dr Rao in today", .unrecognised), ("No", .unrecognised), ("No thank you", .unrecognised), ("Show me slots", .unrecognised),
    ]

    @Test(arguments: lines)
    func reads(line: String, reading: LineReading) {
        #expect(Fixture.read(line) == reading)
    }

    @Test(arguments: ["Thanks", "thanks!", "Thank you", "Regards,"])
    func terminatorsStillEnd(line: String) {
        let transcript = Fixture.reader.read(lines: ["HELP", line, "TODAY", "DONE A7K2Q"], subject: "", now: Fixture.now)
        #expect(transcript.intents == [.help])
        #expect(transcript.stoppedAt == line)
    }

    /// "yesterday" is now a day word everywhere: a booking for it is read, and the clinic refuses the past day.
    @Test func yesterdayIsADay() {
        #expect(Fixture.read("SLOTS Dr Rao yesterday") == .command(.slots(doctorID: "rao", day: Fixture.date(3, 1))))
    }
}
