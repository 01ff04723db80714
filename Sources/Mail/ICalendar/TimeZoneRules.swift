import Foundation

// RFC 5545 section 3.6.5 VTIMEZONE, derived from Foundation's time zone data: explicit
// STANDARD / DAYLIGHT observances (no RRULE) for every offset change in the years an event
// covers, plus the one in force when those years begin.

enum TimeZoneRules {
    struct Observance: Equatable {
        var daylight: Bool
        /// Onset as local wall-clock time in the offset before it ("from"), in seconds
        /// since 1970-01-01T00:00:00 of that wall clock.
        var onset: Int64
        var from: Int
        var to: Int
        var name: String?
    }

    /// Observances of `zone` covering every instant from January 1 of `first`'s year to
    /// December 31 of `last`'s year (years in the zone's local time). A zone without changes
    /// there gets one observance starting 1970-01-01T00:00:00 with the offset of that period.
    static func observances(_ zone: TimeZone, from first: Date, to last: Date) -> [Observance] {
        let firstYear = localYear(first, zone)
        let lastYear = max(localYear(last, zone), firstYear)
        // Every invite of a clinic names the same zone and nearly always the same year: the observances
        // (a walk through the zone's transitions and an ICU name lookup each) are worked out once.
        let key = ObservanceKey(zone: zone.identifier, firstYear: firstYear, lastYear: lastYear)
        if let known = observanceCache.withLock({ $0[key] }) { return known }
        let found = observances(zone, firstYear: firstYear, lastYear: lastYear)
        observanceCache.withLock { cache in
            if cache.count >= 64 { cache.removeAll() }
            cache[key] = found
        }
        return found
    }

    private struct ObservanceKey: Hashable {
        var zone: String
        var firstYear: Int64
        var lastYear: Int64
    }

    private static let observanceCache = LockedObservances()

    private final class LockedObservances: @unchecked Sendable {
        private let lock = NSLock()
        private var cache: [ObservanceKey: [Observance]] = [:]
        func withLock<T>(_ body: (inout [ObservanceKey: [Observance]]) -> T) -> T {
            lock.withLock { body(&cache) }
        }
    }

    private static func observances(_ zone: TimeZone, firstYear: Int64, lastYear: Int64) -> [Observance] {
        // Two days of margin either side absorb any UTC offset.
        let lower = Date(timeIntervalSince1970: Double(MailDate.days(year: firstYear, month: 1, day: 1) - 2) * 86_400)
        let upper = Date(timeIntervalSince1970: Double(MailDate.days(year: lastYear + 1, month: 1, day: 1) + 2) * 86_400)
        let lookBack = Date(timeIntervalSince1970: Double(MailDate.days(year: firstYear - 1, month: 1, day: 1)) * 86_400)

        var changes: [Date] = []
        var cursor = lookBack
        while changes.count < 200, let next = zone.nextDaylightSavingTimeTransition(after: cursor), next > cursor, next < upper {
            changes.append(next)
            cursor = next
        }
        // The last change before the covered years (it sets the offset they begin with), and all after.
        let firstInside = changes.firstIndex { $0 >= lower } ?? changes.count
        let kept = changes[max(0, firstInside - 1)...]

        var result: [Observance] = []
        if kept.first.map({ $0 >= lower }) ?? true {
            let offset = zone.secondsFromGMT(for: lower)
            result.append(Observance(daylight: zone.isDaylightSavingTime(for: lower), onset: 0, from: offset, to: offset,
                                     name: zone.abbreviation(for: lower)))
        }
        for change in kept {
            let from = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let to = zone.secondsFromGMT(for: change)
            result.append(Observance(daylight: zone.isDaylightSavingTime(for: change),
                                     onset: seconds(change) + Int64(from), from: from, to: to,
                                     name: zone.abbreviation(for: change)))
        }
        return result
    }

    /// Writes the VTIMEZONE component for `zone`.
    static func write(_ zone: TimeZone, from first: Date, to last: Date, into w: inout ContentLines) {
        w.line("BEGIN", "VTIMEZONE")
        w.line("TZID", ContentLines.text(zone.identifier))
        for o in observances(zone, from: first, to: last) {
            let kind = o.daylight ? "DAYLIGHT" : "STANDARD"
            w.line("BEGIN", kind)
            w.line("DTSTART", dateTime(o.onset))
            w.line("TZOFFSETFROM", offset(o.from))
            w.line("TZOFFSETTO", offset(o.to))
            if let name = o.name.map(ContentLines.text), !name.isEmpty { w.line("TZNAME", name) }
            w.line("END", kind)
        }
        w.line("END", "VTIMEZONE")
    }

    /// Whole seconds since 1970 (rounded down).
    static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    /// "YYYYMMDDTHHMMSS" of a wall-clock second count (add "Z" for UTC).
    static func dateTime(_ t: Int64) -> String {
        let days = MailDate.floorDiv(t, 86_400)
        let secs = t - days * 86_400
        let (y, m, d) = MailDate.civil(fromDays: days)
        return pad(y, 4) + pad(m, 2) + pad(d, 2) + "T" + pad(secs / 3600, 2) + pad(secs / 60 % 60, 2) + pad(secs % 60, 2)
    }

    /// "YYYYMMDDTHHMMSSZ".
    static func utc(_ date: Date) -> String {
        dateTime(seconds(date)) + "Z"
    }

    /// Local wall-clock time of `date` in `zone`, "YYYYMMDDTHHMMSS".
    static func local(_ date: Date, _ zone: TimeZone) -> String {
        dateTime(seconds(date) + Int64(zone.secondsFromGMT(for: date)))
    }

    /// True when the local time of `date` also names an earlier instant (the hour repeated
    /// when clocks go back). RFC 5545 section 3.3.5 reads such a local time as the first
    /// occurrence, so the second one has to be written in UTC.
    static func isSecondOccurrence(_ date: Date, _ zone: TimeZone) -> Bool {
        let t = seconds(date)
        let offset = zone.secondsFromGMT(for: date)
        let wall = t + Int64(offset)
        for other in [zone.secondsFromGMT(for: date.addingTimeInterval(-86_400)),
                      zone.secondsFromGMT(for: date.addingTimeInterval(86_400))] where other != offset {
            let instant = wall - Int64(other)
            if instant < t && zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))) == other { return true }
        }
        return false
    }

    /// "+0530", "-0500", "+0000"; seconds appended when not zero ("+005328").
    static func offset(_ seconds: Int) -> String {
        let a = Int64(abs(seconds))
        var s = (seconds < 0 ? "-" : "+") + pad(a / 3600, 2) + pad(a / 60 % 60, 2)
        if a % 60 != 0 { s += pad(a % 60, 2) }
        return s
    }

    private static func localYear(_ date: Date, _ zone: TimeZone) -> Int64 {
        let t = seconds(date) + Int64(zone.secondsFromGMT(for: date))
        return MailDate.civil(fromDays: MailDate.floorDiv(t, 86_400)).0
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
