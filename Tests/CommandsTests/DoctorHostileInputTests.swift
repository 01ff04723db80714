import Clinic
import Commands
import Testing

/// The doctors' commands with input nobody should send: each line is answered, never a crash.
@Suite struct DoctorHostileInputTests {
    static let lines: [String] = [
        "EARNING " + String(repeating: "9", count: 100_000),
        "EARNING " + String(repeating: "1,", count: 50_000) + "1",
        "EARNING 2500." + String(repeating: "5", count: 100_000),
        "EARNING ₹" + String(repeating: "₹", count: 10_000),
        "EARNING 2500 " + String(repeating: "Tue ", count: 50_000),
        "EARNING SET SET SET 100",
        "EARNINGS " + String(repeating: "Dr ", count: 50_000),
        "EARNINGS " + String(repeating: "March ", count: 50_000),
        "EARNINGS 99999999999999999999-3",
        "EARNINGS 2026-99999999999999999999",
        "SCHEDULE " + String(repeating: "Tue ", count: 50_000),
        "DONE " + String(repeating: "Z", count: 100_000),
        "NO SHOW NO SHOW",
        "EARNING \u{0}2500",
        "EARNING २५००",
        "EARNING ２５００",
        "EARNING 2500\u{202E} camp",
    ]

    @Test(arguments: lines)
    func lineIsAnswered(line: String) {
        let transcript = Fixture.reader.read(lines: [line], subject: line, now: Fixture.now)
        #expect(transcript.lines.count <= 1)
    }

    @Test func specificAnswers() {
        #expect(Fixture.problem("EARNING " + String(repeating: "9", count: 100_000))?.wrong.contains("too large") == true)
        #expect(Fixture.problem("EARNING 2500." + String(repeating: "5", count: 100_000))?.wrong.contains("two decimals") == true)
        #expect(Fixture.problem("EARNINGS 2026-99999999999999999999")?.wrong.contains("is not a month") == true)
        #expect(Fixture.read("EARNING ₹1,00,00,000.00")
            == .command(.earning(amount: Money(minorUnits: 1_000_000_000), day: nil, note: nil, replacingDay: false)))
    }

    @Test func fuzz() {
        let pieces = ["EARNING", "EARNINGS", "SET", "SCHEDULE", "TODAY", "DONE", "NOSHOW", "NO", "show", "no-show", "₹", "Rs.", "INR",
                      "2500", "2,500", "2,50,000", ".", ",", "50", "-", "/-", "0", "Dr", "Rao", "March", "2026", "2026-03", "this",
                      "last", "month", "Tue", "yesterday", "4/3", "A7K2Q", "#", "\u{A0}", "é", "👩‍⚕️", "99999999999999999"]
        var random = SeededGenerator(seed: 7)
        var lines: [String] = []
        for _ in 0..<3_000 {
            var line = ""
            for _ in 0..<Int(random.next() % 8) {
                line += pieces[Int(random.next() % UInt64(pieces.count))]
                if random.next() % 3 != 0 { line += " " }
            }
            lines.append(line)
        }
        for line in lines { _ = Fixture.reader.readLine(line, now: Fixture.now) }
        #expect(Fixture.reader.read(lines: lines, subject: "", now: Fixture.now).lines.count <= lines.count)
    }
}
