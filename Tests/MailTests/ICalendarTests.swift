import Foundation
import Mail
import Testing

@Suite("iCalendar invites")
struct ICalendarTests {
    static let kolkata = TimeZone(identifier: "Asia/Kolkata")!
    static let london = TimeZone(identifier: "Europe/London")!
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let stamp = Date(timeIntervalSince1970: 1_772_445_600)         // 2026-03-02T10:00:00Z
    static let kolkataStart = Date(timeIntervalSince1970: 1_772_512_200)  // 2026-03-03 10:00 IST = 04:30Z
    static let londonStart = Date(timeIntervalSince1970: 1_784_106_000)   // 2026-07-15 10:00 BST = 09:00Z
    static let newYorkStart = Date(timeIntervalSince1970: 1_768_921_200)  // 2026-01-20 10:00 EST = 15:00Z

    static func invite(_ method: CalendarInvite.Method = .request, start: Date = kolkataStart, zone: TimeZone = kolkata,
                       summary: String = "Dr Priya Rao – consultation", sequence: Int = 0) -> CalendarInvite {
        CalendarInvite(method: method, uid: "appt-4711@clinic.example", sequence: sequence, stamp: stamp,
                       start: start, end: start.addingTimeInterval(30 * 60), timeZone: zone, summary: summary,
                       location: "Room 3, City Clinic", description: "Bring your reports.\nArrive 10 minutes early.",
                       organizer: (name: "Dr Priya Rao", email: "rao@clinic.example"),
                       attendee: (name: "Anna Müller", email: "anna@example.org"), alarmMinutesBefore: 30)
    }

    /// Physical lines (CRLF separated; the text must end with CRLF).
    static func physicalLines(_ ics: String) -> [String] {
        var lines = ics.components(separatedBy: "\r\n")
        #expect(lines.last == "", "must end with CRLF")
        lines.removeLast()
        return lines
    }

    /// Logical content lines: continuation lines (leading space) joined to the previous one.
    static func contentLines(_ ics: String) -> [String] {
        var out: [String] = []
        for line in physicalLines(ics) {
            if line.hasPrefix(" "), !out.isEmpty { out[out.count - 1] += line.dropFirst() } else { out.append(line) }
        }
        return out
    }

    static func block(_ lines: [String], _ name: String) -> [String] {
        guard let a = lines.firstIndex(of: "BEGIN:" + name), let b = lines[a...].firstIndex(of: "END:" + name) else { return [] }
        return Array(lines[a...b])
    }

    // MARK: - layout

