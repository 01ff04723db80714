import Clinic
import Foundation
import Logging
import Store
@testable import Desk

/// A random history played against a real desk on a real data folder: each step becomes a message written the
/// way a patient, doctor or the desk would write it, the clock moving, the clock's round (reminders, payment
/// holds ended, the outbox handed to a Maildir), a payment reported, a crash (the process gone, the desk
/// opened again from its files), a commit torn by a crash before its fsync returned, or a compaction.
/// After every step the invariants are checked, and the live state is compared byte for byte with what a
/// fresh open of the files replays. Problems are collected, each with the step that showed it.
final class HistoryRun {
    let history: History
    let folder: URL
    private let templates: ReplyTemplates
    private(set) var desk: Desk
    private(set) var now = DeskFixture.now
    private(set) var problems: [String] = []
    /// How many of each thing the run did, for the figures.
    private(set) var counts = HistoryCounts()
    private var invariants = HistoryInvariants()
    /// Every message handed to the desk so far, for resending.
    private var written: [InboundMessage] = []
    private var payments = 0

    init(_ history: History) throws {
        self.history = history
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString.prefix(8))")
        let setup = try DataFolder.readClinic(DeskFixture.packageRoot.appendingPathComponent("Samples/clinic.json"))
        try DataFolder.initialise(folder, setup: setup)
        let store = try JSONStore<DeskState>(directory: folder)
        let patients = HistoryCast.patientsOnFile(at: DeskFixture.now)
        try store.transaction { _ in ([.message(HandledMessage(key: "cast", events: patients.map { .patientRegistered($0) }, replies: []))], ()) }
        templates = try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates"))
        desk = try Self.open(folder, templates: templates, history: history)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The desk as a process starting on the folder would open it.
    private static func open(_ folder: URL, templates: ReplyTemplates, history: History) throws -> Desk {
        var logger = Logger(label: "history")
        logger.logLevel = .critical  // a dropped torn tail is the point here, not news
        let desk = try Desk(dataFolder: folder, templates: templates, logger: logger)
        desk.randomness = .predictable(seed: history.seed)
        desk.trust = TrustSettings(authservID: DeskFixture.authservID)
        if history.paymentsOnline {
            desk.payments = try OnlinePayments(linkSecret: String(repeating: "h", count: 40), publicURL: "https://desk.kanchicare.example/")
        }
        return desk
    }

    /// Plays every step, checking after each. Stops at the first step that throws.
    func play() {
        for (i, step) in history.steps.enumerated() {
            do {
                try run(step, number: i)
            } catch {
                problems.append("step \(i) \(step): threw \(error)")
                return
            }
            for broken in invariants.check(desk.state, now: now) { problems.append("after step \(i) \(step): \(broken)") }
            do {
                let replayed = try replayed(), live = try desk.state.snapshotData()
                if replayed != live {
                    if let dump = ProcessInfo.processInfo.environment["CAREDESK_HISTORY_DUMP"] {
                        try? replayed.write(to: URL(fileURLWithPath: dump + ".replayed"))
                        try? live.write(to: URL(fileURLWithPath: dump + ".live"))
                    }
                    problems.append("after step \(i) \(step): the files replay to another state than the live one")
                    return
                }
            } catch {
                problems.append("after step \(i) \(step): the files do not open: \(error)")
                return
            }
        }
    }

    private func replayed() throws -> Data {
        try JSONStore<DeskState>(directory: folder).state.snapshotData()
    }

    private func run(_ step: HistoryStep, number: Int) throws {
        counts.steps += 1
        switch step.kind {
        case .advance:
            now += Int64(step.a % 48 + 1) * 30 * 60
        case .clockRound:
            counts.rounds += 1
            _ = try desk.queueReminders(now: now, minutesBefore: [24 * 60, 120])
            counts.holdsEnded += try desk.endHolds(now: now)
            let delivery = try MaildirDelivery(path: folder.appendingPathComponent("outgoing").path)
            try SpoolIngest(desk: desk, delivery: delivery).flushOutbox(now: now)
        case .paidOnline:
            try reportPayment(step)
        case .crash:
            counts.crashes += 1
            let before = try desk.state.snapshotData()
            desk = try Self.open(folder, templates: templates, history: history)
            if try desk.state.snapshotData() != before { problems.append("step \(number) \(step): the desk opened after a crash with another state") }
        case .tornCommit:
            try tornCommit(step, number: number)
        case .compact:
            counts.compactions += 1
            let before = try desk.state.snapshotData()
            try desk.store.compact()
            if try desk.state.snapshotData() != before { problems.append("step \(number) \(step): compaction changed the live state") }
            if try replayed() != before { problems.append("step \(number) \(step): the snapshot and journal after compaction hold another state") }
        case .resend:
            guard !written.isEmpty else { return }
            let again = written[step.a % written.count]
            let before = try desk.state.snapshotData()
            let reports = try desk.handle([again], now: now)
            counts.resent += 1
            if reports.map(\.result) != [.duplicate] { problems.append("step \(number) \(step): a message sent again was handled again: \(reports.map(\.result))") }
            if try desk.state.snapshotData() != before { problems.append("step \(number) \(step): a message sent again changed the state") }
        default:
            guard let (text, from) = message(step) else { return }
            let mail = DeskFixture.mail(text, from: from, id: "h\(number).\(history.seed)@example.in", authenticated: step.authenticated)
            try handleAnswered(mail, step: step, number: number)
        }
    }

