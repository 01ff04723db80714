import Testing
import Clinic
import Commands

/// The clinic the tests read against: three doctors in Asia/Kolkata, and a fixed "now" of
/// Mon 2 Mar 2026 10:00 IST (2026-03-02T04:30:00Z).
enum Fixture {
    static let zone = ClinicZone(identifier: "Asia/Kolkata")!
    static let now: Int64 = 1_772_425_800

    static func doctor(_ id: String, _ name: String, _ specialty: String, active: Bool = true) -> Doctor {
        let morning = TimeRange(start: TimeOfDay(minutes: 9 * 60), end: TimeOfDay(minutes: 13 * 60))!
        return Doctor(id: id, name: name, specialty: specialty, qualifications: "MBBS", fee: Money(major: 800),
                      slotMinutes: 15, hours: WeeklyHours([.mon: [morning], .tue: [morning], .wed: [morning]]),
                      email: "\(id)@clinic.example", active: active)
    }

    static let rao = doctor("rao", "Dr Suresh Rao", "Cardiology")
    static let iyer = doctor("iyer", "Dr Meena Iyer", "Paediatrics")
    static let kumar = doctor("kumar", "Dr Arun Kumar", "General Medicine")
    static let doctors = [rao, iyer, kumar]
    static let names = ["Dr Suresh Rao", "Dr Meena Iyer", "Dr Arun Kumar"]

    static let reader = CommandReader(doctors: doctors, zone: zone)

    static func date(_ month: Int, _ day: Int, _ year: Int = 2026) -> LocalDate {
        LocalDate(year: year, month: month, day: day)
    }

    static func time(_ hour: Int, _ minute: Int = 0) -> TimeOfDay { TimeOfDay(minutes: hour * 60 + minute) }

    /// The instant of `hour:minute` on `date` in the clinic.
    static func at(_ date: LocalDate, _ hour: Int, _ minute: Int = 0) -> Int64 { zone.instant(date, time(hour, minute)) }

    static func read(_ line: String, reader: CommandReader = reader, now: Int64 = now) -> LineReading? {
        reader.readLine(line, now: now)
    }

    static func problem(_ line: String, reader: CommandReader = reader, now: Int64 = now) -> CommandProblem? {
        if case .problem(let problem) = reader.readLine(line, now: now) { return problem }
        return nil
    }

    /// Checks that `line` reads as a problem quoting `form`, saying `wrong`, whose example is itself a command
    /// (and, with `understood`, that it says what it understood).
    static func expectProblem(_ line: String, form: String, wrong: String, understood: Bool = false) throws {
        let problem = try #require(Fixture.problem(line), "\(line) should be a problem")
        #expect(problem.form == form)
        #expect(problem.wrong.contains(wrong), "\(problem.wrong)")
        if understood { #expect(problem.understood != nil) }
        guard case .command = Fixture.read(problem.example) else {
            Issue.record("example \"\(problem.example)\" of \"\(line)\" is not a command")
            return
        }
    }
}
