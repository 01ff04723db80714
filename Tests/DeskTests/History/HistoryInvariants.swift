import Clinic
@testable import Desk

/// What must hold after every step of any history, whoever wrote what: checked against the live state and
/// against what the previous step left (appointments only move forward).
struct HistoryInvariants {
    /// Each appointment as the previous check saw it.
    private var seen: [String: Appointment] = [:]

    /// The allowed moves of an appointment: a confirmed one may be cancelled (by either side), completed or
    /// marked a no-show; a doctor may correct DONE to NOSHOW and back; nothing leaves a cancellation.
    static func allowed(from old: Appointment.Status, to new: Appointment.Status) -> Bool {
        let marked: Set<Appointment.Status> = [.completed, .noShow]
        return old == new || old == .confirmed || (marked.contains(old) && marked.contains(new))
    }

    /// The broken rules, in words; empty when all hold. Remembers the appointments for the next check.
    mutating func check(_ state: DeskState, now: Int64) -> [String] {
        guard let clinic = state.clinic else { return ["the store lost the clinic"] }
        var broken: [String] = []
        let all = clinic.appointments.values

        // No doctor has two confirmed appointments that overlap.
        for (doctor, list) in Dictionary(grouping: all.filter(\.isActive), by: \.doctorID) {
            let sorted = list.sorted { $0.start < $1.start }
            for (first, second) in zip(sorted, sorted.dropFirst()) where second.start < first.end {
                broken.append("\(doctor) has \(first.ref) and \(second.ref) at once")
            }
        }

        // No patient beyond the clinic's cap on upcoming appointments.
        for (patient, list) in Dictionary(grouping: all.filter { $0.isActive && $0.start > now }, by: \.patientID)
        where list.count > clinic.info.maxUpcoming {
            broken.append("\(patient) holds \(list.count) upcoming appointments, more than \(clinic.info.maxUpcoming)")
        }

        // Every appointment belongs to a doctor and a patient on file.
        for appointment in all {
            if clinic.doctor(id: appointment.doctorID) == nil { broken.append("\(appointment.ref) names no doctor on file") }
            if clinic.patients[appointment.patientID] == nil { broken.append("\(appointment.ref) names no patient on file") }
        }

        // Each appointment moves only forward: allowed status changes, history kept and added to, times
        // changed only while confirmed, and gone only with its patient (erased).
        var current: [String: Appointment] = [:]
        for appointment in all {
            current[appointment.ref] = appointment
            guard let old = seen[appointment.ref] else { continue }
            if !Self.allowed(from: old.status, to: appointment.status) {
                broken.append("\(appointment.ref) went from \(old.status.rawValue) to \(appointment.status.rawValue)")
            }
            if appointment.history.count < old.history.count || Array(appointment.history.prefix(old.history.count)) != old.history {
                broken.append("\(appointment.ref) lost part of its history")
            }
            if !old.isActive, (old.start, old.end, old.doctorID) != (appointment.start, appointment.end, appointment.doctorID) {
                broken.append("\(appointment.ref) moved after it was \(old.status.rawValue)")
            }
            if old.patientID != appointment.patientID { broken.append("\(appointment.ref) changed patient") }
        }
        for (ref, old) in seen where current[ref] == nil && clinic.patients[old.patientID] != nil {
            broken.append("\(ref) vanished though its patient is on file")
        }
        seen = current

        // Every payment and every sum still owed is for an appointment that exists.
        for ref in clinic.dues.keys where clinic.appointments[ref] == nil { broken.append("a due names \(ref), which does not exist") }
        return broken
    }
}
