import Clinic
import Commands
import Testing

/// EARNINGS, read on Mon 2 Mar 2026 10:00 IST unless said otherwise.
@Suite struct EarningsTests {
    static func month(_ year: Int, _ month: Int) -> YearMonth { YearMonth(year: year, month: month) }

    /// A month alone is the most recent one not in the future.
    static let months: [(String, YearMonth)] = [
        ("", month(2026, 3)), ("MARCH", month(2026, 3)), ("Mar", month(2026, 3)), ("march 2026", month(2026, 3)),
        ("DECEMBER", month(2025, 12)), ("feb", month(2026, 2)), ("Jan", month(2026, 1)), ("april", month(2025, 4)),
        ("Dec 2024", month(2024, 12)), ("December, 2026", month(2026, 12)),
        ("2026-03", month(2026, 3)), ("2025/12", month(2025, 12)), ("3/2026", month(2026, 3)), ("03-2026", month(2026, 3)),
        ("this month", month(2026, 3)), ("THIS MONTH", month(2026, 3)), ("last month", month(2026, 2)),
        ("previous month", month(2026, 2)), ("for March", month(2026, 3)), ("in december 2025", month(2025, 12)),
        ("March please", month(2026, 3)),
    ]

    @Test(arguments: months)
    func ownMonth(written: String, month: YearMonth) {
        #expect(Fixture.read("EARNINGS \(written)") == .command(.earnings(month: month, doctorID: nil)))
    }

    @Test(arguments: months)
    func doctorsMonth(written: String, month: YearMonth) {
        #expect(Fixture.read("EARNINGS Dr Rao \(written)") == .command(.earnings(month: month, doctorID: "rao")))
    }

    @Test func aroundTheNewYear() {
        let january = Fixture.at(Fixture.date(1, 15, 2027), 10)
        let read = { (month: String) in Fixture.read("EARNINGS \(month)", now: january) }
        #expect(read("December") == .command(.earnings(month: Self.month(2026, 12), doctorID: nil)))
        #expect(read("January") == .command(.earnings(month: Self.month(2027, 1), doctorID: nil)))
        #expect(read("February") == .command(.earnings(month: Self.month(2026, 2), doctorID: nil)))
        #expect(read("last month") == .command(.earnings(month: Self.month(2026, 12), doctorID: nil)))
        #expect(read("") == .command(.earnings(month: Self.month(2027, 1), doctorID: nil)))
        // 1 Mar 00:30 in Kolkata is still 28 Feb in UTC: the clinic's month counts.
        let firstOfMarch = Fixture.at(Fixture.date(3, 1), 0, 30)
        #expect(Fixture.read("EARNINGS", now: firstOfMarch) == .command(.earnings(month: Self.month(2026, 3), doctorID: nil)))
        #expect(Fixture.read("EARNINGS March", now: firstOfMarch) == .command(.earnings(month: Self.month(2026, 3), doctorID: nil)))
    }

    static let doctors: [(String, String)] = [
        ("EARNINGS Dr Rao March", "rao"), ("earnings rao march", "rao"), ("EARNINGS Dr Suresh Rao March", "rao"),
        ("EARNINGS for Dr Iyer March", "iyer"), ("EARNINGS Dr. Kumar March", "kumar"), ("EARNINGS Meena Iyer March", "iyer"),
    ]

    @Test(arguments: doctors)
    func doctorNames(line: String, id: String) {
        #expect(Fixture.read(line) == .command(.earnings(month: Self.month(2026, 3), doctorID: id)))
    }

    @Test func doctorWithoutMonthIsThisMonth() {
        #expect(Fixture.read("EARNINGS Dr Rao") == .command(.earnings(month: Self.month(2026, 3), doctorID: "rao")))
        #expect(Fixture.read("EARNINGS iyer") == .command(.earnings(month: Self.month(2026, 3), doctorID: "iyer")))
    }

    /// A doctor who no longer takes bookings still has months to report.
    @Test func inactiveDoctor() {
        let shah = Fixture.doctor("shah", "Dr Nita Shah", "ENT", active: false)
        let reader = CommandReader(doctors: Fixture.doctors + [shah], zone: Fixture.zone)
        #expect(Fixture.read("EARNINGS Dr Shah January", reader: reader) == .command(.earnings(month: Self.month(2026, 1), doctorID: "shah")))
    }

    @Test func ambiguousDoctor() throws {
        let anil = Fixture.doctor("arao", "Dr Anil Rao", "Orthopaedics")
        let reader = CommandReader(doctors: Fixture.doctors + [anil], zone: Fixture.zone)
        let problem = try #require(Fixture.problem("EARNINGS Rao March", reader: reader))
        #expect(problem.form == "EARNINGS <doctor> [month] [year]")
        #expect(problem.choices == ["Dr Suresh Rao", "Dr Anil Rao"])
        #expect(Fixture.read("EARNINGS Anil Rao March", reader: reader) == .command(.earnings(month: Self.month(2026, 3), doctorID: "arao")))
    }

    static let bad: [(String, String, String)] = [
        ("EARNINGS someday", "EARNINGS [month] [year]", "\"someday\" is not a month"),
        ("EARNINGS 2026-13", "EARNINGS [month] [year]", "\"2026-13\" is not a month: there is no month 13"),
        ("EARNINGS 2026-03-04", "EARNINGS [month] [year]", "that is a day; write only the month, like 2026-03"),
        ("EARNINGS 2026", "EARNINGS [month] [year]", "write the month too, like March 2026"),
        ("EARNINGS 26-3", "EARNINGS [month] [year]", "write the year with 4 digits"),
        ("EARNINGS 2500", "EARNINGS [month] [year]", "\"2500\" is not a month; to add an amount write EARNING 2500"),
        ("EARNINGS Dr Sharma March", "EARNINGS <doctor> [month] [year]", "no doctor called \"Dr Sharma\""),
        ("EARNINGS Sharma March", "EARNINGS <doctor> [month] [year]", "no doctor called \"Sharma\""),
        ("EARNINGS Dr Rao someday", "EARNINGS <doctor> [month] [year]", "\"someday\" is not a month"),
        ("EARNINGS Dr Rao 2026-00", "EARNINGS <doctor> [month] [year]", "there is no month 0"),
    ]

    @Test(arguments: bad)
    func problem(line: String, form: String, wrong: String) throws {
        try Fixture.expectProblem(line, form: form, wrong: wrong, understood: true)
    }

    @Test func problemSaysWhatWasUnderstood() throws {
        let unknown = try #require(Fixture.problem("EARNINGS Dr Sharma March"))
        #expect(unknown == CommandProblem(understood: "EARNINGS", wrong: "no doctor called \"Dr Sharma\"",
                                          form: "EARNINGS <doctor> [month] [year]", example: "EARNINGS Dr Rao March",
                                          choices: Fixture.names))
        #expect(Fixture.problem("EARNINGS Dr Iyer someday")?.understood == "EARNINGS for Dr Meena Iyer")
    }

    /// The desk form's example names one of the clinic's own doctors.
    @Test func exampleNamesTheClinicsDoctor() throws {
        let reader = CommandReader(doctors: [Fixture.iyer], zone: Fixture.zone)
        #expect(Fixture.problem("EARNINGS Dr Sharma March", reader: reader)?.example == "EARNINGS Dr Iyer March")
    }
}
