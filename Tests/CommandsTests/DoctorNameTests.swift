import Clinic
import Commands
import Testing

@Suite struct DoctorNameTests {
    static let raoForms = [
        "Dr Rao", "Dr. Rao", "rao", "RAO", "Suresh Rao", "Dr Suresh Rao", "dr suresh rao", "DR. SURESH RAO",
        "Dr.Rao", "Doctor Rao", "Dr Suresh", "with Dr Rao",
    ]

    @Test(arguments: raoForms)
    func namesRao(name: String) {
        #expect(Fixture.read("DOCTOR \(name)") == .command(.doctor(id: "rao")))
        #expect(Fixture.read("BOOK \(name) Tue 10:00 chest pain")
            == .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: "chest pain")))
    }

    @Test(arguments: [("iyer", "iyer"), ("Dr Meena Iyer", "iyer"), ("Meena", "iyer"), ("Arun Kumar", "kumar"), ("kumar", "kumar")])
    func namesOthers(name: String, id: String) {
        #expect(Fixture.read("SLOTS \(name) Wed") == .command(.slots(doctorID: id, day: Fixture.date(3, 4))))
    }

    /// The longest run of words that names a doctor is the name; the rest is the day.
    @Test func longestRun() {
        let surname = CommandReader(doctors: Fixture.doctors + [Fixture.doctor("suresh", "Dr Suresh", "Dermatology")], zone: Fixture.zone)
        #expect(Fixture.read("BOOK Dr Suresh Rao Tue 10:00", reader: surname)
            == .command(.book(doctorID: "rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)))
        #expect(Fixture.read("BOOK Dr Suresh Tue 10:00", reader: surname)
            == .command(.book(doctorID: "suresh", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)))
    }

    @Test func accentsDoNotMatter() {
        let reader = CommandReader(doctors: [Fixture.doctor("zoe", "Dr Zoë Müller", "Dermatology")], zone: Fixture.zone)
        for name in ["Dr Zoe Muller", "Dr Zoë Müller", "MÜLLER", "muller"] {
            #expect(Fixture.read("DOCTOR \(name)", reader: reader) == .command(.doctor(id: "zoe")), "\(name)")
        }
    }

    @Test func ambiguousSurname() throws {
        let priya = Fixture.doctor("priya-rao", "Dr Priya Rao", "Dermatology")
        let reader = CommandReader(doctors: Fixture.doctors + [priya], zone: Fixture.zone)
        let problem = try #require(Fixture.problem("BOOK Dr Rao Tue 10:00", reader: reader))
        #expect(problem.wrong == "\"Dr Rao\" could be more than one doctor; write the full name")
        #expect(problem.choices == ["Dr Suresh Rao", "Dr Priya Rao"])
        #expect(problem.understood == "BOOK")
        // The example must name one doctor only, so it uses a full name here.
        #expect(problem.example == "BOOK Dr Suresh Rao Tue 10:00 chest pain")
        #expect(Fixture.read(problem.example, reader: reader) != nil)
        #expect(Fixture.read("BOOK Dr Priya Rao Tue 10:00", reader: reader)
            == .command(.book(doctorID: "priya-rao", day: Fixture.date(3, 3), time: Fixture.time(10), reason: nil)))
        #expect(Fixture.read("SLOTS Suresh Rao", reader: reader) == .command(.slots(doctorID: "rao", day: nil)))
        #expect(Fixture.read("SLOTS priya-rao", reader: reader) == .command(.slots(doctorID: "priya-rao", day: nil)))
        #expect(Fixture.problem("DOCTOR rao", reader: reader)?.choices == ["Dr Suresh Rao", "Dr Priya Rao"])
    }

    @Test func unknownListsEveryone() throws {
        let problem = try #require(Fixture.problem("BOOK Dr Sharma Tue 10:00"))
        #expect(problem.wrong == "no doctor called \"Dr Sharma\"")
        #expect(problem.choices == Fixture.names)
        #expect(Fixture.problem("SLOTS Anita Sharma tomorrow")?.wrong == "no doctor called \"Anita Sharma\"")
    }

    @Test func inactiveDoctor() throws {
        let retired = Fixture.doctor("kumar", "Dr Arun Kumar", "General Medicine", active: false)
        let reader = CommandReader(doctors: [Fixture.rao, Fixture.iyer, retired], zone: Fixture.zone)
        let problem = try #require(Fixture.problem("BOOK Dr Kumar Tue 10:00", reader: reader))
        #expect(problem.wrong == "Dr Arun Kumar no longer takes bookings")
        #expect(problem.choices == ["Dr Suresh Rao", "Dr Meena Iyer"])
        // An active doctor sharing the name is chosen over an inactive one.
        let oldRao = Fixture.doctor("old-rao", "Dr Priya Rao", "Dermatology", active: false)
        let both = CommandReader(doctors: [Fixture.rao, oldRao], zone: Fixture.zone)
        #expect(Fixture.read("SLOTS Dr Rao", reader: both) == .command(.slots(doctorID: "rao", day: nil)))
        #expect(Fixture.problem("SLOTS Dr Priya Rao", reader: both)?.wrong == "Dr Priya Rao no longer takes bookings")
    }

    @Test func noDoctorsAtAll() {
        let empty = CommandReader(doctors: [], zone: Fixture.zone)
        #expect(Fixture.problem("BOOK Dr Rao Tue 10:00", reader: empty)?.choices == [])
        #expect(Fixture.read("HELP", reader: empty) == .command(.help))
    }
}
