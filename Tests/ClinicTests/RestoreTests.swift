import Dispatch
import Testing
@testable import Clinic

/// Restoring from records (a snapshot) must give the state that applying the events gave: the same
/// appointments and the same answers from every index, whichever order the records come in.
@Suite struct RestoreTests {
    let patientIDs = ["P1", "P2", "P3", "P4"]

    /// Appointments over several days and doctors, some cancelled and some moved, built through events.
    func replayed() -> ClinicState {
        var state = SampleClinic.state()
        for (i, id) in patientIDs.enumerated() {
            state.apply(.patientRegistered(Patient(id: id, name: "Patient \(i)", email: "p\(i)@example.in", phone: nil,
                                                   registeredAt: SampleClinic.now, pendingCode: nil)))
        }
        var random = SeededGenerator(seed: 11)
        var refs: [String] = []
        for n in 0..<300 {
            let doctor = SampleClinic.doctors[n % 3]
            let start = SampleClinic.now + Int64(n / 3) * 86_400 + Int64(n % 7) * 1_800
            let ref = Reference.make(isUsed: { state.appointments[$0] != nil }, random: &random)
            refs.append(ref)
            state.apply(.booked(Appointment(ref: ref, doctorID: doctor.id, patientID: patientIDs[n % 4], start: start,
                                            end: start + Int64(doctor.slotMinutes) * 60, reason: n % 5 == 0 ? "fever" : nil,
                                            bookedAt: SampleClinic.now, bookedBy: patientIDs[n % 4])))
        }
        for ref in refs.prefix(40) {
            state.apply(.cancelled(ref: ref, status: .cancelledByPatient, at: SampleClinic.now + 60, by: "P1", reason: nil))
        }
        for ref in refs.suffix(30) {
            let old = state.appointments[ref]!
            state.apply(.rescheduled(ref: ref, start: old.start + 3 * 86_400, end: old.end + 3 * 86_400, at: SampleClinic.now + 90, by: "P2"))
        }
        return state
    }

    func restored(from state: ClinicState, order: (Appointment, Appointment) -> Bool,
                  concurrently: ((_ jobs: [@Sendable () -> Void]) -> Void)? = nil) throws -> ClinicState {
        try ClinicState(info: state.info, doctors: state.doctors, patients: Array(state.patients.values),
                        appointments: state.appointments.values.sorted(by: order), nextPatientNumber: state.nextPatientNumber,
                        concurrently: concurrently)
    }

    func expectSameAnswers(_ a: ClinicState, _ b: ClinicState) {
        #expect(a.appointments == b.appointments)
        #expect(a.appointments.count == 300)
        for ref in a.appointments.values.map(\.ref) { #expect(b.appointment(ref: ref) == a.appointment(ref: ref)) }
        for doctor in SampleClinic.doctors {
            for offset in -1..<110 {
                let day = SampleClinic.monday.adding(days: offset)
                let byRef = { (x: Appointment, y: Appointment) in x.ref < y.ref }
                #expect(a.appointments(doctorID: doctor.id, on: day).sorted(by: byRef) == b.appointments(doctorID: doctor.id, on: day).sorted(by: byRef))
            }
        }
        for id in patientIDs {
            #expect(a.upcoming(patientID: id, now: SampleClinic.now) == b.upcoming(patientID: id, now: SampleClinic.now))
        }
    }

    @Test func restoringGivesTheStateTheEventsGave() throws {
        let state = replayed()
        expectSameAnswers(state, try restored(from: state) { ($0.doctorID, $0.start, $0.ref) < ($1.doctorID, $1.start, $1.ref) })
        expectSameAnswers(state, try restored(from: state) { $0.ref > $1.ref })
    }

    @Test func restoreJobsMayRunTogether() throws {
        let state = replayed()
        let again = try restored(from: state, order: { $0.start < $1.start }) { jobs in
            DispatchQueue.concurrentPerform(iterations: jobs.count) { jobs[jobs.count - 1 - $0]() }
        }
        expectSameAnswers(state, again)
    }

    @Test func aRestoredStateTakesNewBookingsAndChanges() throws {
        var state = replayed()
        var again = try restored(from: state) { $0.ref < $1.ref }
        let extra = Appointment(ref: "ZZ22Z", doctorID: "iyer", patientID: "P3", start: SampleClinic.now + 86_400 + 3_600,
                                end: SampleClinic.now + 86_400 + 4_800, reason: nil, bookedAt: SampleClinic.now, bookedBy: "P3")
        let moved = state.appointments.values[100].ref
        for event: ClinicEvent in [.booked(extra), .rescheduled(ref: moved, start: extra.start, end: extra.end, at: SampleClinic.now, by: "P4")] {
            state.apply(event)
            again.apply(event)
        }
        #expect(again.appointments.count == 301)
        #expect(again.appointments == state.appointments)
        #expect(again.appointments(doctorID: "iyer", on: SampleClinic.tuesday).map(\.ref).contains("ZZ22Z"))
        for id in patientIDs {
            #expect(again.upcoming(patientID: id, now: SampleClinic.now) == state.upcoming(patientID: id, now: SampleClinic.now))
        }
    }

    @Test func bookingAReferenceAgainReplacesIt() {
        var state = replayed()
        var first = state.appointments.values[7]
        first.reason = "again"
        state.apply(.booked(first))
        #expect(state.appointments.count == 300)
        #expect(state.appointment(ref: first.ref)?.reason == "again")
        let day = state.zone.local(first.start).date
        #expect(state.appointments(doctorID: first.doctorID, on: day).filter { $0.ref == first.ref }.count == 1)
    }

    @Test func twoAppointmentsWithOneReferenceAreRefused() throws {
        let state = replayed()
        var rows = state.appointments.values
        rows.append(rows[5])
        #expect(throws: ClinicState.InvalidClinic.self) {
            _ = try ClinicState(info: state.info, doctors: state.doctors, patients: Array(state.patients.values),
                                appointments: rows, nextPatientNumber: 1)
        }
    }

    @Test func everyReferenceIsFoundHoweverTheTableGrew() throws {
        var random = SeededGenerator(seed: 5)
        var grown = Appointments()
        var refs: Set<String> = []
        for n in 0..<5_000 {
            let ref = n % 3 == 0 ? "R\(n)" : Reference.make(isUsed: { refs.contains($0) }, random: &random)
            refs.insert(ref)
            _ = grown.add(Appointment(ref: ref, doctorID: "rao", patientID: "P1", start: Int64(n), end: Int64(n) + 60,
                                      reason: nil, bookedAt: 0, bookedBy: "P1"))
        }
        let bulk = try Appointments(rows: grown.values.reversed())
        for ref in refs {
            #expect(grown[ref]?.ref == ref)
            #expect(bulk[ref]?.ref == ref)
        }
        #expect(grown == bulk)
        #expect(grown["NOPE2"] == nil && bulk["NOPE2"] == nil && bulk[""] == nil)
    }
}