    /// Hands one new message to the desk: it must be answered, once.
    private func handleAnswered(_ mail: InboundMessage, step: HistoryStep, number: Int) throws {
        written.append(mail)
        counts.messages += 1
        let reports = try desk.handle([mail], now: now)
        guard reports.count == 1, case .answered = reports[0].result else {
            problems.append("step \(number) \(step): a new message got \(reports.map(\.result)) instead of one answer")
            return
        }
    }

    /// A crash in the middle of a commit: the message is handled, then the journal is cut back to a point
    /// inside the record it wrote (what the disk holds if the process died before its fsync returned, so the
    /// message was never acknowledged). The desk, opened again, must hold exactly the state before the message;
    /// the message, delivered again as an unacknowledged one would be, is then handled as new.
    private func tornCommit(_ step: HistoryStep, number: Int) throws {
        guard let (text, from) = message(HistoryStep(kind: .book, sender: step.sender, a: step.a, b: step.b, c: step.c, authenticated: true)) else { return }
        let mail = DeskFixture.mail(text, from: from, id: "h\(number).\(history.seed)@example.in")
        let before = try desk.state.snapshotData()
        let journalBefore = try newestJournal()
        _ = try desk.handle([mail], now: now)
        let journalAfter = try newestJournal()
        guard journalAfter.path == journalBefore.path, journalAfter.size > journalBefore.size else {
            // Compacted on the way (an erasure does that): no torn commit to make of this step.
            written.append(mail)
            return
        }
        counts.tornCommits += 1
        let kept = journalBefore.size + Int64(step.c) % (journalAfter.size - journalBefore.size)
        guard truncate(journalAfter.path, off_t(kept)) == 0 else { throw POSIXError(.EIO) }
        desk = try Self.open(folder, templates: templates, history: history)
        if try desk.state.snapshotData() != before {
            problems.append("step \(number) \(step): after a commit torn at byte \(kept - journalBefore.size) the desk opened with another state")
            return
        }
        try handleAnswered(mail, step: step, number: number)
    }

    private func newestJournal() throws -> (path: String, size: Int64) {
        let store = folder.appendingPathComponent("store")
        let journals = try FileManager.default.contentsOfDirectory(atPath: store.path).compactMap { name -> (Int, String)? in
            guard name.hasPrefix("journal-"), name.hasSuffix(".log"), let generation = Int(name.dropFirst(8).dropLast(4)) else { return nil }
            return (generation, store.appendingPathComponent(name).path)
        }
        guard let newest = journals.max(by: { $0.0 < $1.0 }) else { throw POSIXError(.ENOENT) }
        let size = (try FileManager.default.attributesOfItem(atPath: newest.1)[.size] as? NSNumber)?.int64Value ?? 0
        return (newest.1, size)
    }

    /// Stripe's word that a held booking was paid, now and then an event already reported.
    private func reportPayment(_ step: HistoryStep) throws {
        guard history.paymentsOnline, let clinic = desk.state.clinic else { return }
        let dues = clinic.dues.sorted { $0.key < $1.key }
        guard !dues.isEmpty else { return }
        let (ref, due) = dues[step.a % dues.count]
        let again = step.b % 4 == 0 && payments > 0
        let event = again ? step.c % payments + 1 : { payments += 1; return payments }()
        counts.payments += 1
        _ = try desk.reportPayments([(key: "stripe event evt_\(event)",
                                      report: .succeeded(ref: ref, intentID: "pi_\(event)", amount: due.amount, currency: "inr"))], now: now)
    }

