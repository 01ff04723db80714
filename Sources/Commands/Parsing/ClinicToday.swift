import Clinic

/// Today's date and time in the clinic, worked out from the instant on first use only
/// (most lines name no day, and the zone lookup is the dearest step of a read).
struct ClinicToday {
    let instant: Int64
    let zone: ClinicZone
    private var cached: (date: LocalDate, time: TimeOfDay)? = nil

    init(instant: Int64, zone: ClinicZone) {
        self.instant = instant
        self.zone = zone
    }

    mutating func now() -> (date: LocalDate, time: TimeOfDay) {
        if let cached { return cached }
        let local = zone.local(instant)
        cached = local
        return local
    }
}
