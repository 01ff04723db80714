import Clinic
import Commands
import Testing

/// Time forms, booked for Tue 3 Mar 2026.
@Suite struct TimeTests {
    static let forms: [(String, Int, Int)] = [
        ("10", 10, 0), ("10:00", 10, 0), ("10.30", 10, 30), ("10am", 10, 0), ("10 am", 10, 0), ("10AM", 10, 0),
        ("10:30 pm", 22, 30), ("10:30pm", 22, 30), ("10.30PM", 22, 30), ("17:00", 17, 0), ("9:05", 9, 5), ("09:05", 9, 5),
        ("noon", 12, 0), ("12 noon", 12, 0), ("midday", 12, 0), ("12am", 0, 0), ("12:30am", 0, 30), ("12pm", 12, 0), ("12", 12, 0),
        ("10 a.m", 10, 0), ("10 a.m.", 10, 0), ("3 p.m.", 15, 0), ("at 10", 10, 0), ("@ 10", 10, 0),
        // A bare hour from 1 to 7 is in the afternoon; a leading zero or am keeps the morning.
        ("1", 13, 0), ("3", 15, 0), ("3:30", 15, 30), ("7", 19, 0), ("7.45", 19, 45), ("8", 8, 0), ("11", 11, 0),
        ("03:00", 3, 0), ("3am", 3, 0), ("3 pm", 15, 0), ("0", 0, 0), ("00:00", 0, 0), ("23:59", 23, 59),
    ]

    @Test(arguments: forms)
    func time(text: String, hour: Int, minute: Int) {
        #expect(Fixture.read("BOOK Dr Rao Tue \(text)")
            == .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(hour, minute), reason: nil)))
    }

    @Test func reasonAfterTimeAndMeridiem() {
        #expect(Fixture.read("BOOK Dr Rao Tue 10 am chest pain")
            == .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: "chest pain")))
        #expect(Fixture.read("BOOK Dr Rao Tue 4 a cough")
            == .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(16), reason: "a cough")))
    }

    static let invalid: [(String, String)] = [
        ("25:00", "\"25:00\" is not a time: hours go from 0 to 23"),
        ("24:00", "\"24:00\" is not a time: hours go from 0 to 23"),
        ("10:75", "\"10:75\" is not a time: minutes go from 00 to 59"),
        ("13pm", "\"13pm\" is not a time: with am or pm the hour goes from 1 to 12"),
        ("0 am", "\"0 am\" is not a time: with am or pm the hour goes from 1 to 12"),
        ("10:5", "\"10:5\" is not a time: it is not a time of day"),
        ("1030", "\"1030\" is not a time: it is not a time of day"),
        ("10:00:00", "\"10:00:00\" is not a time: it is not a time of day"),
        ("9x", "\"9x\" is not a time: it is not a time of day"),
    ]

    @Test(arguments: invalid)
    func invalidTime(text: String, wrong: String) throws {
        let problem = try #require(Fixture.problem("BOOK Dr Rao Tue \(text)"))
        #expect(problem.wrong == wrong)
        #expect(problem.understood == "BOOK with Dr Suresh Rao on Tue 3 Mar 2026")
    }
}
