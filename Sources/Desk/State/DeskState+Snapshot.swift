import Clinic
import Foundation
import Store

/// The snapshot in columns: appointments (the bulk of a large store) as parallel arrays that the store's
/// columnar reader parses without JSONDecoder, so a store holding a million appointments opens in about a
/// second. The small, irregular parts (clinic, patients, outbox) stay ordinary JSON values.
extension DeskState {
    public func snapshotData() throws -> Data {
        var w = ColumnarJSONWriter()
        guard let clinic else {
            try w.write("empty", value: true)
            return w.data()
        }
        try w.write("setup", value: ClinicSetup(clinic: clinic.info, doctors: clinic.doctors))
        try w.write("patients", value: clinic.patients.values.sorted { $0.id < $1.id })
        w.write("nextPatientNumber", integers: [Int64(clinic.nextPatientNumber)])
        try w.write("earnings", value: clinic.earnings)
        try w.write("ratings", value: RatingsMemory(doctors: clinic.doctorRatings, patients: clinic.patientRatings))
        try w.write("requests", value: clinic.doctorRequests)
        try w.write("contactTimes", value: clinic.contactTimes)
        if !clinic.payments.isEmpty { try w.write("payments", value: clinic.payments) }
        if !clinic.dues.isEmpty { try w.write("dues", value: clinic.dues) }
        if !clinic.closedMonths.isEmpty {
            try w.write("closedMonths", value: ClosedMonthsMemory(months: clinic.closedMonths.values.sorted { $0.month < $1.month },
                                                                  pastVisits: clinic.pastVisits.mapValues { $0.sorted() }))
        }
        if !clinic.waitlist.isEmpty || !clinic.offers.isEmpty {
            try w.write("waitlist", value: WaitlistMemory(waits: clinic.waitlist, offers: clinic.offers.values.sorted { $0.code < $1.code }))
        }
        if !shelvesToScrub.isEmpty { w.write("shelvesToScrub", strings: shelvesToScrub.sorted()) }
        // Each doctor's appointments together, in time order: the doctor column then holds long runs of
        // one value, and the restore indexes a doctor's day from consecutive rows.
        let list = clinic.appointments.values.sorted {
            ($0.doctorID, $0.start, $0.ref) < ($1.doctorID, $1.start, $1.ref)
        }
        let changeCount = list.reduce(0) { $0 + $1.history.count }
        w.write("rowCounts", integers: [Int64(list.count), Int64(changeCount)])
        w.write("ref", count: list.count) { list[$0].ref }
        w.write("doctor", count: list.count) { list[$0].doctorID }
        w.write("patient", count: list.count) { list[$0].patientID }
        w.write("start", count: list.count) { list[$0].start }
        w.write("end", count: list.count) { list[$0].end }
        w.write("status", count: list.count) { list[$0].status.rawValue }
        w.write("reason", count: list.count) { list[$0].reason ?? "" }
        w.write("sequence", count: list.count) { Int64(list[$0].sequence) }
        let changes = list.map(\.history)
        w.write("historyCount", count: list.count) { Int64(changes[$0].count) }
        let flat = changes.flatMap { $0 }
        w.write("historyAt", count: flat.count) { flat[$0].at }
        w.write("historyBy", count: flat.count) { flat[$0].by }
        w.write("historyWhat", count: flat.count) { flat[$0].what }
        w.write("handled", strings: handled.sorted())
        if !handledBefore.isEmpty { w.write("handledBefore", strings: handledBefore.sorted()) }
        if let handledSince { w.write("handledSince", integers: [handledSince]) }
        try w.write("outbox", value: outbox.values.sorted { $0.id < $1.id })
        try w.write("holds", value: holds.values.sorted { $0.key < $1.key })
        if let bounceKey { w.write("bounceKey", strings: [bounceKey]) }
        if !allowance.senders.isEmpty { try w.write("allowance", value: allowance.senders) }
        try w.write("delivery", value: DeliveryMemory(undeliverable: undeliverable.sorted(),
                                                      // a reminder matters only while its appointment is still on
                                                      reminded: reminded.filter { clinic.appointments[String($0.key.prefix { $0 != "." })]?.isActive == true },
                                                      lastFailureSummaryAt: lastFailureSummaryAt, lastMonthReported: lastMonthReported,
                                                      smsOptedOut: smsOptedOut.sorted(), disabledEndpoints: disabledEndpoints.sorted()))
        return w.data()
    }

