import Clinic
import Commands
import Testing

/// RATE DR <doctor> <1-5> [comment] and RATE <ref> <1-5> [comment].
@Suite struct RateParsingTests {
    @Test func patientsRateDoctors() {
        #expect(Fixture.read("RATE Dr Rao 5") == .command(.rateDoctor(doctorID: "rao", stars: 5, comment: nil)))
        #expect(Fixture.read("rate dr meena iyer 4/5 very patient.") == .command(.rateDoctor(doctorID: "iyer", stars: 4, comment: "very patient.")))
        #expect(Fixture.read("RATE Doctor Kumar 3 stars - long wait") == .command(.rateDoctor(doctorID: "kumar", stars: 3, comment: "long wait")))
    }

    @Test func doctorsRateAnAppointmentsPatient() {
        #expect(Fixture.read("RATE A7K2Q 4 came prepared") == .command(.ratePatient(ref: "A7K2Q", stars: 4, comment: "came prepared")))
        #expect(Fixture.read("rate a7k2q 1") == .command(.ratePatient(ref: "A7K2Q", stars: 1, comment: nil)))
    }

    @Test func starsAreOneToFive() throws {
        let zero = try #require(Fixture.problem("RATE Dr Rao 0"))
        #expect(zero.wrong == "\"0\" is not a number of stars from 1 to 5")
        #expect(zero.understood == "RATE Dr Suresh Rao")
        #expect(zero.form == "RATE DR <doctor> <1-5> [comment]")
        #expect(try #require(Fixture.problem("RATE A7K2Q 6")).form == "RATE <ref> <1-5> [comment]")
        #expect(try #require(Fixture.problem("RATE A7K2Q")).wrong == "no stars given: write a number from 1 to 5")
        #expect(try #require(Fixture.problem("RATE Dr Nobody 5")).wrong.contains("no doctor called"))
        #expect(Fixture.problem("RATE") != nil)
    }
}
