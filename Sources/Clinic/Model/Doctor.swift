/// A doctor who sees patients at the clinic.
public struct Doctor: Sendable, Equatable, Codable, Identifiable {
    /// Stable slug, e.g. "rao".
    public var id: String
    /// Display name, e.g. "Dr Suresh Rao".
    public var name: String
    public var specialty: String
    public var qualifications: String
    public var fee: Money
    public var slotMinutes: Int
    public var hours: WeeklyHours
    public var leave: Set<LocalDate>
    public var email: String
    public var phone: String?
    public var active: Bool
    /// A few sentences the doctor writes about themselves (SET BIO).
    public var bio: String?
    /// A number patients may call (SET PHONE). Not `phone`, which the clinic registered as the doctor's
    /// address: setting a number must not make that number a doctor.
    public var contactPhone: String?
    /// That a photo is on file (SET PHOTO); the desk keeps the file.
    public var photo: Photo?
    /// When this doctor's fee is taken, if not as the clinic's policy says (`"payment"` in the clinic file).
    public var payment: PaymentPolicy.Mode?
    /// false after REPORTS OFF: no earnings report by mail as a month ends (nil: the default, on).
    public var monthReports: Bool?

    public init(id: String, name: String, specialty: String, qualifications: String, fee: Money, slotMinutes: Int,
                hours: WeeklyHours, leave: Set<LocalDate> = [], email: String, phone: String? = nil, active: Bool = true) {
        self.id = id
        self.name = name
        self.specialty = specialty
        self.qualifications = qualifications
        self.fee = fee
        self.slotMinutes = slotMinutes
        self.hours = hours
        self.leave = leave
        self.email = email
        self.phone = phone
        self.active = active
    }

    enum CodingKeys: String, CodingKey {
        case id, name, specialty, qualifications, fee, slotMinutes, hours, leave, email, phone, active, bio, contactPhone, photo, payment, monthReports
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        specialty = try c.decode(String.self, forKey: .specialty)
        qualifications = try c.decodeIfPresent(String.self, forKey: .qualifications) ?? ""
        fee = try c.decode(Money.self, forKey: .fee)
        slotMinutes = try c.decode(Int.self, forKey: .slotMinutes)
        hours = try c.decode(WeeklyHours.self, forKey: .hours)
        leave = try c.decodeIfPresent(Set<LocalDate>.self, forKey: .leave) ?? []
        email = try c.decode(String.self, forKey: .email)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        active = try c.decodeIfPresent(Bool.self, forKey: .active) ?? true
        bio = try c.decodeIfPresent(String.self, forKey: .bio)
        contactPhone = try c.decodeIfPresent(String.self, forKey: .contactPhone)
        photo = try c.decodeIfPresent(Photo.self, forKey: .photo)
        payment = try c.decodeIfPresent(PaymentPolicy.Mode.self, forKey: .payment)
        monthReports = try c.decodeIfPresent(Bool.self, forKey: .monthReports)
    }

    /// As the decoder reads it, with the days of leave in order: a set's order depends on how it was built, and
    /// a snapshot must not differ between a state that was lived and the same state replayed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(specialty, forKey: .specialty)
        try c.encode(qualifications, forKey: .qualifications)
        try c.encode(fee, forKey: .fee)
        try c.encode(slotMinutes, forKey: .slotMinutes)
        try c.encode(hours, forKey: .hours)
        try c.encode(leave.sorted(), forKey: .leave)
        try c.encode(email, forKey: .email)
        try c.encodeIfPresent(phone, forKey: .phone)
        try c.encode(active, forKey: .active)
        try c.encodeIfPresent(bio, forKey: .bio)
        try c.encodeIfPresent(contactPhone, forKey: .contactPhone)
        try c.encodeIfPresent(photo, forKey: .photo)
        try c.encodeIfPresent(payment, forKey: .payment)
        try c.encodeIfPresent(monthReports, forKey: .monthReports)
    }

    /// The surname, as patients write it ("Rao" of "Dr Suresh Rao").
    public var surname: String { name.split(separator: " ").last.map(String.init) ?? name }
}
