import Clinic
import Commands
import Testing

/// Day forms, read on Mon 2 Mar 2026 10:00 IST.
@Suite struct DayTests {
    static let forms: [(String, LocalDate)] = [
        ("today", Fixture.date(3, 2)),
        ("tomorrow", Fixture.date(3, 3)), ("tmrw", Fixture.date(3, 3)), ("tmr", Fixture.date(3, 3)), ("TOMORROW", Fixture.date(3, 3)),
        ("tue", Fixture.date(3, 3)), ("tues", Fixture.date(3, 3)), ("Tuesday", Fixture.date(3, 3)),
        ("wed", Fixture.date(3, 4)), ("weds", Fixture.date(3, 4)), ("wednesday", Fixture.date(3, 4)),
        ("thu", Fixture.date(3, 5)), ("thur", Fixture.date(3, 5)), ("thurs", Fixture.date(3, 5)), ("THURSDAY", Fixture.date(3, 5)),
        ("fri", Fixture.date(3, 6)), ("friday", Fixture.date(3, 6)),
        ("sat", Fixture.date(3, 7)), ("saturday", Fixture.date(3, 7)),
        ("sun", Fixture.date(3, 8)), ("sunday", Fixture.date(3, 8)),
        ("2026-03-04", Fixture.date(3, 4)), ("2026/3/4", Fixture.date(3, 4)), ("2027-01-15", Fixture.date(1, 15, 2027)),
        ("4 Mar", Fixture.date(3, 4)), ("Mar 4", Fixture.date(3, 4)), ("4 March", Fixture.date(3, 4)),
        ("March 4th", Fixture.date(3, 4)), ("4th March", Fixture.date(3, 4)), ("4th of March", Fixture.date(3, 4)),
        ("04 MAR", Fixture.date(3, 4)), ("March 4th, 2026", Fixture.date(3, 4)),
        ("4 Mar 2026", Fixture.date(3, 4)), ("4 Mar 2027", Fixture.date(3, 4, 2027)),
        ("21st April", Fixture.date(4, 21)), ("Sept 2nd", Fixture.date(9, 2)), ("Dec 23rd", Fixture.date(12, 23)),
        // No year: the next such date not in the past; today counts.
        ("2 Mar", Fixture.date(3, 2)), ("1 Mar", Fixture.date(3, 1, 2027)), ("15 Jan", Fixture.date(1, 15, 2027)),
        ("29 Feb", Fixture.date(2, 29, 2028)),
        // Day/month by default.
        ("4/3", Fixture.date(3, 4)), ("04/03", Fixture.date(3, 4)), ("4/3/2026", Fixture.date(3, 4)), ("4/3/26", Fixture.date(3, 4)),
        ("1/3", Fixture.date(3, 1, 2027)),
        // A weekday with its date, as replies print it.
        ("Tue 3 Mar", Fixture.date(3, 3)), ("Tue 3 Mar 2026", Fixture.date(3, 3)), ("Wednesday, 4 March", Fixture.date(3, 4)),
    ]

    @Test(arguments: forms)
    func slotsDay(day: String, date: LocalDate) {
        #expect(Fixture.read("SLOTS Dr Rao \(day)") == .command(.slots(doctorID: "rao", day: date)))
    }

    @Test(arguments: forms)
    func bookDay(day: String, date: LocalDate) {
        #expect(Fixture.read("BOOK Dr Rao \(day) 11:00") == .command(.book(doctorID: "rao", day: date, time: Fixture.time(11), reason: nil)))
    }

    @Test func monthFirstWhenConfigured() {
        let reader = CommandReader(doctors: Fixture.doctors, zone: Fixture.zone, dayFirst: false)
        #expect(Fixture.read("SLOTS Dr Rao 3/4", reader: reader) == .command(.slots(doctorID: "rao", day: Fixture.date(3, 4))))
        #expect(Fixture.read("SLOTS Dr Rao 12/25/2026", reader: reader) == .command(.slots(doctorID: "rao", day: Fixture.date(12, 25))))
        #expect(Fixture.problem("SLOTS Dr Rao 25/12", reader: reader)?.wrong == "\"25/12\" is not a date: there is no month 25")
    }

