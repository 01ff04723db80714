// libFuzzer target "commands": CommandReader.read(body:subject:now:) over a three-doctor clinic, the subject
// being the input's first line and the body the rest. Built by scripts/fuzz.sh.
import Clinic
import Commands

private let zone = ClinicZone(identifier: "Asia/Kolkata")!

private func doctor(_ id: String, _ name: String, _ specialty: String, active: Bool = true) -> Doctor {
    let morning = TimeRange(start: TimeOfDay(minutes: 9 * 60), end: TimeOfDay(minutes: 13 * 60))!
    return Doctor(id: id, name: name, specialty: specialty, qualifications: "MBBS", fee: Money(major: 800),
                  slotMinutes: 15, hours: WeeklyHours([.mon: [morning], .tue: [morning], .wed: [morning]]),
                  email: "\(id)@clinic.example", active: active)
}

private let doctors = [
    doctor("rao", "Dr Suresh Rao", "Cardiology"),
    doctor("iyer", "Dr Meena Iyer", "Paediatrics"),
    doctor("kumar", "Dr Arun Kumar", "General Medicine"),
    doctor("rao2", "Dr Kavya Rao", "Dermatology", active: false),
]
private let readers = [CommandReader(doctors: doctors, zone: zone),
                       CommandReader(doctors: doctors, zone: zone, dayFirst: false)]
/// Mon 2 Mar 2026 10:00, Thu 31 Dec 2026 23:59, Tue 29 Feb 2028 08:00 (IST).
private let instants: [Int64] = [1_772_425_800, 1_798_741_740, 1_835_400_600]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let subject: Substring
    let body: Substring
    if let newline = input.firstIndex(of: "\n") {
        subject = input[..<newline]
        body = input[input.index(after: newline)...]
    } else {
        subject = input[...]
        body = ""
    }
    let reader = readers[size & 1]
    let now = instants[size % instants.count]
    let transcript = reader.read(body: String(body), subject: String(subject), now: now)

    // Reading is a pure function of its inputs.
    require(reader.read(body: String(body), subject: String(subject), now: now) == transcript, "not deterministic")
    require(transcript.lines.filter { $0.reading == .unrecognised }.count <= CommandReader.unrecognisedLimit)
    if transcript.fromSubject { require(transcript.lines.count == 1) }
    for line in transcript.lines {
        // A problem teaches with an example: the example is itself a command.
        if case .problem(let problem) = line.reading {
            guard case .command = reader.readLine(problem.example, now: now) else {
                failure("example \"\(problem.example)\" of \"\(line.text)\" is not a command")
            }
        }
    }
    return 0
}

/// A check of the harness: unlike `precondition`, says what failed in an optimized build too.
private func require(_ condition: Bool, _ message: @autoclosure () -> String = "", line: UInt = #line) {
    if !condition { fatalError("fuzz check failed: \(message())", line: line) }
}

private func failure(_ message: String) -> Never { fatalError("fuzz check failed: \(message)") }
