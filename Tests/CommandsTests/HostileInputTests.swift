import Clinic
import Commands
import Testing

/// Input nobody should send, which must still get an answer and never a crash.
@Suite struct HostileInputTests {
    static let lines: [String] = [
        String(repeating: "a", count: 200_000),
        "BOOK " + String(repeating: "Dr ", count: 50_000),
        "BOOK Dr Rao " + String(repeating: "Tue ", count: 50_000),
        "REGISTER " + String(repeating: "Ravi ", count: 40_000),
        "VERIFY " + String(repeating: "1", count: 100_000),
        "CANCEL " + String(repeating: "Z", count: 100_000),
        "SLOTS Dr Rao 99999999999999999999999/3",
        "BOOK Dr Rao 4/99999999999999999999 10:00",
        "BOOK Dr Rao 2026-03-99999999999999999999 10",
        "BOOK Dr Rao Tue 99999999999999999999:00",
        "BOOK Dr Rao Tue 10:999999999999999999999",
        "BOOK Dr Rao 0000-01-01 10:00",
        "BOOK Dr Rao 9999-12-31 23:59",
        "\u{0}\u{1}\u{2}\u{7F}\u{85}\u{9F}",
        "BOOK\u{0}Dr Rao Tue 10:00",
        "HELP\u{202E}",
        "\u{FEFF}HELP",
        "🙂🙂🙂 BOOK Dr Rao",
        "BOOK 👩‍⚕️ Tue 10:00",
        "BOOK Dr Rao 🗓️ ⏰",
        "REGISTER 👨‍👩‍👧‍👦",
        "REGISTER \u{301}\u{301}\u{301}",
        "B\u{301}OOK Dr Rao Tue 10:00",
        "ＢＯＯＫ Dr Rao Tue 10:00",
        ":::,,,;;;...!!!???",
        "CANCEL ,,, ...",
        "BOOK , , , ,",
        "DOCTOR \u{200B}\u{200B}",
        "#",
        "--",
        ".",
        "Re: Re: Re:",
    ]

    @Test(arguments: lines)
    func lineIsAnswered(line: String) {
        let transcript = Fixture.reader.read(lines: [line], subject: line, now: Fixture.now)
        #expect(transcript.lines.count <= 1)
    }

    @Test func specificAnswers() throws {
        #expect(Fixture.problem("REGISTER 👨‍👩‍👧‍👦")?.wrong == "a name needs at least one letter")
        #expect(Fixture.problem("REGISTER " + String(repeating: "Ravi ", count: 40_000))?.wrong.contains("at most 100") == true)
        #expect(Fixture.read("\u{FEFF}HELP") == .command(.help))
        #expect(Fixture.read("BOOK\u{0}Dr Rao Tue 10:00") == .unrecognised)
        #expect(Fixture.problem("BOOK Dr Rao Tue 99999999999999999999:00")?.wrong.contains("is not a time") == true)
        #expect(Fixture.problem("SLOTS Dr Rao 99999999999999999999999/3")?.wrong.contains("is not a date") == true)
        // Quotes in problems are cut short.
        let long = try #require(Fixture.problem("CANCEL " + String(repeating: "Z", count: 100_000)))
        #expect(long.wrong.count < 120)
        #expect(Fixture.problem("VERIFY " + String(repeating: "1", count: 100_000))?.wrong == "the code has 6 digits, not 4089")
        #expect(Fixture.read("REGISTER Dr 👩‍⚕️ Anita") == .command(.register(name: "Dr 👩‍⚕️ Anita")))
        #expect(Fixture.read("BOOK Dr Rao Tue 10:00 🤒 fever")
            == .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: "🤒 fever")))
    }

    /// Only the first 4 KiB of a line are read and echoed.
    @Test func runawayLine() throws {
        let line = "BOOK Dr Rao Tue 10:00 " + String(repeating: "é pain ", count: 100_000)
        let transcript = Fixture.reader.read(lines: [line], subject: "", now: Fixture.now)
        let read = try #require(transcript.lines.first)
        #expect(read.text.utf8.count <= 4096)
        guard case .command(.book(_, _, _, let reason)) = read.reading else {
            Issue.record("not a booking")
            return
        }
        #expect(reason?.count == 200)
    }

    /// Random lines built from the pieces the parsers look at, and from awkward scalars.
    @Test func fuzz() {
        let pieces = ["BOOK", "SLOTS", "CANCEL", "RESCHEDULE", "VERIFY", "REGISTER", "DOCTOR", "DOCTORS", "MY", "Dr", "Dr.", "Rao",
                      "Suresh", "Iyer", "Tue", "today", "4", "Mar", "4/3", "2026-03-04", "10", ":", "10:30", "pm", "am", "noon",
                      "12", "31", "Feb", "of", "th", "-", "/", ".", ",", "#", "\u{A0}", "\t", " ", "\u{0}", "\u{202E}", "é", "\u{301}",
                      "👩‍⚕️", "🇮🇳", "ரவி", "１２", "A7K2Q", "0", "99999999999", "thanks", "Re:"]
        var random = SeededGenerator(seed: 42)
        var lines: [String] = []
        for _ in 0..<3_000 {
            let count = Int(random.next() % 9)
            var line = ""
            for _ in 0..<count {
                line += pieces[Int(random.next() % UInt64(pieces.count))]
                if random.next() % 3 != 0 { line += " " }
            }
            lines.append(line)
        }
        for line in lines {
            _ = Fixture.reader.readLine(line, now: Fixture.now)
        }
        let transcript = Fixture.reader.read(lines: lines, subject: lines[0], now: Fixture.now)
        #expect(transcript.lines.count <= lines.count)
    }
}
