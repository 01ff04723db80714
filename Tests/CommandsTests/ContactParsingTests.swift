import Clinic
import Commands
import Testing

/// CONTACT <doctor|DESK> <message>.
@Suite struct ContactParsingTests {
    @Test func aDoctorOrTheDesk() {
        #expect(Fixture.read("CONTACT Dr Rao is fasting needed before the test?")
                == .command(.contact(to: .doctor(id: "rao"), message: "is fasting needed before the test?")))
        #expect(Fixture.read("contact desk Where do I park?") == .command(.contact(to: .desk, message: "Where do I park?")))
        #expect(Fixture.read("Contact front desk running late") == .command(.contact(to: .desk, message: "running late")))
    }

    @Test func aMessageAndAKnownDoctorAreNeeded() throws {
        #expect(try #require(Fixture.problem("CONTACT DESK")).wrong == "no message given")
        #expect(try #require(Fixture.problem("CONTACT Dr Rao")).wrong == "no message given")
        #expect(try #require(Fixture.problem("CONTACT Dr Nobody hello")).wrong.contains("no doctor called"))
        #expect(Fixture.problem("CONTACT") != nil)
    }

    @Test func controlCharactersLeaveTheMessage() {
        #expect(Fixture.read("CONTACT DESK hello\u{7}\u{202E} there") == .command(.contact(to: .desk, message: "hello there")))
    }
}
