/// Every appointment the clinic holds, looked up by reference. The appointments sit in rows, in the order
/// they were added (appointments are never removed: a cancelled one keeps its row), and the clinic's other
/// indexes name rows rather than references. Restoring a million appointments from a snapshot takes over
/// the array they were read into and only indexes it; a `Dictionary` keyed by reference would copy every
/// appointment into a table twice their size and hash every reference with a seeded hash.
public struct Appointments: Sendable, Equatable {
    /// The appointments, in the order they were added.
    public private(set) var values: [Appointment] = []
    private var index = RefIndex()

    init() {}

    /// Takes over `rows` (an appointment per row) and indexes their references.
    init(rows: [Appointment]) throws(ClinicState.InvalidClinic) {
        var duplicate: Int?
        index = RefIndex(rows: rows.count, hashAt: { RefIndex.hash(rows[$0].ref) }, refAt: { rows[$0].ref }, duplicate: &duplicate)
        if let duplicate { throw ClinicState.InvalidClinic(description: "two appointments have the reference \(rows[duplicate].ref)") }
        values = rows
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    public subscript(ref: String) -> Appointment? { row(of: ref).map { values[$0] } }

    /// The row holding the appointment `ref`.
    func row(of ref: String) -> Int? {
        index.row(of: ref, hash: RefIndex.hash(ref)) { values[$0].ref }
    }

    subscript(row row: Int32) -> Appointment { values[Int(row)] }

    /// Runs `body` over the held appointments where they are. Reading a field of `values[i]` copies the whole
    /// appointment first (its strings retained and released) — a cost per appointment a patient or a doctor's
    /// day holds, which grows with the store; a field read through the buffer copies nothing.
    func reading<R>(_ body: (UnsafeBufferPointer<Appointment>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer(body)
    }

    /// Adds an appointment whose reference is not held yet; returns its row.
    mutating func add(_ appointment: Appointment) -> Int32 {
        let row = values.count
        index.add(row: row, hash: RefIndex.hash(appointment.ref))
        values.append(appointment)
        return Int32(row)
    }

    /// Removes the appointments in `rows` (a month that closed) and returns them; the rest keep their order in
    /// new rows, so every index naming rows must be built again.
    mutating func remove(rows: Set<Int32>) -> [Appointment] {
        var kept: [Appointment] = [], removed: [Appointment] = []
        kept.reserveCapacity(values.count - rows.count)
        for (row, appointment) in values.enumerated() {
            if rows.contains(Int32(row)) { removed.append(appointment) } else { kept.append(appointment) }
        }
        var duplicate: Int?  // none: the references were unique before
        index = RefIndex(rows: kept.count, hashAt: { RefIndex.hash(kept[$0].ref) }, refAt: { kept[$0].ref }, duplicate: &duplicate)
        values = kept
        return removed
    }

    /// Replaces the appointment in `row` by a later version of it (same reference).
    mutating func update(_ row: Int32, to appointment: Appointment) {
        values[Int(row)] = appointment
    }

    /// The same appointments, whatever order they were added in.
    public static func == (a: Appointments, b: Appointments) -> Bool {
        a.count == b.count && a.values.allSatisfy { b[$0.ref] == $0 }
    }
}