    /// The message a step writes, and who writes it; nil when the step needs something the state does not hold
    /// (a CONFIRM with no command waiting).
    func message(_ step: HistoryStep) -> (text: String, from: String)? {
        let clinic = desk.state.clinic
        let zone = clinic?.zone ?? ClinicZone(identifier: "Asia/Kolkata")!
        let today = zone.local(now).date
        /// Mostly the next three days, so that bookings meet; now and then up to eight days ahead.
        func day(_ n: Int) -> String { today.adding(days: n % 3 == 0 ? n % 9 : n % 3).description }
        /// Mostly a start of one of the doctor's first slots (the sample clinic's hours), so bookings meet each other;
        /// now and then any half hour of the day, in hours or not, on the doctor's slot grid or not.
        func time(_ n: Int, doctor: Int) -> String {
            let grids = [(9 * 60, 30, 8), (10 * 60, 20, 9), (8 * 60, 15, 16)]  // rao, iyer, kumar: first start, length, count
            let (first, length, count) = grids[doctor % grids.count]
            let slot = n % 5 == 0 ? n % count : n % 4  // mostly the first four slots: patients collide there
            let minutes = n % 7 == 0 ? 8 * 60 + (n % 23) * 30 + (n % 3) * 10 : first + slot * length
            return String(format: "%02d:%02d", minutes / 60, minutes % 60)
        }
        func doctorName(_ n: Int) -> String { HistoryCast.doctorNames[n % HistoryCast.doctorNames.count] }
        /// Half the time one of `address`'s own appointments (when it has any); else anyone's (acting on someone
        /// else's must be refused), or one that does not exist.
        func ref(_ n: Int, of address: String? = nil) -> String {
            let all = clinic?.appointments.values ?? []
            let own = address.flatMap { clinic?.patient(address: $0) }.map { patient in all.filter { $0.patientID == patient.id } } ?? []
            let refs = (n % 2 == 0 && !own.isEmpty ? own : all).map(\.ref).sorted()
            return refs.isEmpty || n % 11 == 0 ? "QQQQQ" : refs[(n / 2) % refs.count]
        }
        let patient = HistoryCast.patient(step.sender)
        let doctor = HistoryCast.doctor(step.sender)
        switch step.kind {
        case .book:
            return ("BOOK \(doctorName(step.c)) \(day(step.a)) \(time(step.b, doctor: step.c))\(step.a % 3 == 0 ? " fever" : "")", patient)
        case .cancel:
            return (step.a % 10 == 0 ? "CANCEL" : "CANCEL \(ref(step.b, of: patient))", patient)
        case .reschedule:
            return ("RESCHEDULE \(ref(step.c, of: patient)) \(day(step.a)) \(time(step.b, doctor: step.c))", patient)
        case .forgetMe:
            return ("FORGET ME", patient)
        case .readOnly:
            let reads = ["SLOTS \(doctorName(step.c)) \(day(step.a))", "APPOINTMENTS", "MY DATA", "DOCTORS", "HELP", "INFO", "PAY"]
            return (reads[step.b % reads.count], patient)
        case .register:
            return ("REGISTER Newcomer \(["Anand", "Bala", "Chitra", "Devi"][step.sender % 4])", HistoryCast.newcomer(step.sender))
        case .verify:
            let address = HistoryCast.newcomer(step.sender)
            let code = step.b % 4 == 0 ? "000000" : clinic?.patient(address: address)?.pendingCode?.code ?? "123456"
            return ("VERIFY \(code)", address)
        case .done:
            return ("DONE \(ref(step.a))", doctor)
        case .noShow:
            return ("NOSHOW \(ref(step.a))", doctor)
        case .cancelDay:
            return ("CANCEL DAY \(day(step.a)) unwell", doctor)
        case .leave:
            return ("LEAVE \(day(step.a))", doctor)
        case .hours:
            let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][step.a % 6]
            return ("HOURS \(weekday) \(step.b % 3 == 0 ? "off" : "09:00-13:00")", doctor)
        case .broadcastCancel:
            return ("BROADCAST CANCEL \(step.c % 4 == 3 ? "ALL" : doctorName(step.c)) \(day(step.a)) power cut", HistoryCast.desk)
        case .paidCash:
            return ("PAID \(ref(step.a)) CASH", HistoryCast.desk)
        case .confirm:
            let holds = (desk.state.holds.values.sorted { $0.key < $1.key })
            guard !holds.isEmpty else { return nil }
            let hold = holds[step.a % holds.count]
            return ("CONFIRM \(step.b % 5 == 0 ? "999999" : hold.code)", hold.address)
        case .gibberish:
            let texts = ["BOOK Dr Nobody 31/02 25:00", "please help me", "CANCEL CANCEL CANCEL", "RESCHEDULE", "DONE", "ఏదో"]
            return (texts[step.a % texts.count], HistoryCast.everyone[step.sender % HistoryCast.everyone.count])
        case .advance, .clockRound, .paidOnline, .crash, .tornCommit, .compact, .resend:
            return nil
        }
    }
}

/// What a run did, summed over many runs for the figures.
struct HistoryCounts: Sendable {
    var steps = 0, messages = 0, resent = 0, rounds = 0, holdsEnded = 0, payments = 0, crashes = 0, tornCommits = 0, compactions = 0

    static func + (a: HistoryCounts, b: HistoryCounts) -> HistoryCounts {
        HistoryCounts(steps: a.steps + b.steps, messages: a.messages + b.messages, resent: a.resent + b.resent, rounds: a.rounds + b.rounds,
                      holdsEnded: a.holdsEnded + b.holdsEnded, payments: a.payments + b.payments, crashes: a.crashes + b.crashes,
                      tornCommits: a.tornCommits + b.tornCommits, compactions: a.compactions + b.compactions)
    }
}