    /// It is Monday 10:00: "Mon" is today while the time asked for is still ahead, else next Monday.
    @Test func weekdayThatIsToday() {
        let book = { (time: String) in Fixture.read("BOOK Dr Rao Mon \(time)") }
        #expect(book("11:00") == .command(.book(doctorID: "rao", day: Fixture.date(3, 2), time: Fixture.time(11), reason: nil)))
        #expect(book("10:01") == .command(.book(doctorID: "rao", day: Fixture.date(3, 2), time: Fixture.time(10, 1), reason: nil)))
        #expect(book("10:00") == .command(.book(doctorID: "rao", day: Fixture.date(3, 9), time: Fixture.time(10), reason: nil)))
        #expect(book("9am") == .command(.book(doctorID: "rao", day: Fixture.date(3, 9), time: Fixture.time(9), reason: nil)))
        #expect(Fixture.read("RESCHEDULE A7K2Q Monday 9:30")
            == .command(.reschedule(ref: "A7K2Q", day: Fixture.date(3, 9), time: Fixture.time(9, 30))))
        // SLOTS has no time: the weekday that is today is today.
        #expect(Fixture.read("SLOTS Dr Rao Mon") == .command(.slots(doctorID: "rao", day: Fixture.date(3, 2))))
        // Just before midnight UTC it is already Tuesday in Kolkata.
        let lateUTC = Fixture.at(Fixture.date(3, 3), 1)   // Tue 01:00 IST = Mon 19:30 UTC
        #expect(Fixture.read("SLOTS Dr Rao today", now: lateUTC) == .command(.slots(doctorID: "rao", day: Fixture.date(3, 3))))
        #expect(Fixture.read("SLOTS Dr Rao Mon", now: lateUTC) == .command(.slots(doctorID: "rao", day: Fixture.date(3, 9))))
    }

    @Test func yearEnd() {
        let newYearsEve = Fixture.at(Fixture.date(12, 31), 12)
        #expect(Fixture.read("SLOTS Dr Rao tomorrow", now: newYearsEve) == .command(.slots(doctorID: "rao", day: Fixture.date(1, 1, 2027))))
        #expect(Fixture.read("SLOTS Dr Rao 2 Jan", now: newYearsEve) == .command(.slots(doctorID: "rao", day: Fixture.date(1, 2, 2027))))
        #expect(Fixture.read("SLOTS Dr Rao Fri", now: newYearsEve) == .command(.slots(doctorID: "rao", day: Fixture.date(1, 1, 2027))))
    }

    static let invalid: [(String, String)] = [
        ("31 Feb", "\"31 Feb\" is not a date: there is no 31 February"),
        ("Feb 30th", "\"Feb 30th\" is not a date: there is no 30 February"),
        ("29 Feb 2026", "\"29 Feb 2026\" is not a date: February 2026 has 28 days"),
        ("2026-13-01", "\"2026-13-01\" is not a date: there is no month 13"),
        ("2026-02-30", "\"2026-02-30\" is not a date: there is no 30 February"),
        ("31/4", "\"31/4\" is not a date: there is no 31 April"),
        ("0 Mar", "\"0 Mar\" is not a date: there is no day 0"),
        ("4/3/202", "\"4/3/202\" is not a date: the year should have 4 digits"),
        ("4-3", "\"4-3\" is not a date: it is not a date"),
        ("1/2/3/4", "\"1/2/3/4\" is not a date: it is not a date"),
        ("Wed 3 Mar", "3 Mar 2026 is a Tuesday, not a Wednesday"),
        ("Tue 31 Feb", "\"Tue 31 Feb\" is not a date: there is no 31 February"),
    ]

    @Test(arguments: invalid)
    func invalidDay(day: String, wrong: String) throws {
        let problem = try #require(Fixture.problem("BOOK Dr Rao \(day) 10:00"))
        #expect(problem.wrong == wrong)
        #expect(problem.understood == "BOOK with Dr Suresh Rao")
    }
}
