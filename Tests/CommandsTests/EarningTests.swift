import Clinic
import Commands
import Testing

/// EARNING and EARNING SET, read on Mon 2 Mar 2026 10:00 IST.
@Suite struct EarningTests {
    static func earning(_ minor: Int64, _ day: LocalDate? = nil, _ note: String? = nil, set: Bool = false) -> Intent {
        .earning(amount: Money(minorUnits: minor), day: day, note: note, replacingDay: set)
    }

    static let amounts: [(String, Int64)] = [
        ("2500", 250_000), ("2,500", 250_000), ("₹2500", 250_000), ("₹ 2500", 250_000), ("Rs 2500", 250_000),
        ("Rs. 2500", 250_000), ("rs.2500", 250_000), ("RS2500", 250_000), ("INR 2500", 250_000), ("inr2500", 250_000),
        ("2500/-", 250_000), ("2500 rupees", 250_000), ("2500 Rs", 250_000), ("₹2,500", 250_000),
        ("2500.50", 250_050), ("2,500.50", 250_050), ("2500.5", 250_050), ("₹ 2,500.05", 250_005), ("0.01", 1),
        ("2,50,000", 25_000_000), ("12,34,567.89", 123_456_789), ("250,000", 25_000_000), ("1,000,000", 100_000_000),
        ("800.", 80_000),
    ]

    /// Every amount form is exact, in minor units.
    @Test(arguments: amounts)
    func amount(written: String, minor: Int64) {
        #expect(Fixture.read("EARNING \(written)") == .command(Self.earning(minor)))
        #expect(Fixture.read("EARNING \(written) Sat") == .command(Self.earning(minor, Fixture.date(2, 28))))
    }

    /// Days of EARNING look back: a weekday or a date without a year is the most recent one, today included.
    static let days: [(String, LocalDate)] = [
        ("today", Fixture.date(3, 2)), ("yesterday", Fixture.date(3, 1)), ("YESTERDAY", Fixture.date(3, 1)),
        ("Mon", Fixture.date(3, 2)), ("Sun", Fixture.date(3, 1)), ("Sat", Fixture.date(2, 28)), ("saturday", Fixture.date(2, 28)),
        ("Tue", Fixture.date(2, 24)), ("on Tue", Fixture.date(2, 24)), ("for Friday", Fixture.date(2, 27)),
        ("2026-03-01", Fixture.date(3, 1)), ("1 Mar", Fixture.date(3, 1)), ("2 Mar", Fixture.date(3, 2)),
        ("4 Mar", Fixture.date(3, 4, 2025)), ("28/2", Fixture.date(2, 28)), ("Feb 27th", Fixture.date(2, 27)),
        ("Fri 27 Feb", Fixture.date(2, 27)), ("31 Dec", Fixture.date(12, 31, 2025)), ("29 Feb", Fixture.date(2, 29, 2024)),
        // Future days are read as written: the clinic refuses them.
        ("tomorrow", Fixture.date(3, 3)), ("2026-03-04", Fixture.date(3, 4)), ("4 Mar 2026", Fixture.date(3, 4)),
    ]

    @Test(arguments: days)
    func day(written: String, date: LocalDate) {
        #expect(Fixture.read("EARNING 2500 \(written)") == .command(Self.earning(250_000, date)))
        #expect(Fixture.read("EARNING SET 2500 \(written)") == .command(Self.earning(250_000, date, set: true)))
    }

