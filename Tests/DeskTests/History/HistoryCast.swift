import Clinic

/// Who writes in a random history: four patients on file (verified), four newcomers who may register, the
/// sample clinic's three doctors and its front desk.
enum HistoryCast {
    static let patients = (1...4).map { "p\($0)@example.in" }
    static let newcomers = (1...4).map { "n\($0)@example.in" }
    static let doctors = ["rao@kanchicare.example", "iyer@kanchicare.example", "kumar@kanchicare.example"]
    static let doctorNames = ["Dr Rao", "Dr Iyer", "Dr Kumar"]
    static let desk = "desk@kanchicare.example"
    static let everyone = patients + newcomers + doctors + [desk]

    /// A patient's address: mostly one on file, now and then a newcomer (whose BOOK must be refused).
    static func patient(_ n: Int) -> String { n < 13 ? patients[n % patients.count] : newcomers[n % newcomers.count] }
    static func newcomer(_ n: Int) -> String { newcomers[n % newcomers.count] }
    static func doctor(_ n: Int) -> String { doctors[n % doctors.count] }

    /// The patients on file when the history begins.
    static func patientsOnFile(at now: Int64) -> [Patient] {
        patients.enumerated().map { i, address in
            var patient = Patient(id: "P\(i + 1)", name: "Patient \(i + 1)", email: address, phone: nil, registeredAt: now, pendingCode: nil)
            patient.verified = true
            return patient
        }
    }
}
