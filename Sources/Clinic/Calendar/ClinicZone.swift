import Foundation

/// Converts between UTC instants and the clinic's wall clock. Instants are whole seconds since 1970 (UTC).
/// Built once per clinic; conversions go through Foundation's TimeZone, which knows the zone's rules.
public struct ClinicZone: Sendable {
    public let timeZone: TimeZone
    /// The zone's offset from UTC when it has kept one offset since 2000 (Asia/Kolkata): conversions are then
    /// plain arithmetic, which matters when a store of a million appointments is indexed at open.
    let fixedOffset: Int64?

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
        let since2000 = Date(timeIntervalSince1970: 946_684_800)
        fixedOffset = zone.nextDaylightSavingTimeTransition(after: since2000) == nil
            ? Int64(zone.secondsFromGMT(for: since2000)) : nil
    }

    /// The instant at which `time` on `date` happens in the clinic.
    public func instant(_ date: LocalDate, _ time: TimeOfDay) -> Int64 {
        let localSeconds = Int64(date.dayNumber) * 86_400 + Int64(time.minutes) * 60
        if let fixedOffset { return localSeconds - fixedOffset }
        // Offset at the guessed instant, then corrected once for a change of offset in between.
        var offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(localSeconds))))
        let corrected = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(localSeconds - offset))))
        if corrected != offset { offset = corrected }
        return localSeconds - offset
    }

    /// The clinic's day and time at `instant`.
    public func local(_ instant: Int64) -> (date: LocalDate, time: TimeOfDay) {
        let local = localSeconds(instant)
        let day = Self.dayNumber(localSeconds: local)
        let seconds = Int(local - Int64(day) * 86_400)
        return (LocalDate(dayNumber: day), TimeOfDay(minutes: seconds / 60))
    }

    /// The day number (days since 1970-01-01) of the clinic's day at `instant`, without building the date.
    func dayNumber(_ instant: Int64) -> Int { Self.dayNumber(localSeconds: localSeconds(instant)) }

    private func localSeconds(_ instant: Int64) -> Int64 {
        instant + (fixedOffset ?? Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant)))))
    }

    private static func dayNumber(localSeconds local: Int64) -> Int {
        Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The zone's short name at `instant` ("IST"), falling back to the UTC offset ("UTC+05:30").
    public func abbreviation(at instant: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(instant))
        if let known = Self.fixedNames[timeZone.identifier] { return known }
        if let abbreviation = timeZone.abbreviation(for: date), !abbreviation.hasPrefix("GMT") { return abbreviation }
        let offset = timeZone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        let h = abs(offset) / 60, m = abs(offset) % 60
        return offset == 0 ? "UTC" : "UTC\(sign)\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// Names of zones without summer time that Foundation on Linux does not abbreviate.
    static let fixedNames: [String: String] = [
        "Asia/Kolkata": "IST", "Asia/Calcutta": "IST", "Asia/Karachi": "PKT", "Asia/Dhaka": "BST",
        "Asia/Kathmandu": "NPT", "Asia/Dubai": "GST", "Asia/Singapore": "SGT", "Asia/Colombo": "IST",
        "UTC": "UTC", "Etc/UTC": "UTC",
    ]
}
