import Foundation

/// One appointment as an iCalendar object (RFC 5545) for iTIP scheduling (RFC 5546): a
/// VCALENDAR with METHOD:REQUEST (book or change) or METHOD:CANCEL, the VTIMEZONE of the
/// appointment's zone and one VEVENT.
///
/// For a change or a cancellation, send the same `uid` with a higher `sequence` and a newer
/// `stamp`; calendar programs ignore messages whose SEQUENCE is lower than the one they have.
public struct CalendarInvite: Sendable {
    public enum Method: String, Sendable, Hashable {
        case request = "REQUEST"
        case cancel = "CANCEL"
    }

    public var method: Method
    /// Stable identifier of the appointment, e.g. "appt-4711@clinic.example".
    public var uid: String
    /// Revision number, 0 first; negative values are written as 0.
    public var sequence: Int
    /// When this revision was created (DTSTAMP, written in UTC).
    public var stamp: Date
    public var start: Date
    /// Should be later than `start` (RFC 5545 requires it); written as given.
    public var end: Date
    /// Zone DTSTART and DTEND are written in, e.g. TimeZone(identifier: "Asia/Kolkata").
    public var timeZone: TimeZone
    public var summary: String
    /// Omitted from the output when empty.
    public var location: String
    /// Omitted from the output when empty.
    public var description: String
    public var organizer: (name: String, email: String)
    public var attendee: (name: String?, email: String)
    /// A display reminder this many minutes before the start (requests only); nil for none.
    public var alarmMinutesBefore: Int?

    public init(method: Method = .request, uid: String, sequence: Int = 0, stamp: Date,
                start: Date, end: Date, timeZone: TimeZone, summary: String, location: String = "",
                description: String = "", organizer: (name: String, email: String),
                attendee: (name: String?, email: String), alarmMinutesBefore: Int? = nil) {
        self.method = method
        self.uid = uid
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.summary = summary
        self.location = location
        self.description = description
        self.organizer = organizer
        self.attendee = attendee
        self.alarmMinutesBefore = alarmMinutesBefore
    }

    /// The iCalendar text: CRLF line ends (the last line included), lines folded at 75
    /// octets. Every text from the fields is escaped, so none of them can add a line or a
    /// property. DTSTART/DTEND are local times with TZID; only a time in the hour repeated
    /// when clocks go back (second pass) is written in UTC, as a local time would name the
    /// first pass.
    public func render() -> String {
        var w = ContentLines()
        w.line("BEGIN", "VCALENDAR")
        w.line("PRODID", "-//CareDesk//Appointments//EN")
        w.line("VERSION", "2.0")
        w.line("CALSCALE", "GREGORIAN")
        w.line("METHOD", method.rawValue)
        TimeZoneRules.write(timeZone, from: min(start, end), to: max(start, end), into: &w)

        w.line("BEGIN", "VEVENT")
        w.line("UID", ContentLines.text(uid))
        w.line("SEQUENCE", String(max(0, sequence)))
        w.line("DTSTAMP", TimeZoneRules.utc(stamp))
        dateTime("DTSTART", start, into: &w)
        dateTime("DTEND", end, into: &w)
        w.line("SUMMARY", ContentLines.text(summary))
        if !location.isEmpty { w.line("LOCATION", ContentLines.text(location)) }
        if !description.isEmpty { w.line("DESCRIPTION", ContentLines.text(description)) }
        w.line("ORGANIZER", ContentLines.paramValue(organizer.name).map { [("CN", $0)] } ?? [],
               ContentLines.calAddress(organizer.email))
        var params: [(String, String)] = []
        if let cn = attendee.name.flatMap(ContentLines.paramValue) { params.append(("CN", cn)) }
        params += [("ROLE", "REQ-PARTICIPANT"), ("PARTSTAT", "NEEDS-ACTION"), ("RSVP", "FALSE")]
        w.line("ATTENDEE", params, ContentLines.calAddress(attendee.email))
        w.line("STATUS", method == .cancel ? "CANCELLED" : "CONFIRMED")
        w.line("TRANSP", "OPAQUE")
        if method == .request, let minutes = alarmMinutesBefore {
            w.line("BEGIN", "VALARM")
            w.line("ACTION", "DISPLAY")
            // a negative lead time means after the start
            w.line("TRIGGER", (minutes < 0 ? "PT" : "-PT") + String(minutes.magnitude) + "M")
            w.line("DESCRIPTION", ContentLines.text(summary.isEmpty ? "Reminder" : summary))
            w.line("END", "VALARM")
        }
        w.line("END", "VEVENT")
        w.line("END", "VCALENDAR")
        return String(decoding: w.out, as: UTF8.self)
    }

    private func dateTime(_ name: String, _ date: Date, into w: inout ContentLines) {
        if TimeZoneRules.isSecondOccurrence(date, timeZone) {
            w.line(name, TimeZoneRules.utc(date))
        } else {
            w.line(name, [("TZID", ContentLines.paramValue(timeZone.identifier) ?? "UTC")],
                   TimeZoneRules.local(date, timeZone))
        }
    }
}
