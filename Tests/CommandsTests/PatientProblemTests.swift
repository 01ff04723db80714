import Clinic
import Testing
@testable import Commands

/// What a patient can get wrong is a value a reply can say in Tamil or Hindi, never an English sentence only
/// (`CommandWrong.inEnglish` is for staff commands), and what was understood is kept as values too.
@Suite struct PatientProblemTests {
    /// Lines a patient might write wrong, one or more for each reason a patient's command can fail.
    static let patientMistakes = [
        "BOOK Dr Rao Tue chest pain", "BOOK Dr Rao 10:00", "BOOK Dr Rao soon 10:00", "BOOK Dr Rao 31/2 10:00", "BOOK Dr Rao Tue 25:00",
        "BOOK Dr Rao Wed 3 Mar 10:00", "BOOK Dr Nobody Tue 10:00", "BOOK", "BOOK Dr Rao 2026-13-01 10:00", "BOOK Dr Rao in 400 days 10:00",
        "BOOK Dr Rao Tue 10:75", "BOOK Dr Rao Tue 13pm", "BOOK Dr Rao 0/3 10:00", "BOOK Dr Rao 30/2/2026 10:00", "BOOK Dr Rao 3/3/26000 10:00",
        "SLOTS Dr Rao sometime", "SLOTS Dr Rao 31/4", "SLOTS Dr", "BOOK cardiology 31/2 earliest", "BOOK earliest",
        "BOOK dermatology earliest", "CANCEL A7K2", "CANCEL A0K2Q", "CANCEL A7K#Q", "PAY A7K2", "RESCHEDULE", "RESCHEDULE A7K2Q Fri",
        "RATE", "RATE DR Rao", "RATE DR Rao 9", "RATE A7K2", "RATE", "VERIFY", "VERIFY 12345", "VERIFY abc", "CONFIRM 1234567",
        "REGISTER", "REGISTER 123", "SET", "SET colour blue", "SET phone", "SET phone 12", "SET blood Z+", "SET dob 2090-01-01",
        "SET dob 1800-01-01", "SET dob March", "SET dob 31/2/1990", "SET name 42", "LANG", "LANG FR", "CONTACT DESK", "CONTACT Dr Rao",
        "FORGET", "FORGET you", "WAIT Dr Rao Tue tomorrow-ish", "WAIT Dr Rao Tue between 10:00", "WAIT Dr Rao Tue after",
        "WAIT Dr Rao Tue between 12:00 and 10:00", "WAIT Dr Rao 31/2", "YES A7K2",
    ]

    @Test func everyReasonAPatientMeetsHasAWordingOfItsOwn() throws {
        for line in Self.patientMistakes {
            let problem = try #require(Fixture.problem(line), "\(line) should be a problem")
            if case .inEnglish(let text) = problem.reason { Issue.record("\(line): said in English only: \(text)") }
        }
    }

    @Test func whatWasUnderstoodIsKeptAsValues() throws {
        let noTime = try #require(Fixture.problem("BOOK Dr Rao Tue chest pain"))
        #expect(noTime.reading == Understood("BOOK", doctor: "Dr Suresh Rao", day: Fixture.date(3, 3)))
        #expect(noTime.reason == .noTime)
        #expect(noTime.understood == "BOOK with Dr Suresh Rao on Tue 3 Mar 2026" && noTime.wrong == "no time given")
        let earliest = try #require(Fixture.problem("BOOK cardiology 31/2 earliest"))
        #expect(earliest.reading?.specialty == "Cardiology" && earliest.reading?.earliest == true, "\(String(describing: earliest.reading))")
        let moved = try #require(Fixture.problem("RESCHEDULE A7K2Q Fri"))
        #expect(moved.reading == Understood("RESCHEDULE A7K2Q", day: Fixture.date(3, 6), dayLink: .to))
        #expect(Fixture.problem("BOOK Dr Rao Wed 3 Mar 10:00")?.reason == .wrongWeekday(Fixture.date(3, 3), written: .wed))
    }

    @Test func staffCommandsStayInEnglish() throws {
        for line in ["EARNING", "HOURS Mon 25:00-26:00", "AUDIT", "PAID A7K2Q card"] {
            let problem = try #require(Fixture.problem(line), "\(line) should be a problem")
            guard case .inEnglish = problem.reason else {
                Issue.record("\(line): \(problem.reason)")
                continue
            }
        }
    }
}
