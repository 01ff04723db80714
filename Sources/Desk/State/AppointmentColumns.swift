import Clinic
import Dispatch
import Store

/// The appointment columns of a snapshot, parsed side by side on every core and made into values in as
/// many slices: at a million appointments this is most of the time a store takes to open.
struct AppointmentColumns {
    private var refs: [String] = [], doctors: [String] = [], patients: [String] = [], statuses: [String] = []
    private var reasons: [String] = [], starts: [Int64] = [], ends: [Int64] = [], sequences: [Int64] = []
    private var historyCounts: [Int64] = [], at: [Int64] = [], by: [String] = [], what: [String] = []

    /// The columns: one value per appointment, or one per change in the appointments' histories.
    static let appointmentStrings = ["ref", "doctor", "patient", "status", "reason"]
    static let appointmentIntegers = ["start", "end", "sequence", "historyCount"]
    static let changeStrings = ["historyBy", "historyWhat"], changeIntegers = ["historyAt"]

    /// Parses the columns of `r`; `rows` and `changes` are how many values the snapshot says its appointment
    /// and history columns hold (0 if it does not say), so that each column is allocated once.
    init(_ r: ColumnarJSONReader, rows: Int, changes: Int) throws {
        let strings = Self.appointmentStrings.map { ($0, rows) } + Self.changeStrings.map { ($0, changes) }
        let integers = Self.appointmentIntegers.map { ($0, rows) } + Self.changeIntegers.map { ($0, changes) }
        let text = strings.map { _ in Outcome<[String]>() }, numbers = integers.map { _ in Outcome<[Int64]>() }
        DispatchQueue.concurrentPerform(iterations: strings.count + integers.count) { i in
            if i < strings.count {
                text[i].result = Result { try r.strings(strings[i].0, capacity: strings[i].1) }
            } else {
                let (key, capacity) = integers[i - strings.count]
                numbers[i - strings.count].result = Result { try r.integers(key, capacity: capacity) }
            }
        }
        let s = try text.map { try $0.value() }, n = try numbers.map { try $0.value() }
        (refs, doctors, patients, statuses, reasons, by, what) = (s[0], s[1], s[2], s[3], s[4], s[5], s[6])
        (starts, ends, sequences, historyCounts, at) = (n[0], n[1], n[2], n[3], n[4])
        let count = refs.count
        guard [doctors, patients, statuses, reasons].allSatisfy({ $0.count == count }),
              [starts, ends, sequences, historyCounts].allSatisfy({ $0.count == count }),
              at.count == by.count, by.count == what.count else {
            throw SnapshotProblem(description: "appointment columns differ in length")
        }
        guard historyCounts.allSatisfy({ $0 >= 0 && $0 <= at.count }), historyCounts.reduce(0, +) == at.count else {
            throw SnapshotProblem(description: "the history columns do not hold the changes the appointments count")
        }
    }

    /// The appointments, built in one slice per core directly into the array's storage.
    func appointments() throws -> [Appointment] {
        let n = refs.count
        // Not with no capacity: that is the shared empty array, whose count initialising writes (a race).
        guard n > 0 else { return [] }
        let slices = n >= 50_000 ? 2 : 1
        let bounds = (0...slices).map { n * $0 / slices }
        // Where each slice's changes start in the history columns.
        var firstChange = [0]
        for s in 0..<slices - 1 { firstChange.append(firstChange[s] + Int(historyCounts[bounds[s]..<bounds[s + 1]].reduce(0, +))) }
        let problems = (0..<slices).map { _ in Outcome<Void>() }
        let list = [Appointment](unsafeUninitializedCapacity: n) { buffer, initialized in
            nonisolated(unsafe) let storage = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { [firstChange] s in
                // Each slice initialises only its own range of elements.
                problems[s].result = Result { try fill(storage, bounds[s]..<bounds[s + 1], firstChange: firstChange[s]) }
            }
            initialized = n
        }
        for problem in problems { try problem.value() }
        return list
    }

    /// Initialises the elements in `range`, every one of them even when a row is bad (the array must be
    /// whole); the first problem is thrown at the end.
    private func fill(_ storage: UnsafeMutableBufferPointer<Appointment>, _ range: Range<Int>, firstChange: Int) throws {
        var h = firstChange
        var problem: SnapshotProblem?
        // Statuses come in long runs of one string, which the reader hands out as one value.
        var statusText = "", status = Appointment.Status.confirmed
        for i in range {
            if statuses[i] != statusText {
                if let known = Appointment.Status(rawValue: statuses[i]) {
                    (statusText, status) = (statuses[i], known)
                } else {
                    problem = problem ?? SnapshotProblem(description: "unknown appointment status \(statuses[i])")
                }
            }
            let changes = (h..<h + Int(historyCounts[i])).map { Appointment.Change(at: at[$0], by: by[$0], what: what[$0]) }
            h += changes.count
            (storage.baseAddress! + i).initialize(to: Appointment(
                ref: refs[i], doctorID: doctors[i], patientID: patients[i], start: starts[i], end: ends[i], status: status,
                reason: reasons[i].isEmpty ? nil : reasons[i], history: changes, sequence: Int(sequences[i])))
        }
        if let problem { throw problem }
    }

    /// Runs a restore's independent jobs on every core.
    static func concurrently(_ jobs: [@Sendable () -> Void]) {
        DispatchQueue.concurrentPerform(iterations: jobs.count) { jobs[$0]() }
    }
}

/// What one concurrent job produced: written by that job alone, read once all jobs have ended.
private final class Outcome<Value>: @unchecked Sendable {
    var result: Result<Value, any Error>?

    func value() throws -> Value { try result!.get() }
}
