/// REGISTER DOCTOR: someone asks to join the clinic as a doctor. The desk answers with APPROVE or REJECT;
/// until then the address is no doctor's.
public struct DoctorRequest: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case waiting, approved, rejected
    }

    /// "R" and five symbols drawn at random ("R7K2QX"): short enough to type in APPROVE R7K2QX, and not a
    /// count of the requests so far. Stores from round 1 hold "R1", "R2", …, which still answer.
    public var id: String
    /// As the applicant wrote it, with the title the clinic shows ("Dr Priya Nair").
    public var name: String
    public var specialty: String
    /// Where the applicant wrote from: their address once approved.
    public var address: String
    public var at: Int64
    public var status: Status
    public var decidedAt: Int64?
    /// Why the desk said no, when it said why.
    public var reason: String?

    public init(id: String, name: String, specialty: String, address: String, at: Int64) {
        self.id = id
        self.name = name
        self.specialty = specialty
        self.address = address
        self.at = at
        status = .waiting
    }
}

public enum DoctorRequestRefusal: Sendable, Equatable {
    /// The address is already a doctor's.
    case alreadyDoctor(String)
    /// The desk's own address cannot also be a doctor's.
    case deskAddress
    /// The address is a registered patient's: a doctor writes from their own work address.
    case patientAddress
    case alreadyWaiting(DoctorRequest)
    /// Too many requests wait for the desk already.
    case tooManyWaiting
}

public enum RequestDecisionRefusal: Sendable, Equatable {
    /// No request has that id; the ones still waiting.
    case unknown(String, waiting: [DoctorRequest])
    case alreadyDecided(DoctorRequest)
    /// The address became a doctor's or a patient's since the request.
    case addressTaken(DoctorRequest)
}

/// What the clinic tells the desk or an applicant about a request to join: the desk learns of a new request;
/// the applicant of the desk's answer. Unlike a `PatientNotice`, its reader need not be on file.
public struct JoiningNotice: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// To the desk: a new request to answer.
        case request
        /// To the applicant: they are a doctor now, with the commands to set up their practice.
        case approved(Doctor)
        case rejected
    }

    public var request: DoctorRequest
    public var kind: Kind

    public init(request: DoctorRequest, kind: Kind) {
        self.request = request
        self.kind = kind
    }
}
