/// Someone who books appointments. Identified by the address they write from (an email address or an
/// E.164 phone number); registration is confirmed by a code sent to that address.
public struct Patient: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var email: String?
    public var phone: String?
    public var verified: Bool
    public var pendingCode: VerificationCode?
    public var registeredAt: Int64
    public var verifiedAt: Int64?
    // Profile fields, filled by later commands.
    public var bloodType: String?
    public var dateOfBirth: LocalDate?
    public var postalAddress: String?
    /// That a photo is on file (SET PHOTO); the desk keeps the file.
    public var photo: Photo?
    /// A phone number to reach the patient on (SET PHONE). Not `phone`, which is an address they write from:
    /// setting a number must not let that number act as the patient.
    public var contactPhone: String?
    /// When the codes of the last day were issued (at most `VerificationCode.perDay` kept): REGISTER sends
    /// no more than that many a day, so the desk cannot be made to flood someone's mailbox.
    public var codesIssuedAt: [Int64]?
    /// The language the patient chose for replies and notices (LANG); nil: the clinic's.
    public var language: Language?

    public init(id: String, name: String, email: String?, phone: String?, registeredAt: Int64, pendingCode: VerificationCode?) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.verified = false
        self.pendingCode = pendingCode
        self.registeredAt = registeredAt
    }
}

/// A one-time code that proves the patient reads the address they registered from.
public struct VerificationCode: Sendable, Equatable, Codable {
    public var code: String
    public var expiresAt: Int64
    public var attemptsLeft: Int

    public static let lifetimeSeconds: Int64 = 30 * 60
    public static let attempts = 5
    /// Codes REGISTER sends to one address in 24 hours.
    public static let perDay = 3

    /// When it was issued.
    public var issuedAt: Int64 { expiresAt - Self.lifetimeSeconds }

    public init(code: String, expiresAt: Int64, attemptsLeft: Int = VerificationCode.attempts) {
        self.code = code
        self.expiresAt = expiresAt
        self.attemptsLeft = attemptsLeft
    }
}
