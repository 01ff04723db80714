import Foundation
import Mail
import Testing

@Suite("RFC 5322 dates")
struct DateTests {
    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int = 0) -> Date {
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour, c.minute, c.second) = (y, mo, d, h, mi, s)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return cal.date(from: c)!
    }

    @Test("parses", arguments: [
        ("Mon, 2 Mar 2026 10:00:00 +0000", utc(2026, 3, 2, 10, 0)),
        ("Mon, 02 Mar 2026 10:00:00 +0100", utc(2026, 3, 2, 9, 0)),
        ("2 Mar 2026 10:00:00 -0530", utc(2026, 3, 2, 15, 30)),
        ("Mon, 2 Mar 2026 10:00 GMT", utc(2026, 3, 2, 10, 0)),
        ("Mon, 2 Mar 26 10:00:00 EST", utc(2026, 3, 2, 15, 0)),
        ("Mon, 2 Mar 99 10:00:00 PDT", utc(1999, 3, 2, 17, 0)),
        ("Mon, 2 Mar 126 10:00:00 UT", utc(2026, 3, 2, 10, 0)),
        ("Mon, 2 Mar 2026 10:00:00 Z", utc(2026, 3, 2, 10, 0)),
        ("Mon, 2 Mar 2026 10:00:00 J", utc(2026, 3, 2, 10, 0)),
        ("Mon,  2 Mar 2026 10:00:09 +0000 (UTC)", utc(2026, 3, 2, 10, 0, 9)),
        ("Mon (Monday), 2 (two) Mar 2026 10:00:00 +0000", utc(2026, 3, 2, 10, 0)),
        ("Mon Mar  2 10:00:00 2026", utc(2026, 3, 2, 10, 0)),
        ("Monday, 2 March 2026 10:00:00 +01:00", utc(2026, 3, 2, 9, 0)),
        ("mon, 2 mar 2026 10:00:00 cdt", utc(2026, 3, 2, 15, 0)),
        ("Tue, 29 Feb 2028 23:59:60 +0000", utc(2028, 3, 1, 0, 0)),
        ("Thu, 1 Jan 1970 00:00:00 +0000", Date(timeIntervalSince1970: 0)),
        ("Wed, 31 Dec 1969 23:59:59 +0000", Date(timeIntervalSince1970: -1)),
    ])
    func parses(_ s: String, _ expected: Date) {
        #expect(MailDate.parse(s) == expected)
    }

    @Test func rejectsGarbage() {
        for s in ["", "yesterday", "32 Mar 2026 10:00", "2 Foo 2026 10:00", "2 Mar 2026 25:00", "2 Mar 2026",
                  "2 Mar 2026 10:61", "99999999999999999999 Mar 2026 10:00", "2 Mar 2026 10:00:00:00"] {
            #expect(MailDate.parse(s) == nil, "\(s)")
        }
    }

    @Test func formats() {
        let d = DateTests.utc(2026, 3, 2, 10, 0, 5)
        #expect(MailDate.format(d) == "Mon, 02 Mar 2026 10:00:05 +0000")
        #expect(MailDate.format(d, timeZone: TimeZone(secondsFromGMT: 3600)) == "Mon, 02 Mar 2026 11:00:05 +0100")
        #expect(MailDate.format(d, timeZone: TimeZone(secondsFromGMT: -(9 * 3600 + 30 * 60)))
            == "Mon, 02 Mar 2026 00:30:05 -0930")
        #expect(MailDate.format(Date(timeIntervalSince1970: -1)) == "Wed, 31 Dec 1969 23:59:59 +0000")
    }

    @Test func formatParseRoundTrip() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<500 {
            let t = Double(Int64(rng.next() % 8_000_000_000) - 2_000_000_000)
            let d = Date(timeIntervalSince1970: t)
            let zone = TimeZone(secondsFromGMT: Int(rng.next() % 57) * 900 - 12 * 3600)
            #expect(MailDate.parse(MailDate.format(d, timeZone: zone)) == d)
        }
    }
}

/// Small deterministic PRNG for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