    public init(snapshotData: Data) throws {
        self.init()
        let r = try ColumnarJSONReader(snapshotData)
        guard r.contains("setup") else { return }
        let setup = try r.value(ClinicSetup.self, "setup")
        // How many values the columns hold, when the snapshot says; trusted only as far as the data could hold.
        let counts = r.contains("rowCounts") ? try r.integers("rowCounts") : []
        func count(_ i: Int) -> Int { counts.count == 2 ? Int(min(max(counts[i], 0), Int64(snapshotData.count / 2))) : 0 }
        let appointments = try AppointmentColumns(r, rows: count(0), changes: count(1)).appointments()
        clinic = try ClinicState(info: setup.clinic, doctors: setup.doctors, patients: try r.value([Patient].self, "patients"),
                                 appointments: appointments, nextPatientNumber: Int(try r.integers("nextPatientNumber").first ?? 1),
                                 concurrently: AppointmentColumns.concurrently)
        if r.contains("earnings") { clinic?.restore(earnings: try r.value([String: [EarningEntry]].self, "earnings")) }
        if r.contains("ratings") {
            let ratings = try r.value(RatingsMemory.self, "ratings")
            clinic?.restore(doctorRatings: ratings.doctors, patientRatings: ratings.patients)
        }
        if r.contains("requests") { clinic?.restore(doctorRequests: try r.value([DoctorRequest].self, "requests")) }
        if r.contains("contactTimes") { clinic?.restore(contactTimes: try r.value([String: [Int64]].self, "contactTimes")) }
        if r.contains("payments") { clinic?.restore(payments: try r.value([String: AppointmentPayment].self, "payments")) }
        if r.contains("dues") { clinic?.restore(dues: try r.value([String: PaymentDue].self, "dues")) }
        if r.contains("closedMonths") {
            let closed = try r.value(ClosedMonthsMemory.self, "closedMonths")
            clinic?.restore(closedMonths: closed.months, pastVisits: closed.pastVisits.mapValues(Set.init))
        }
        if r.contains("waitlist") {
            let kept = try r.value(WaitlistMemory.self, "waitlist")
            clinic?.restore(waitlist: kept.waits, offers: kept.offers)
        }
        if r.contains("shelvesToScrub") { shelvesToScrub = Set(try r.strings("shelvesToScrub")) }
        handled = Set(try r.strings("handled"))
        if r.contains("handledBefore") { handledBefore = Set(try r.strings("handledBefore")) }
        if r.contains("handledSince") { handledSince = try r.integers("handledSince").first }
        for message in try r.value([OutboxMessage].self, "outbox") { outbox[message.id] = message }
        if r.contains("bounceKey") { bounceKey = try r.strings("bounceKey").first }
        if r.contains("allowance") { allowance = HourlyAllowance(senders: try r.value([String: SenderHour].self, "allowance")) }
        if r.contains("holds") { for hold in try r.value([HeldCommands].self, "holds") { holds[hold.key] = hold } }
        if r.contains("delivery") {
            let memory = try r.value(DeliveryMemory.self, "delivery")
            undeliverable = Set(memory.undeliverable)
            reminded = memory.reminded
            lastFailureSummaryAt = memory.lastFailureSummaryAt
            lastMonthReported = memory.lastMonthReported
            smsOptedOut = Set(memory.smsOptedOut ?? [])
            disabledEndpoints = Set(memory.disabledEndpoints ?? [])
        }
    }
}

/// The ratings the snapshot keeps: patients' of doctors, doctors' of appointments' patients.
struct RatingsMemory: Codable {
    var doctors: [String: [String: Rating]]
    var patients: [String: Rating]
}

/// The closed months' books and the visits they leave RATE DR to know of.
struct ClosedMonthsMemory: Codable {
    var months: [ClosedMonth]
    var pastVisits: [String: [String]]
}

/// Who waits for which doctor, and the offers held for them.
struct WaitlistMemory: Codable {
    var waits: [WaitEntry]
    var offers: [SlotOffer]
}

/// What the snapshot keeps about delivery besides the outbox itself.
struct DeliveryMemory: Codable {
    var undeliverable: [String]
    var reminded: [String: Int]
    var lastFailureSummaryAt: Int64
    var lastMonthReported: String?
    var smsOptedOut: [String]?
    var disabledEndpoints: [String]?
}

struct SnapshotProblem: Error, CustomStringConvertible {
    let description: String
}