    @Test func requestHasTheExpectedLines() {
        let ics = ICalendarTests.invite().render()
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let lines = ICalendarTests.contentLines(ics)
        #expect(Array(lines.prefix(5)) == ["BEGIN:VCALENDAR", "PRODID:-//CareDesk//Appointments//EN", "VERSION:2.0",
                                           "CALSCALE:GREGORIAN", "METHOD:REQUEST"])
        #expect(lines.last == "END:VCALENDAR")
        #expect(ICalendarTests.block(lines, "VTIMEZONE").filter { !$0.hasPrefix("TZNAME:") } == [
            "BEGIN:VTIMEZONE", "TZID:Asia/Kolkata",
            "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530", "END:STANDARD",
            "END:VTIMEZONE",
        ])
        #expect(ICalendarTests.block(lines, "VEVENT") == [
            "BEGIN:VEVENT",
            "UID:appt-4711@clinic.example",
            "SEQUENCE:0",
            "DTSTAMP:20260302T100000Z",
            "DTSTART;TZID=Asia/Kolkata:20260303T100000",
            "DTEND;TZID=Asia/Kolkata:20260303T103000",
            "SUMMARY:Dr Priya Rao – consultation",
            "LOCATION:Room 3\\, City Clinic",
            "DESCRIPTION:Bring your reports.\\nArrive 10 minutes early.",
            "ORGANIZER;CN=Dr Priya Rao:mailto:rao@clinic.example",
            "ATTENDEE;CN=Anna Müller;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:anna@example.org",
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-PT30M",
            "DESCRIPTION:Dr Priya Rao – consultation",
            "END:VALARM",
            "END:VEVENT",
        ])
        // VTIMEZONE comes before the VEVENT that uses it
        #expect(lines.firstIndex(of: "BEGIN:VTIMEZONE")! < lines.firstIndex(of: "BEGIN:VEVENT")!)
    }

    @Test func cancelHasNoAlarm() {
        let invite = ICalendarTests.invite(.cancel, sequence: 2)
        let lines = ICalendarTests.contentLines(invite.render())
        #expect(lines.contains("METHOD:CANCEL"))
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("SEQUENCE:2"))
        #expect(!lines.contains("STATUS:CONFIRMED"))
        #expect(!lines.contains("BEGIN:VALARM"))
        #expect(invite.contentType == "text/calendar; charset=utf-8; method=CANCEL")
        #expect(invite.fileName == "cancel.ics")
        #expect(ICalendarTests.invite().contentType == "text/calendar; charset=utf-8; method=REQUEST")
        #expect(ICalendarTests.invite().fileName == "invite.ics")
    }

    @Test func optionalFields() {
        var invite = ICalendarTests.invite()
        invite.location = ""
        invite.description = ""
        invite.alarmMinutesBefore = nil
        invite.attendee = (name: nil, email: "<anna@example.org>")
        invite.organizer = (name: " \r\n ", email: "mailto:rao@clinic.example")
        invite.sequence = -3
        let lines = ICalendarTests.contentLines(invite.render())
        #expect(!lines.contains { $0.hasPrefix("LOCATION") || $0.hasPrefix("DESCRIPTION") || $0 == "BEGIN:VALARM" })
        #expect(lines.contains("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:anna@example.org"))
        #expect(lines.contains("ORGANIZER:mailto:rao@clinic.example"))
        #expect(lines.contains("SEQUENCE:0"))

        invite.alarmMinutesBefore = -5                                         // after the start
        #expect(ICalendarTests.contentLines(invite.render()).contains("TRIGGER:PT5M"))
    }

    // MARK: - time zones

    @Test func londonObservancesForTheEventYear() {
        let lines = ICalendarTests.contentLines(ICalendarTests.invite(start: ICalendarTests.londonStart, zone: ICalendarTests.london).render())
        #expect(lines.contains("DTSTART;TZID=Europe/London:20260715T100000"))
        #expect(lines.contains("DTEND;TZID=Europe/London:20260715T103000"))
        #expect(ICalendarTests.block(lines, "VTIMEZONE").filter { !$0.hasPrefix("TZNAME:") } == [
            "BEGIN:VTIMEZONE", "TZID:Europe/London",
            "BEGIN:STANDARD", "DTSTART:20251026T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:20260329T010000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20261025T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "END:STANDARD",
            "END:VTIMEZONE",
        ])
    }

    @Test func newYorkObservancesAcrossTheNewYear() {
        // Dec 31 17:00 EST to Jan 1 2027: both years are covered
        let start = Date(timeIntervalSince1970: 1_798_754_400)                // 2026-12-31 22:00Z
        var invite = ICalendarTests.invite(start: start, zone: ICalendarTests.newYork)
        invite.end = start.addingTimeInterval(10 * 3600)
        let lines = ICalendarTests.contentLines(invite.render())
        #expect(lines.contains("DTSTART;TZID=America/New_York:20261231T170000"))
        #expect(lines.contains("DTEND;TZID=America/New_York:20270101T030000"))
        let onsets = ICalendarTests.block(lines, "VTIMEZONE").filter { $0.hasPrefix("DTSTART:") }
        #expect(onsets == ["DTSTART:20251102T020000", "DTSTART:20260308T020000", "DTSTART:20261101T020000",
                           "DTSTART:20270314T020000", "DTSTART:20271107T020000"])
        #expect(lines.contains("TZOFFSETFROM:-0500") && lines.contains("TZOFFSETTO:-0400"))
    }

    @Test func repeatedHourIsWrittenInUTC() {
        // 2026-10-25: London clocks go back at 02:00 BST, so 01:30 happens twice
        let first = Date(timeIntervalSince1970: 1_792_888_200)               // 00:30Z = 01:30 BST
        let second = Date(timeIntervalSince1970: 1_792_891_800)              // 01:30Z = 01:30 GMT
        let a = ICalendarTests.contentLines(ICalendarTests.invite(start: first, zone: ICalendarTests.london).render())
        let b = ICalendarTests.contentLines(ICalendarTests.invite(start: second, zone: ICalendarTests.london).render())
        #expect(a.contains("DTSTART;TZID=Europe/London:20261025T013000"))
        #expect(a.contains("DTEND:20261025T010000Z"))                         // 01:00Z = 01:00 GMT, the second 01:00
        #expect(b.contains("DTSTART:20261025T013000Z"))
        #expect(b.contains("DTEND;TZID=Europe/London:20261025T020000"))
    }

    // MARK: - escaping, injection, folding

    @Test func textIsEscaped() {
        let invite = ICalendarTests.invite(summary: "a,b;c\\d\nnew\r\nline\rx\ttab\u{0}nul\u{2028}sep")
        let lines = ICalendarTests.contentLines(invite.render())
        #expect(lines.contains("SUMMARY:a\\,b\\;c\\\\d\\nnew\\nline\\nx tab nul\\nsep"))
    }

    @Test func parameterValuesAreQuotedAndCleaned() {
        var invite = ICalendarTests.invite()
        invite.organizer = (name: "Rao, Priya \"Dr\"", email: "rao@clinic.example")
        invite.attendee = (name: "A^B: \u{7}x", email: "anna@example.org")
        let lines = ICalendarTests.contentLines(invite.render())
        #expect(lines.contains("ORGANIZER;CN=\"Rao, Priya Dr\":mailto:rao@clinic.example"))
        #expect(lines.contains("ATTENDEE;CN=\"A^^B:  x\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:anna@example.org"))
    }

    @Test("no input can start a line", arguments: [
        "\r\nATTENDEE:mailto:evil@x",
        "\nATTENDEE:mailto:evil@x",
        "\rATTENDEE:mailto:evil@x",
        "\u{85}ATTENDEE:mailto:evil@x",
        "\r\n ATTENDEE:mailto:evil@x",
        "\"\r\nATTENDEE;CN=x:mailto:evil@x",
    ])
    func injection(_ evil: String) throws {
        var invite = ICalendarTests.invite(summary: "Checkup" + evil)
        invite.uid = "u1" + evil
        invite.location = evil
        invite.description = evil
        invite.organizer = (name: "Dr" + evil, email: "rao@clinic.example" + evil)
        invite.attendee = (name: "Anna" + evil, email: "anna@example.org" + evil)
        let ics = invite.render()
        let physical = ICalendarTests.physicalLines(ics)
        for line in physical {
            #expect(!line.contains("\r") && !line.contains("\n") && !line.contains("\u{85}"))
            // a physical line is a continuation or starts with a property name
            #expect(line.hasPrefix(" ") || line.range(of: "^[A-Z-]+[;:]", options: .regularExpression) != nil, "\(line)")
        }
        let lines = ICalendarTests.contentLines(ics)
        #expect(lines.filter { $0.hasPrefix("ATTENDEE") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("ORGANIZER") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("SUMMARY:Checkup") }.count == 1)
        let summary = try #require(lines.first { $0.hasPrefix("SUMMARY:") })
        #expect(summary.hasPrefix("SUMMARY:Checkup") && summary.contains("\\n"))
        #expect(summary.hasSuffix("ATTENDEE:mailto:evil@x") || summary.hasSuffix("ATTENDEE\\;CN=x:mailto:evil@x"))
    }

    @Test("long UTF-8 text folds at 75 octets and unfolds exactly", arguments: 0..<4)
    func folding(_ shift: Int) throws {
        let unit = "é日本🩺a,"                                                   // 2, 3, 3, 4, 1, 1 octets
        var summary = String(repeating: "x", count: shift)
        while summary.count < 300 { summary += unit }
        summary = String(summary.prefix(300))
        #expect(summary.count == 300)
        let ics = ICalendarTests.invite(summary: summary).render()
        let bytes = Array(ics.utf8)
        // split into physical lines by bytes: each must be valid UTF-8 on its own
        var physical: [[UInt8]] = []
        var start = 0
        for i in 0..<(bytes.count - 1) where bytes[i] == 0x0D && bytes[i + 1] == 0x0A {
            physical.append(Array(bytes[start..<i]))
            start = i + 2
        }
        #expect(start == bytes.count)
        for line in physical {
            #expect(line.count <= 75, "\(line.count) octets")
            #expect(String(validating: line, as: UTF8.self) != nil)
            #expect(!line.contains(0x0D) && !line.contains(0x0A))
        }
        let escaped = summary.replacingOccurrences(of: ",", with: "\\,")
        let lines = ICalendarTests.contentLines(ics)
        #expect(lines.contains("SUMMARY:" + escaped))
        #expect(lines.contains("DESCRIPTION:" + escaped))                     // the alarm's
        // the summary really was folded, into full lines
        let first = try #require(physical.firstIndex { $0.starts(with: Array("SUMMARY:".utf8)) })
        #expect(physical[first].count >= 72 && physical[first + 1].first == 0x20)
    }

    // MARK: - MIME

    @Test("attaches through OutgoingMail with its method", arguments: [CalendarInvite.Method.request, .cancel])
    func attachesThroughOutgoingMail(_ method: CalendarInvite.Method) throws {
        let invite = ICalendarTests.invite(method)
        let mail = OutgoingMail(from: MailAddress(name: "CareDesk", address: "desk@clinic.example"),
                                to: [MailAddress(address: "anna@example.org")], subject: "Your appointment",
                                messageID: "desk.ics@clinic.example", date: ICalendarTests.stamp,
                                text: "See the attached invitation.\n", attachments: [invite.attachment])
        let data = mail.render(lineEnding: "\r\n")
        let s = String(decoding: data, as: UTF8.self)
        // the full type survives the MIME writer (RFC 6047 wants the method parameter)
        #expect(s.contains("Content-Type: text/calendar; charset=utf-8; method=\(method.rawValue);"))
        #expect(s.contains("name=\"\(invite.fileName)\""))
        #expect(s.contains("Content-Disposition: attachment; filename=\"\(invite.fileName)\""))
        let m = MailMessage.parse(data)
        try #require(m.attachments.count == 1)
        #expect(m.attachments[0].contentType == "text/calendar")
        #expect(m.attachments[0].filename == invite.fileName)
        #expect(m.attachments[0].data == Data(invite.render().utf8))
    }

    // MARK: - a real parser (Python icalendar, scripts/validate-ics.py)

    struct Parsed: Decodable {
        struct Person: Decodable {
            var cn: String?
            var email: String
            var role: String?
            var partstat: String?
            var rsvp: String?
        }
        struct Alarm: Decodable {
            var action: String
            var triggerMinutes: Double?
        }
        var method: String?
        var prodid: String?
        var uid: String?
        var sequence: Int?
        var dtstamp: String?
        var dtstart: String?
        var dtend: String?
        var dtstartByVtimezone: String?
        var dtendByVtimezone: String?
        var tzid: String?
        var status: String?
        var organizer: Person?
        var attendees: [Person]
        var alarms: [Alarm]
        var summary: String?
        var location: String?
        var description: String?
        var problems: [String]
    }

    static let validator = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/validate-ics.py")

    /// Runs scripts/validate-ics.py on `ics`; nil (with a recorded issue) when it fails.
    static func validate(_ ics: String) throws -> Parsed? {
        let dir = TempDir()
        defer { dir.remove() }
        let file = dir.path + "/invite.ics"
        let errFile = dir.path + "/stderr"
        try Data(ics.utf8).write(to: URL(fileURLWithPath: file))
        try Data().write(to: URL(fileURLWithPath: errFile))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", validator.path, file]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errFile))
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
        switch process.terminationStatus {
        case 0:
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(Parsed.self, from: data)
        case 3:
            Issue.record("the Python module icalendar is missing (python3 -m pip install icalendar): \(err)")
        default:
            Issue.record("\(validator.path) exited \(process.terminationStatus): \(err)")
        }
        return nil
    }

    static func instant(_ iso: String?) -> Date? {
        iso.flatMap { ISO8601DateFormatter().date(from: $0) }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var method: CalendarInvite.Method
        var zone: TimeZone
        var start: Date
        var localStart: String                                              // as Python prints it
        var testDescription: String { "\(method) \(zone.identifier) \(localStart)" }
    }

    @Test("Python icalendar reads it back", arguments: [
        Case(method: .request, zone: ICalendarTests.kolkata, start: ICalendarTests.kolkataStart, localStart: "2026-03-03T10:00:00+05:30"),
        Case(method: .cancel, zone: ICalendarTests.kolkata, start: ICalendarTests.kolkataStart, localStart: "2026-03-03T10:00:00+05:30"),
        Case(method: .request, zone: ICalendarTests.london, start: ICalendarTests.londonStart, localStart: "2026-07-15T10:00:00+01:00"),
        Case(method: .request, zone: ICalendarTests.newYork, start: ICalendarTests.newYorkStart, localStart: "2026-01-20T10:00:00-05:00"),
    ])
    func pythonParser(_ c: Case) throws {
        var invite = ICalendarTests.invite(c.method, start: c.start, zone: c.zone, sequence: c.method == .cancel ? 1 : 0)
        invite.attendee.name = "Müller, Anna"
        guard let p = try ICalendarTests.validate(invite.render()) else { return }
        #expect(p.problems == [])
        #expect(p.method == c.method.rawValue)
        #expect(p.prodid == "-//CareDesk//Appointments//EN")
        #expect(p.uid == "appt-4711@clinic.example")
        #expect(p.sequence == (c.method == .cancel ? 1 : 0))
        #expect(p.tzid == c.zone.identifier)
        #expect(p.dtstart == c.localStart)
        #expect(p.dtstartByVtimezone == c.localStart)                       // our VTIMEZONE agrees with tzdata
        #expect(ICalendarTests.instant(p.dtstart) == c.start)
        #expect(ICalendarTests.instant(p.dtend) == c.start.addingTimeInterval(1800))
        #expect(ICalendarTests.instant(p.dtendByVtimezone) == c.start.addingTimeInterval(1800))
        #expect(ICalendarTests.instant(p.dtstamp) == ICalendarTests.stamp)
        #expect(p.status == (c.method == .cancel ? "CANCELLED" : "CONFIRMED"))
        #expect(p.organizer?.cn == "Dr Priya Rao")
        #expect(p.organizer?.email == "rao@clinic.example")
        #expect(p.attendees.count == 1)
        #expect(p.attendees.first?.cn == "Müller, Anna")
        #expect(p.attendees.first?.email == "anna@example.org")
        #expect(p.attendees.first?.role == "REQ-PARTICIPANT")
        #expect(p.attendees.first?.partstat == "NEEDS-ACTION")
        #expect(p.attendees.first?.rsvp == "FALSE")
        #expect(p.summary == "Dr Priya Rao – consultation")
        #expect(p.location == "Room 3, City Clinic")
        #expect(p.description == "Bring your reports.\nArrive 10 minutes early.")
        if c.method == .cancel {
            #expect(p.alarms.isEmpty)
        } else {
            #expect(p.alarms.count == 1)
            #expect(p.alarms.first?.action == "DISPLAY")
            #expect(p.alarms.first?.triggerMinutes == -30)
        }
    }

    @Test func pythonParserReadsHostileText() throws {
        let summary = String(repeating: "Grüße 🩺 ", count: 40) + "\r\nATTENDEE:mailto:evil@x; a,b\\c"
        var invite = ICalendarTests.invite(summary: summary)
        invite.attendee.name = "Evil\"\r\nATTENDEE:mailto:evil@x"
        guard let p = try ICalendarTests.validate(invite.render()) else { return }
        #expect(p.problems == [])
        #expect(p.summary == String(repeating: "Grüße 🩺 ", count: 40) + "\nATTENDEE:mailto:evil@x; a,b\\c")
        #expect(p.attendees.count == 1)
        #expect(p.attendees.first?.cn == "Evil  ATTENDEE:mailto:evil@x")
        #expect(p.attendees.first?.email == "anna@example.org")
    }
}
