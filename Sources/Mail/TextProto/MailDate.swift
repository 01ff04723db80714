import Foundation

// RFC 5322 section 3.3 date-time, parsed and formatted by hand (DateFormatter is far too
// slow for the per-message budget and locale-dependent).

public enum MailDate {
    /// Parses an RFC 5322 date ("Mon, 2 Mar 2026 10:00:00 +0100 (CET)"), tolerating the
    /// obsolete forms: missing weekday or seconds, 2- and 3-digit years, named zones (UT, GMT,
    /// EST/EDT, CST/CDT, MST/MDT, PST/PDT, military letters taken as +0000), comments, extra
    /// whitespace, "+01:00" zones and the asctime order ("Mon Mar  2 10:00:00 2026").
    public static func parse(_ s: String) -> Date? {
        var t = DateTokens()
        s.withBytes { t.scan($0) }
        return t.date()
    }

    /// "Mon, 02 Mar 2026 10:00:00 +0000", in `timeZone` (default UTC).
    public static func format(_ date: Date, timeZone: TimeZone? = nil) -> String {
        let offset = timeZone?.secondsFromGMT(for: date) ?? 0
        let t = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(offset)
        let days = floorDiv(t, 86_400)
        let secs = t - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        let weekday = Int((days % 7 + 11) % 7)            // 1970-01-01 was a Thursday
        let wd = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][weekday]
        let mon = months[Int(m) - 1]
        let sign = offset < 0 ? "-" : "+"
        let off = abs(offset) / 60
        return "\(wd), \(pad(d)) \(mon) \(y) \(pad(secs / 3600)):\(pad(secs / 60 % 60)):\(pad(secs % 60)) "
            + "\(sign)\(pad(Int64(off / 60)))\(pad(Int64(off % 60)))"
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func pad(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// Classifies the tokens of a date string in any order.
private struct DateTokens {
    var day: Int64?, month: Int64?, year: Int64?
    var hour: Int64?, minute: Int64 = 0, second: Int64 = 0
    var zone: Int64 = 0                                    // seconds east of UTC

    mutating func scan(_ b: Bytes) {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x28 { i = AddressLexer.skipComment(b, i); continue }
            if ASCII.isSpace(c) || c == 0x2C { i += 1; continue }
            var j = i + 1
            while j < b.count, !ASCII.isSpace(b[j]), b[j] != 0x2C, b[j] != 0x28 { j += 1 }
            token(b[i..<j])
            i = j
        }
    }

    mutating func token(_ t: Slice<Bytes>) {
        guard let f = t.first, t.count <= 32 else { return }
        let s = t.startIndex, e = t.endIndex
        if (f == 0x2B || f == 0x2D), t.count >= 3, hour != nil {          // +hhmm / -hh:mm
            var v: Int64 = 0, digits = 0
            for c in t[(s + 1)...] where c != 0x3A {
                // More than four digits is no zone offset; stopping here also keeps `v` from overflowing.
                guard ASCII.isDigit(c), digits < 4 else { return }
                v = v * 10 + Int64(c - 0x30)
                digits += 1
            }
            guard digits == 4 else { return }
            let secs = (v / 100) * 3600 + (v % 100) * 60
            zone = f == 0x2D ? -secs : secs
        } else if ASCII.isDigit(f) {
            if t.contains(0x3A) { time(t); return }
            guard let v = number(t) else { return }
            if day == nil && t.count <= 2 && year == nil { day = v } else if year == nil { year = fixYear(v, digits: t.count) }
        } else if ASCII.isAlpha(f) {
            guard t.allSatisfy(ASCII.isAlpha) else { return }
            var key: UInt32 = 0
            for c in t[s..<min(s + 4, e)] { key = key << 8 | UInt32(ASCII.lower(c)) }
            if t.count >= 3 && month == nil {
                let k3 = t.count == 3 ? key : key >> 8
                if let m = DateTokens.monthKeys.firstIndex(of: k3) { month = Int64(m + 1); return }
            }
            if t.count <= 3, let z = DateTokens.namedZone(key, length: t.count) { zone = z }
        }
    }

    /// "hh:mm" or "hh:mm:ss".
    mutating func time(_ t: Slice<Bytes>) {
        var v: (Int64, Int64, Int64) = (0, 0, 0)
        var n = 0, digits = 0
        for c in t {
            if c == 0x3A {
                guard digits > 0, n < 2 else { return }
                n += 1
                digits = 0
            } else {
                guard ASCII.isDigit(c), digits < 2 else { return }
                let d = Int64(c - 0x30)
                switch n {
                case 0: v.0 = v.0 * 10 + d
                case 1: v.1 = v.1 * 10 + d
                default: v.2 = v.2 * 10 + d
                }
                digits += 1
            }
        }
        guard n >= 1, digits > 0 else { return }
        (hour, minute, second) = (v.0, v.1, v.2)
    }

    static let monthKeys: [UInt32] = MailDate.months.map { m in
        m.utf8.reduce(0) { $0 << 8 | UInt32(ASCII.lower($1)) }
    }

    func number<C: Collection>(_ t: C) -> Int64? where C.Element == UInt8 {
        guard t.count <= 9 else { return nil }
        var v: Int64 = 0
        for c in t { guard ASCII.isDigit(c) else { return nil }; v = v * 10 + Int64(c - 0x30) }
        return v
    }

    func fixYear(_ y: Int64, digits: Int) -> Int64 {
        if digits <= 2 { return y < 50 ? 2000 + y : 1900 + y }
        if digits == 3 { return 1900 + y }
        return y
    }

    /// Obsolete zone names (RFC 5322 section 4.3), `key` being the lowercased letters packed
    /// into an integer. Single military letters count as -0000 (their meaning was garbled).
    static func namedZone(_ key: UInt32, length: Int) -> Int64? {
        func k(_ s: StaticString) -> UInt32 {
            var v: UInt32 = 0
            s.withUTF8Buffer { for c in $0 { v = v << 8 | UInt32(c) } }
            return v
        }
        if length == 1 { return 0 }
        switch key {
        case k("ut"), k("utc"), k("gmt"): return 0
        case k("edt"): return -4 * 3600
        case k("est"), k("cdt"): return -5 * 3600
        case k("cst"), k("mdt"): return -6 * 3600
        case k("mst"), k("pdt"): return -7 * 3600
        case k("pst"): return -8 * 3600
        default: return nil
        }
    }

    func date() -> Date? {
        guard let day, let month, let year, let hour,
              (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second), (1...9999).contains(year) else { return nil }
        let d = MailDate.days(year: year, month: month, day: day)
        let t = d * 86_400 + hour * 3600 + minute * 60 + second - zone
        return Date(timeIntervalSince1970: TimeInterval(t))
    }
}
