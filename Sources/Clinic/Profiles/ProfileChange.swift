/// One field of a profile set by its owner (SET <field> <value>), the value already checked by the
/// command language.
public enum ProfileChange: Sendable, Equatable, Codable {
    // patients
    case name(String)
    case bloodType(BloodType)
    case postalAddress(String)
    case dateOfBirth(LocalDate)
    /// LANG: the language of every reply and notice to the patient.
    case language(Language)
    // patients and doctors
    case phone(String)
    // doctors
    case qualifications(String)
    case specialty(String)
    case fee(Money)
    case bio(String)
    /// REPORTS ON / OFF: whether the month's earnings report is mailed to the doctor as each month ends.
    case monthReports(Bool)

    /// The field as SET names it.
    public var field: String {
        switch self {
        case .name: "NAME"
        case .bloodType: "BLOOD"
        case .postalAddress: "ADDRESS"
        case .dateOfBirth: "DOB"
        case .phone: "PHONE"
        case .qualifications: "QUALIFICATIONS"
        case .specialty: "SPECIALTY"
        case .fee: "FEE"
        case .bio: "BIO"
        case .monthReports: "REPORTS"
        case .language: "LANG"
        }
    }

    /// Whether a patient may set this field.
    public var isPatientField: Bool {
        switch self {
        case .name, .bloodType, .postalAddress, .dateOfBirth, .phone, .language: true
        case .qualifications, .specialty, .fee, .bio, .monthReports: false
        }
    }

    /// Whether a doctor may set this field.
    public var isDoctorField: Bool {
        switch self {
        case .phone, .qualifications, .specialty, .fee, .bio, .monthReports: true
        case .name, .bloodType, .postalAddress, .dateOfBirth, .language: false
        }
    }
}

extension Patient {
    /// The patient with `change` made; fields that are not a patient's are left alone.
    func changed(_ change: ProfileChange) -> Patient {
        var patient = self
        switch change {
        case .name(let name): patient.name = name
        case .bloodType(let type): patient.bloodType = type.rawValue
        case .postalAddress(let address): patient.postalAddress = address
        case .dateOfBirth(let day): patient.dateOfBirth = day
        case .phone(let phone): patient.contactPhone = phone
        case .language(let language): patient.language = language
        case .qualifications, .specialty, .fee, .bio, .monthReports: break
        }
        return patient
    }
}

extension Doctor {
    /// The doctor with `change` made; fields that are not a doctor's are left alone.
    func changed(_ change: ProfileChange) -> Doctor {
        var doctor = self
        switch change {
        case .qualifications(let text): doctor.qualifications = text
        case .specialty(let text): doctor.specialty = text
        case .fee(let fee): doctor.fee = fee
        case .bio(let text): doctor.bio = text
        case .phone(let phone): doctor.contactPhone = phone
        case .monthReports(let on): doctor.monthReports = on ? nil : false
        case .name, .bloodType, .postalAddress, .dateOfBirth, .language: break
        }
        return doctor
    }
}
