import Clinic
import Commands
import Testing

/// PROFILE and SET, read on Mon 2 Mar 2026 10:00 IST: every value checked, every bad one a problem that
/// quotes the field's form with an example.
@Suite struct ProfileParsingTests {
    static let blood: [(String, BloodType)] = [
        ("A+", .aPositive), ("a-", .aNegative), ("B +", .bPositive), ("b neg", .bNegative), ("AB+", .abPositive),
        ("ab negative", .abNegative), ("O positive", .oPositive), ("o-ve", .oNegative), ("O +ve", .oPositive), ("A pos", .aPositive),
    ]

    @Test(arguments: blood)
    func bloodGroup(written: String, type: BloodType) {
        #expect(Fixture.read("SET BLOOD \(written)") == .command(.setProfile(.bloodType(type))))
        #expect(Fixture.read("set blood group \(written)") == .command(.setProfile(.bloodType(type))))
    }

    @Test func aWrongBloodGroupListsTheGroups() throws {
        let problem = try #require(Fixture.problem("SET BLOOD C+"))
        #expect(problem.understood == "SET BLOOD")
        #expect(problem.wrong == "\"C+\" is not a blood group; the groups are A+, A-, B+, B-, AB+, AB-, O+, O-")
        #expect(problem.form == "SET BLOOD <A+|A-|B+|B-|AB+|AB-|O+|O->" && problem.example == "SET BLOOD O+")
    }

    static let births: [(String, LocalDate)] = [
        ("1980-03-04", Fixture.date(3, 4, 1980)), ("4 Mar 1980", Fixture.date(3, 4, 1980)), ("4/3/1980", Fixture.date(3, 4, 1980)),
        ("March 4th 1980", Fixture.date(3, 4, 1980)), ("2026-03-01", Fixture.date(3, 1)),
    ]

    @Test(arguments: births)
    func dateOfBirth(written: String, date: LocalDate) {
        #expect(Fixture.read("SET DOB \(written)") == .command(.setProfile(.dateOfBirth(date))))
        #expect(Fixture.read("SET DATE OF BIRTH \(written)") == .command(.setProfile(.dateOfBirth(date))))
    }

    @Test func monthFirstClinicsReadSlashesMonthFirst() {
        let reader = CommandReader(doctors: Fixture.doctors, zone: Fixture.zone, dayFirst: false)
        #expect(Fixture.read("SET DOB 4/3/1980", reader: reader) == .command(.setProfile(.dateOfBirth(Fixture.date(4, 3, 1980)))))
    }

    @Test func badDatesOfBirthSayWhy() throws {
        #expect(try #require(Fixture.problem("SET DOB 31 Feb 1980")).wrong.contains("there is no 31 February"))
        #expect(try #require(Fixture.problem("SET DOB 2026-03-03")).wrong == "2026-03-03 is not in the past; a date of birth is")
        #expect(try #require(Fixture.problem("SET DOB 4/3/1880")).wrong == "1880-03-04 is more than 130 years ago; check the year")
        let noYear = try #require(Fixture.problem("SET DOB 4 Mar"))
        #expect(noYear.wrong == "\"4 Mar\" is not a whole date of birth; write the day, the month and a 4-digit year")
        #expect(noYear.example == "SET DOB 4 Mar 1980")
    }

    @Test func phonesAreDigits() throws {
        #expect(Fixture.read("SET PHONE +91 98765 43210") == .command(.setProfile(.phone("+919876543210"))))
        #expect(Fixture.read("SET MOBILE (044) 2345-6789") == .command(.setProfile(.phone("04423456789"))))
        let problem = try #require(Fixture.problem("SET PHONE call me"))
        #expect(problem.wrong.hasPrefix("\"call me\" is not a phone number"))
        #expect(problem.example == "SET PHONE +91 98765 43210")
        #expect(Fixture.problem("SET PHONE 12345") != nil)
        #expect(Fixture.problem("SET PHONE +1234567890123456") != nil)
    }

    @Test func textFieldsAndTheFee() {
        #expect(Fixture.read("SET NAME  Anita   Sharma") == .command(.setProfile(.name("Anita Sharma"))))
        #expect(Fixture.read("SET ADDRESS to 12 Gandhi Road, Kanchipuram") == .command(.setProfile(.postalAddress("12 Gandhi Road, Kanchipuram"))))
        #expect(Fixture.read("SET BIO Twenty years in cardiac care.") == .command(.setProfile(.bio("Twenty years in cardiac care."))))
        #expect(Fixture.read("SET SPECIALITY Cardiology") == .command(.setProfile(.specialty("Cardiology"))))
        #expect(Fixture.read("SET QUALIFICATIONS MBBS, MD") == .command(.setProfile(.qualifications("MBBS, MD"))))
        #expect(Fixture.read("SET FEE ₹800.50") == .command(.setProfile(.fee(Money(minorUnits: 80_050)))))
        #expect(Fixture.problem("SET FEE 800 please") != nil)
        #expect(Fixture.problem("SET FEE lots") != nil)
        #expect(Fixture.problem("SET NAME 1234")?.wrong == "a name needs at least one letter")
    }

    @Test func unknownOrMissingFieldsAreProblems() throws {
        let unknown = try #require(Fixture.problem("SET COLOUR blue"))
        #expect(unknown.wrong.hasPrefix("\"COLOUR\" is not a field of a profile"))
        #expect(try #require(Fixture.problem("SET")).wrong == "no field named")
        #expect(try #require(Fixture.problem("SET BLOOD")).wrong == "no blood group given")
    }

    @Test func setPhotoLeavesTheImageToTheDesk() {
        #expect(Fixture.read("SET PHOTO") == .command(.setPhoto(.unread)))
        #expect(Fixture.read("set picture attached") == .command(.setPhoto(.unread)))
    }

    @Test func profileAloneIsTheCommand() {
        #expect(Fixture.read("PROFILE") == .command(.profile))
        #expect(Fixture.read("please profile") == .command(.profile))
        #expect(Fixture.read("Profile picture attached") == .unrecognised)
    }
}
