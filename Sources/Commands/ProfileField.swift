/// The field SET names, with the other ways people write it ("DATE OF BIRTH", "BLOOD GROUP", "SPECIALITY").
public enum ProfileField: Sendable, Equatable {
    case name, phone, blood, address, dateOfBirth, qualifications, specialty, fee, bio

    static let allNames = "NAME, PHONE, BLOOD, ADDRESS, DOB (patients); QUALIFICATIONS, SPECIALTY, FEE, BIO, PHONE (doctors); PHOTO (both)"

    init?(_ key: String) {
        switch key {
        case "name": self = .name
        case "phone", "mobile", "cell", "tel", "telephone", "number": self = .phone
        case "blood", "bloodgroup", "bloodtype": self = .blood
        case "address": self = .address
        case "dob", "birthday", "birthdate", "date": self = .dateOfBirth
        case "qualifications", "qualification", "degrees": self = .qualifications
        case "specialty", "speciality", "specialization", "specialisation": self = .specialty
        case "fee", "fees": self = .fee
        case "bio", "about": self = .bio
        default: return nil
        }
    }

    /// How many words the field's name takes at the front of `words` ("BLOOD GROUP", "DATE OF BIRTH").
    func words(after words: Words) -> Int {
        let second = words.peek(1).map { words.key($0) }
        switch self {
        case .blood where second == "group" || second == "type": return 2
        case .dateOfBirth where words.first.map({ words.key($0) }) == "date":
            return second == "of" && words.peek(2).map({ words.key($0) }) == "birth" ? 3 : 1
        default: return 1
        }
    }

    var name: String {
        switch self {
        case .name: "NAME"
        case .phone: "PHONE"
        case .blood: "BLOOD"
        case .address: "ADDRESS"
        case .dateOfBirth: "DOB"
        case .qualifications: "QUALIFICATIONS"
        case .specialty: "SPECIALTY"
        case .fee: "FEE"
        case .bio: "BIO"
        }
    }

    /// The value, as a problem names it: "no blood group given".
    public var spoken: String {
        switch self {
        case .name: "name"
        case .phone: "phone number"
        case .blood: "blood group"
        case .address: "address"
        case .dateOfBirth: "date of birth"
        case .qualifications: "qualifications"
        case .specialty: "specialty"
        case .fee: "fee"
        case .bio: "text"
        }
    }

    var help: HelpEntry {
        switch self {
        case .name: Help.setName
        case .phone: Help.setPhone
        case .blood: Help.setBlood
        case .address: Help.setAddress
        case .dateOfBirth: Help.setDateOfBirth
        case .qualifications: Help.setQualifications
        case .specialty: Help.setSpecialty
        case .fee: Help.setFee
        case .bio: Help.setBio
        }
    }
}