    static let lines: [(String, Intent)] = [
        ("EARNING 2500 today follow-ups", earning(250_000, Fixture.date(3, 2), "follow-ups")),
        ("earning 2500 Sat camp at the school", earning(250_000, Fixture.date(2, 28), "camp at the school")),
        ("EARNING 2500 for 5 patients", earning(250_000, nil, "5 patients")),
        ("EARNING 2500 - morning OPD", earning(250_000, nil, "morning OPD")),
        ("EARNING ₹1,200 yesterday  two  dressings.", earning(120_000, Fixture.date(3, 1), "two dressings")),
        ("EARNING 2500 2 patients", earning(250_000, nil, "2 patients")),
        ("EARNING yesterday 3000", earning(300_000, Fixture.date(3, 1))),
        ("EARNING on Sat Rs 3000 camp", earning(300_000, Fixture.date(2, 28), "camp")),
        ("Please EARNING 2500", earning(250_000)),
        ("EARNING SET 3000", earning(300_000, set: true)),
        ("earning set rs 3,000 Sat", earning(300_000, Fixture.date(2, 28), set: true)),
        ("EARNING SET 3000 yesterday", earning(300_000, Fixture.date(3, 1), set: true)),
    ]

    @Test(arguments: lines)
    func reads(line: String, intent: Intent) {
        #expect(Fixture.read(line) == .command(intent))
    }

    static let bad: [(String, String, String)] = [
        ("EARNING", "EARNING <amount> [day] [note]", "no amount given"),
        ("EARNING ₹", "EARNING <amount> [day] [note]", "no amount given after \"₹\""),
        ("EARNING abc", "EARNING <amount> [day] [note]", "\"abc\" is not an amount: write it in digits, like 2500"),
        ("EARNING 2k", "EARNING <amount> [day] [note]", "\"2k\" is not an amount"),
        ("EARNING Rs ten", "EARNING <amount> [day] [note]", "\"Rs ten\" is not an amount"),
        ("EARNING -2500", "EARNING <amount> [day] [note]", "\"-2500\" is negative"),
        ("EARNING 0", "EARNING <amount> [day] [note]", "\"0\" is zero"),
        ("EARNING ₹0.00", "EARNING <amount> [day] [note]", "is zero"),
        ("EARNING 2500.505", "EARNING <amount> [day] [note]", "more than two decimals"),
        ("EARNING 2500,50", "EARNING <amount> [day] [note]", "write paise after a point, like 2500.50"),
        ("EARNING 2,5000", "EARNING <amount> [day] [note]", "commas go between thousands"),
        ("EARNING 25,00,0", "EARNING <amount> [day] [note]", "commas go between thousands"),
        ("EARNING 1234567890123", "EARNING <amount> [day] [note]", "too large"),
        ("EARNING March", "EARNING <amount> [day] [note]", "for a month's earnings write EARNINGS March"),
        ("EARNING 2500 31 Feb", "EARNING <amount> [day] [note]", "\"31 Feb\" is not a date: there is no 31 February"),
        ("EARNING 2500 Wed 24 Feb", "EARNING <amount> [day] [note]", "24 Feb 2026 is a Tuesday, not a Wednesday"),
        ("EARNING SET", "EARNING SET <amount> [day]", "no amount given"),
        ("EARNING SET 2500.123 Sat", "EARNING SET <amount> [day]", "more than two decimals"),
    ]

    @Test(arguments: bad)
    func problem(line: String, form: String, wrong: String) throws {
        try Fixture.expectProblem(line, form: form, wrong: wrong, understood: true)
    }

    @Test func problemSaysWhatWasUnderstood() throws {
        #expect(try #require(Fixture.problem("EARNING 2,500.50 31 Feb"))
            == CommandProblem(understood: "EARNING 2500.50", wrong: "\"31 Feb\" is not a date: there is no 31 February",
                              form: "EARNING <amount> [day] [note]", example: "EARNING 2500 today follow-ups"))
        #expect(Fixture.problem("EARNING SET 2500,50")?.understood == "EARNING SET")
    }

    @Test func noteIsCleanedAndCapped() throws {
        guard case .command(.earning(_, _, let note, _)) = Fixture.read("EARNING 2500 " + String(repeating: "x", count: 500)) else {
            Issue.record("not an earning")
            return
        }
        #expect(note?.count == 200)
        #expect(Fixture.read("EARNING 2500 camp\u{202E}\u{7}") == .command(Self.earning(250_000, nil, "camp")))
    }
}
