import Clinic

/// Reads one line of the language. Holds what is built once per reader (the doctor-name index).
struct LineParser: Sendable {
    let names: DoctorNames
    let dayFirst: Bool

    enum Outcome {
        /// Blank, or a `#` comment.
        case skip
        /// A line that ends the commands; its text as written, trimmed.
        case terminator(String)
        /// The line as written, trimmed, and what it says.
        case reading(String, LineReading)
    }

    /// `tokens`: storage for the line's words, reused from line to line.
    func read(_ line: String, clock: inout ClinicToday, tokens: inout [Token]) -> Outcome {
        let lexed = Lexer.lex(line, reusing: &tokens)
        var args = lexed.words
        guard var first = args.first, first.first != UInt8(ascii: "#") else { return .skip }
        let text = lexed.string
        args = args.dropFirst()
        if first.is(.courtesy), let next = args.first {
            first = next
            args = args.dropFirst()
        }
        var keyword = first.meaning.keyword
        if keyword == nil, let second = args.first, let joined = Keyword.twoWords(first, second) {
            keyword = joined
            args = args.dropFirst()
        }
        guard let keyword else {
            if Greetings.isGreeting(lexed.words) { return .skip }
            return Terminators.isTerminator(lexed.words) || SignatureLines.isSignature(text) ? .terminator(text) : .reading(text, .unrecognised)
        }
        return .reading(text, read(keyword, args, clock: &clock))
    }

    private func read(_ keyword: Keyword, _ args: Words, clock: inout ClinicToday) -> LineReading {
        switch keyword {
        case .help: .command(.help)
        case .info: .command(.info)
        case .appointments: .command(.appointments)
        case .my: my(args)
        case .register: args.first?.key == Self.doctorWord ? registerDoctor(args.dropFirst()) : register(args)
        case .verify: verify(args)
        case .confirm: confirm(args)
        case .doctors: doctors(args)
        case .doctor: doctor(args)
        case .slots: slots(args, clock: &clock)
        case .book: book(args, clock: &clock)
        case .cancel: cancel(args, clock: &clock)
        case .pay: pay(args)
        case .reschedule: reschedule(args, clock: &clock)
        case .earning: earning(args, clock: &clock)
        case .earnings: earnings(args, clock: &clock)
        case .schedule: schedule(args, clock: &clock)
        case .today: today(args)
        case .done: mark(args, as: .completed)
        case .noshow: mark(args, as: .noShow)
        case .broadcast: broadcast(args, clock: &clock)
        case .approve: decideRequest(args, approve: true)
        case .reject: decideRequest(args, approve: false)
        case .report: report(args, clock: &clock)
        case .paid: paid(args)
        case .export, .erase: patientCommand(args, keyword)
        case .forget: forget(args)
        case .audit: audit(args)
        case .hours: hours(args)
        case .leave: leave(args, clock: &clock)
        case .reports: monthReports(args)
        case .lang: language(args)
        case .profile: profile(args)
        case .set: set(args, clock: &clock)
        case .rate: rate(args)
        case .contact: contact(args)
        case .wait: wait(args, clock: &clock)
        case .waiting: .command(.waiting)
        case .yes: yes(args)
        }
    }
}
