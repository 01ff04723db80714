import Clinic

/// What the audit trail keeps of one inbound message, gathered while the desk decides it: the message's key,
/// how it came, who sent it (as a pseudonym), whether the clinic's mail server vouched for the address, and
/// each command with what it did. Never a message body, a name, an address or a reason given.
struct AuditEntry: Sendable, Equatable, Codable {
    /// The inbound message's key (its Message-ID, or a hash of it).
    var key: String
    var channel: String
    /// The sender as the clinic knows them: a patient's or doctor's id, `desk`, or a keyed hash of the address.
    var sender: String
    /// `patient`, `doctor`, `desk`, or `unknown` for an address the clinic does not hold.
    var role: String
    /// `authenticated`, `unauthenticated`, `nobody` (several authors), or `none` (not read so far).
    var verdict: String
    /// What became of the message as a whole: `answered`, `not answered`, `bounce`, `keyword`, `past allowance`.
    var handled: String
    var commands: [AuditCommand] = []
}

/// One command line of a message: its command word, what it did, and for staff commands what it acted on.
public struct AuditCommand: Sendable, Equatable, Codable {
    public var command: String
    public var did: String
    /// The appointment reference, doctor id or request id the command named.
    public var target: String?
    /// For a staff command on an appointment: whose appointment it was.
    public var patient: String?
}

extension Provenance {
    /// The verdict as the audit trail writes it.
    var auditVerdict: String {
        switch self {
        case .authenticated: "authenticated"
        case .unauthenticated: "unauthenticated"
        case .nobody: "nobody"
        }
    }
}
