import Clinic

/// MY, DOCTORS, DOCTOR: commands that only look things up.
extension LineParser {
    /// `MY` alone or `MY APPOINTMENTS`; "My name is..." is prose, not a command.
    func my(_ args: Words) -> LineReading {
        guard let first = args.first else { return .command(.appointments) }
        if first.key == Self.dataWord { return .command(.myData) }
        return first.is(.appointments) ? .command(.appointments) : .unrecognised
    }

    static let dataWord = WordKey("data")

    /// `DOCTORS [specialty]`: the specialty as written ("DOCTORS in Cardiology" reads "Cardiology").
    func doctors(_ args: Words) -> LineReading {
        .command(.doctors(specialty: FreeText.clean(args.dropping(.beforeSpecialty).text, limit: 100)))
    }

    /// `DOCTOR <doctor>`. Alone it lists the doctors; followed by a specialty rather than a name
    /// ("DOCTOR cardiology") it lists that specialty's doctors. Words after the name are ignored.
    func doctor(_ args: Words) -> LineReading {
        if args.isEmpty { return .command(.doctors(specialty: nil)) }
        if args.first?.key == Self.offWord { return doctorOff(args.dropFirst()) }
        switch doctor(args, for: .doctor, understood: Understood("DOCTOR")) {
        case .found(let doctor, _):
            return .command(.doctor(id: names.doctors[doctor].id))
        case .problem(let problem):
            if case .none = names.match(args.dropping(.beforeDoctor)), let specialty = specialty(args) {
                return .command(.doctors(specialty: specialty))
            }
            return .problem(problem)
        }
    }

    /// `args` as written if they name (part of) an active doctor's specialty.
    private func specialty(_ args: Words) -> String? {
        let text = args.text
        guard text.count >= 3 else { return nil }
        let wanted = text.lowercased()
        let known = names.doctors.contains { $0.practises(wanted) }
        return known ? FreeText.clean(text, limit: 100) : nil
    }
}
