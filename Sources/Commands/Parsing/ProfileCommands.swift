import Clinic

/// PROFILE and SET <field> <value>: a patient's or a doctor's own profile. Each value is checked here, so a
/// problem can quote the right form with an example; which fields the sender may set is the clinic's call.
extension LineParser {
    static let addressLimit = 200
    static let bioLimit = 500
    static let shortTextLimit = 120
    /// A date of birth further back than this many years is a typing slip.
    static let oldestAge = 130

    /// `PROFILE`. Words after it make the line prose ("Profile picture attached"), not a command.
    func profile(_ args: Words) -> LineReading {
        args.isEmpty ? .command(.profile) : .unrecognised
    }

    /// `SET NAME|PHONE|BLOOD|ADDRESS|DOB <value>` (patients) and `SET QUALIFICATIONS|SPECIALTY|FEE|BIO|PHONE <value>`
    /// (doctors).
    func set(_ args: Words, clock: inout ClinicToday) -> LineReading {
        guard let first = args.first else { return setProblem(Help.set, understood: "SET", .noField) }
        // The image is the message's attachment, which the desk finds; words after PHOTO are ignored.
        if ["photo", "picture", "pic", "photograph"].contains(args.key(first)) { return .command(.setPhoto(.unread)) }
        guard let field = ProfileField(args.key(first)) else {
            return setProblem(Help.set, understood: "SET", .notAField(written: args.written()))
        }
        var rest = args.dropFirst(field.words(after: args))
        if rest.first.map({ rest.key($0) == "to" || rest.key($0) == "=" }) == true { rest = rest.dropFirst() }
        let understood = "SET \(field.name)"
        let entry = field.help
        let text = rest.textToEnd
        guard !text.isEmpty else { return setProblem(entry, understood: understood, .noValue(field)) }
        switch field {
        case .name:
            return PersonNames.read(text).map { .command(.setProfile(.name($0))) }
                .orProblem { setProblem(entry, understood: understood, $0) }
        case .phone:
            guard let phone = PhoneNumbers.read(text) else {
                return setProblem(entry, understood: understood, .notAPhoneNumber(written: rest.written(4)))
            }
            return .command(.setProfile(.phone(phone)))
        case .blood:
            guard let type = BloodTypes.read(text) else {
                return setProblem(entry, understood: understood, .notABloodGroup(written: rest.written(3)))
            }
            return .command(.setProfile(.bloodType(type)))
        case .dateOfBirth:
            return dateOfBirth(rest, entry: entry, understood: understood, clock: &clock)
        case .address, .qualifications, .specialty, .bio:
            let limit = field == .bio ? Self.bioLimit : field == .address ? Self.addressLimit : Self.shortTextLimit
            guard let clean = FreeText.clean(text, limit: limit) else {
                return setProblem(entry, understood: understood, .noValue(field))
            }
            let change: ProfileChange = switch field {
            case .address: .postalAddress(clean)
            case .qualifications: .qualifications(clean)
            case .specialty: .specialty(clean)
            default: .bio(clean)
            }
            return .command(.setProfile(change))
        case .fee:
            switch Amounts.read(rest) {
            case .success(let (amount, consumed)) where consumed == rest.count:
                return .command(.setProfile(.fee(amount)))
            case .success:
                return setProblem(entry, understood: understood, .inEnglish("only an amount may follow FEE"))
            case .failure(let wrong):
                return setProblem(entry, understood: understood, wrong)
            }
        }
    }

    /// A date of birth: a whole date with its year, a real day, not in the future.
    private func dateOfBirth(_ words: Words, entry: HelpEntry, understood: String, clock: inout ClinicToday) -> LineReading {
        switch Dates.read(words, dayFirst: dayFirst) {
        case .day(.date(let date), let consumed) where consumed == words.count:
            guard date < clock.now().date else {
                return setProblem(entry, understood: understood, .birthNotInThePast(date))
            }
            guard date.year > clock.now().date.year - Self.oldestAge else {
                return setProblem(entry, understood: understood, .birthTooLongAgo(date, years: Self.oldestAge))
            }
            return .command(.setProfile(.dateOfBirth(date)))
        case .invalid(let written, let why):
            return setProblem(entry, understood: understood, .notADate(written: written, why))
        default:
            return setProblem(entry, understood: understood, .notABirthDate(written: words.written(4)))
        }
    }

    private func setProblem(_ entry: HelpEntry, understood: String, _ wrong: CommandWrong) -> LineReading {
        .problem(CommandProblem(entry, understood: Understood(understood), wrong: wrong, doctor: nil))
    }
}

extension Result where Success == LineReading {
    func orProblem(_ problem: (Failure) -> LineReading) -> LineReading {
        switch self {
        case .success(let reading): reading
        case .failure(let wrong): problem(wrong)
        }
    }
}

extension LineParser {
    /// `REPORTS ON|OFF` (doctors): whether the month's earnings report is mailed as each month ends.
    func monthReports(_ args: Words) -> LineReading {
        switch args.first.map({ args.key($0) }) {
        case "on"? where args.count == 1: .command(.setProfile(.monthReports(true)))
        case "off"? where args.count == 1: .command(.setProfile(.monthReports(false)))
        case nil: .problem(CommandProblem(Help.monthReports, understood: "REPORTS", wrong: "neither ON nor OFF given", doctor: nil))
        default: .problem(CommandProblem(Help.monthReports, understood: "REPORTS", wrong: "\"\(args.written())\" is neither ON nor OFF",
                                         doctor: nil))
        }
    }
}

extension LineParser {
    /// `LANG TA|HI|EN` (patients; also the languages' names, in English or their own script).
    func language(_ args: Words) -> LineReading {
        guard let first = args.first else {
            return .problem(CommandProblem(Help.language, understood: Understood("LANG"), wrong: .noLanguage, doctor: nil))
        }
        guard args.count == 1, let language = LanguageWords.names[args.key(first)] else {
            return .problem(CommandProblem(Help.language, understood: Understood("LANG"), wrong: .notALanguage(written: args.written()),
                                           doctor: nil))
        }
        return .command(.setProfile(.language(language)))
    }
}
