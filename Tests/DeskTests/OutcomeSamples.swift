import Clinic
import Foundation
@testable import Desk

/// Every kind of outcome a command can have, decided against a clinic: the sample clinic, or the same clinic
/// whose names are hostile HTML. Intents are given directly, so names need not survive the command language.
struct OutcomeSamples {
    /// Mon 2 Mar 2026, 09:00 IST.
    static let now: Int64 = 1_772_422_200
    static let tuesday = LocalDate(year: 2026, month: 3, day: 3)
    static let wednesday = LocalDate(year: 2026, month: 3, day: 4)
    static let sunday = LocalDate(year: 2026, month: 3, day: 8)

    static let hostileName = "Dr <script>alert(\"x\")</script> O'Neil \"&Rao"
    static let hostilePatient = "Priya <script>alert(1)</script> & \"Co\""
    static let hostileReason = "<b>chest</b> & \"pain\""

    var clinic: ClinicState
    private(set) var outcomes: [Outcome] = []
    /// The notices to patients the script's commands caused.
    private(set) var notices: [PatientNotice] = []
    private(set) var joiningNotices: [JoiningNotice] = []
    private var random = SeededGenerator(seed: 11)

    init(clinic: ClinicState) { self.clinic = clinic }

    static func sampleClinic() throws -> ClinicState {
        let setup = try DataFolder.readClinic(DeskFixture.packageRoot.appendingPathComponent("Samples/clinic.json"))
        var info = setup.clinic
        info.payment.mode = .atBooking  // in force only once `payments` turns payments online on
        return try ClinicState(info: info, doctors: setup.doctors)
    }

    /// The sample clinic with hostile names: its first doctor, its specialty, the clinic itself.
    static func hostileClinic() throws -> ClinicState {
        let setup = try DataFolder.readClinic(DeskFixture.packageRoot.appendingPathComponent("Samples/clinic.json"))
        var doctors = setup.doctors
        doctors[0].name = hostileName
        doctors[0].specialty = "Cardiology & <i>Hearts</i>"
        doctors[0].qualifications = "MBBS <img src=x onerror=alert(1)>"
        var info = setup.clinic
        info.name = "Kanchi \"Care\" & <Hospital>"
        info.payment.mode = .atBooking
        return try ClinicState(info: info, doctors: doctors)
    }

    /// Decides a script that reaches every case of `Outcome` (and most refusals) in `clinic`.
    static func all(in clinic: ClinicState, patient: String = "Priya Sharma", reason: String = "chest pain") -> OutcomeSamples {
        var samples = OutcomeSamples(clinic: clinic)
        let first = clinic.doctors[0].id
        let a = Sender(address: "a@example.in", channel: .email)
        let b = Sender(address: "b@example.in", channel: .email)
        samples.decide(.book(doctorID: first, day: tuesday, time: TimeOfDay(hour: 10, minute: 0)!, reason: nil), from: a)
        samples.decide(.verify(code: "000000"), from: a)
        let code = samples.register(patient, from: a)
        samples.decide(.book(doctorID: first, day: tuesday, time: TimeOfDay(hour: 10, minute: 0)!, reason: nil), from: a)
        samples.decide(.verify(code: code == "111111" ? "222222" : "111111"), from: a)
        samples.decide(.verify(code: code), from: a)
        samples.decide(.verify(code: code), from: a)
        samples.decide(.register(name: patient), from: a)
        let c = Sender(address: "c@example.in", channel: .email)
        for _ in 0..<4 { samples.decide(.register(name: "Kavya Raman"), from: c) }  // the fourth code of a day is refused
        _ = samples.register("Ravi Krishnan", from: b, verify: true)
        for intent: Intent in [.help, .info, .doctors(specialty: nil), .doctors(specialty: "Neurology"), .doctor(id: first),
                               .slots(doctorID: first, day: nil), .slots(doctorID: first, day: sunday), .appointments,
                               .book(doctorID: first, day: tuesday, time: TimeOfDay(hour: 10, minute: 0)!, reason: reason),
                               .book(doctorID: first, day: tuesday, time: TimeOfDay(hour: 11, minute: 0)!, reason: nil),
                               .book(doctorID: first, day: sunday, time: TimeOfDay(hour: 10, minute: 0)!, reason: nil),
                               .slots(doctorID: first, day: tuesday), .appointments, .cancel(ref: nil), .cancel(ref: "ZZZZZ"),
                               .slots(doctorID: first, day: tuesday, asked: SlotsAsked(part: .morning, forBooking: true)),
                               .slots(doctorID: first, day: nil, asked: SlotsAsked(part: .evening)),
                               .bookEarliest(doctorIDs: [first], day: sunday, part: .evening, reason: nil)] {
            samples.decide(intent, from: a)
        }
        samples.decide(.book(doctorID: first, day: tuesday, time: TimeOfDay(hour: 10, minute: 0)!, reason: nil), from: b)
        // The waitlist: queued for the booked 10:00, needless while slots are free, refused, listed, ended.
        let tenOnly = TimeRange(start: TimeOfDay(hour: 10, minute: 0)!, end: TimeOfDay(hour: 10, minute: 1)!)
        for intent: Intent in [.wait(doctorID: first, day: tuesday, window: tenOnly), .wait(doctorID: first, day: nil, window: nil),
                               .wait(doctorID: first, day: sunday, window: nil), .waiting, .takeOffer(code: nil), .takeOffer(code: "ZZZZZ"),
                               .waitOff(doctorID: nil), .waitOff(doctorID: nil), .waiting] {
            samples.decide(intent, from: b)
        }
        samples.decide(.book(doctorID: first, day: wednesday, time: TimeOfDay(hour: 9, minute: 0)!, reason: nil), from: b)
        samples.decide(.appointments, from: b)
        let refs = samples.clinic.upcoming(patientID: samples.clinic.patient(address: a.address)!.id, now: now).map(\.ref)
        samples.decide(.reschedule(ref: refs[0], day: wednesday, time: TimeOfDay(hour: 9, minute: 0)!), from: a)
        samples.decide(.reschedule(ref: refs[0], day: wednesday, time: TimeOfDay(hour: 11, minute: 0)!), from: a)
        samples.decide(.cancel(ref: refs[1]), from: a)
        samples.decide(.cancel(ref: refs[0]), from: a)
        samples.decide(.appointments, from: a)
        samples.decide(.cancel(ref: nil), from: a)
        samples.staff(doctor: Sender(address: clinic.doctors[0].email, channel: .email), patient: a)
        samples.profiles(doctor: Sender(address: clinic.doctors[0].email, channel: .email), patient: a, name: patient)
        samples.ratings(doctor: Sender(address: clinic.doctors[0].email, channel: .email), patient: a)
        samples.doctorOff(doctor: Sender(address: clinic.doctors[0].email, channel: .email), patient: b)
        samples.joining(doctor: Sender(address: clinic.doctors[0].email, channel: .email), patient: b)
        samples.payments(patient: b)
        samples.decide(.myData, from: a)
        samples.decide(.myData, from: b)
        let desk = Sender(address: clinic.info.deskEmail, channel: .email)
        samples.decide(.exportPatient("P1"), from: desk)
        samples.decide(.exportPatient("nobody@example.in"), from: desk)
        let leaving = Sender(address: "leaving@example.in", channel: .email), erased = Sender(address: "erased@example.in", channel: .email)
        _ = samples.register("Leela Menon", from: leaving, verify: true)
        _ = samples.register("Arjun Menon", from: erased, verify: true)
        samples.decide(.book(doctorID: clinic.doctors[1].id, day: tuesday.adding(days: 14), time: TimeOfDay(hour: 10, minute: 0)!, reason: nil), from: leaving)
        samples.decide(.forgetMe, from: leaving)
        samples.decide(.erasePatient(erased.address), from: desk)
        return samples
    }

    /// The doctors' outcomes: earnings, the report, the schedule, DONE and its refusals, a role refusal.
    mutating func staff(doctor: Sender, patient: Sender) {
        let today = clinic.zone.local(Self.now).date
        decide(.help, from: doctor)
        decide(.earning(amount: Money(major: 2500), day: nil, note: "OPD <b>", replacingDay: false), from: doctor)
        decide(.earning(amount: Money(major: 100), day: today.adding(days: 1), note: nil, replacingDay: false), from: doctor)
        decide(.earnings(month: YearMonth(today), doctorID: nil), from: doctor)
        decide(.earnings(month: YearMonth(today.adding(days: 40)), doctorID: nil), from: doctor)
        decide(.schedule(day: Self.tuesday), from: doctor)
        decide(.schedule(day: nil), from: patient)
        decide(.markAppointment(ref: "ZZZZZ", status: .completed), from: doctor)
        let desk = Sender(address: clinic.info.deskEmail, channel: .email)
        decide(.recordPayment(ref: "ZZZZZ", method: .cash), from: desk)
        if let first = clinic.appointments.values.filter(\.isActive).min(by: { $0.start < $1.start }) {
            decide(.recordPayment(ref: first.ref, method: .cash), from: desk)
            decide(.recordPayment(ref: first.ref, method: .cash), from: desk)
            decide(.schedule(day: clinic.zone.local(first.start).date), from: doctor)
            decide(.appointments, from: patient)
        }
        if let booked = clinic.appointments.values.filter({ $0.doctorID == clinic.doctors[0].id && $0.isActive }).min(by: { $0.start < $1.start }) {
            decide(.markAppointment(ref: booked.ref, status: .noShow), from: doctor, at: booked.end)
        }
        closures(doctor: doctor, patient: patient)
    }

    /// A broadcast, a day cancelled (with notices), nothing left to cancel, a role refusal.
    mutating func closures(doctor: Sender, patient: Sender) {
        let desk = Sender(address: clinic.info.deskEmail, channel: .email)
        let b = Sender(address: "b@example.in", channel: .email)
        for hour in [10, 11] {
            decide(.book(doctorID: clinic.doctors[0].id, day: Self.wednesday, time: TimeOfDay(hour: hour, minute: 0)!, reason: nil), from: b)
        }
        decide(.broadcast(day: Self.wednesday, message: "The lift is <b>out</b> of order & slow"), from: desk)
        decide(.broadcastCancel(doctorID: nil, day: Self.sunday, reason: nil), from: desk)
        decide(.cancelDay(day: Self.wednesday, reason: "unwell <i>"), from: doctor)
        decide(.broadcast(day: Self.wednesday, message: "nobody left"), from: desk)
        decide(.cancelDay(day: Self.wednesday, reason: nil), from: patient)
        decide(.book(doctorID: clinic.doctors[0].id, day: Self.tuesday, time: TimeOfDay(hour: 12, minute: 0)!, reason: nil), from: b)
        decide(.setHours(days: [.tue], ranges: [TimeRange(text: "09:00-11:00")!]), from: doctor)
        decide(.leave(from: Self.tuesday, to: Self.tuesday.adding(days: 1), reason: "conference"), from: doctor)
        decide(.leave(from: Self.wednesday, to: Self.tuesday, reason: nil), from: doctor)
        contacts(patient: b)
    }

    /// CONTACT: messages passed on to a doctor and the desk (with notices), until the day's limit refuses one.
    mutating func contacts(patient: Sender) {
        decide(.contact(to: .doctor(id: clinic.doctors[0].id), message: "Is <b>fasting</b> & rest needed?"), from: patient)
        for _ in 1...ClinicState.contactsPerDay { decide(.contact(to: .desk, message: "hello"), from: patient) }
    }

    /// DOCTOR OFF: refused for a doctor with a patient booked ahead, done for one without, a role refusal.
    mutating func doctorOff(doctor: Sender, patient: Sender) {
        let desk = Sender(address: clinic.info.deskEmail, channel: .email)
        let busy = clinic.doctors[0].id
        decide(.book(doctorID: busy, day: Self.sunday.adding(days: 1), time: TimeOfDay(hour: 10, minute: 0)!, reason: nil), from: patient)
        decide(.doctorOff(doctorID: busy), from: desk)
        decide(.doctorOff(doctorID: busy), from: doctor)
        let ahead = clinic.appointments.values.filter { $0.isActive && $0.start > Self.now }
        if let free = clinic.doctors.last(where: { d in !ahead.contains { $0.doctorID == d.id } }) {
            decide(.doctorOff(doctorID: free.id), from: desk)
        }
    }

    /// REGISTER DOCTOR, APPROVE, REJECT and REPORT, with their refusals (the joining notices they cause too).
    mutating func joining(doctor: Sender, patient: Sender) {
        let desk = Sender(address: clinic.info.deskEmail, channel: .email)
        let applicant = Sender(address: "new.doctor@example.in", channel: .email)
        let other = Sender(address: "other.doctor@example.in", channel: .email)
        decide(.registerDoctor(name: "Priya <b>Nair</b>", specialty: "Dermatology & skin"), from: applicant)
        decide(.registerDoctor(name: "Priya Nair", specialty: "Dermatology"), from: applicant)
        decide(.registerDoctor(name: "Suresh Rao", specialty: "Cardiology"), from: doctor)
        decide(.decideRequest(id: "R9", approve: true, reason: nil), from: desk)
        let first = clinic.doctorRequests[0].id
        decide(.decideRequest(id: first, approve: true, reason: nil), from: patient)
        decide(.decideRequest(id: first, approve: true, reason: nil), from: desk)
        decide(.decideRequest(id: first, approve: false, reason: nil), from: desk)
        decide(.registerDoctor(name: "Other Person", specialty: "Surgery"), from: other)
        decide(.decideRequest(id: clinic.doctorRequests[1].id, approve: false, reason: "not on <our> staff"), from: desk)
        let today = clinic.zone.local(Self.now).date
        decide(.monthReport(YearMonth(today)), from: desk)
        decide(.monthReport(YearMonth(today.adding(days: 40))), from: desk)
        decide(.monthReport(YearMonth(today)), from: doctor)
        decide(.audit(patientID: "P1"), from: desk)
    }

    /// PROFILE and SET from a patient and a doctor: empty profiles, fields set, a field of the other kind.
    mutating func profiles(doctor: Sender, patient: Sender, name: String) {
        decide(.profile, from: patient)
        for change: ProfileChange in [.bloodType(.abNegative), .dateOfBirth(LocalDate(year: 1980, month: 3, day: 4)),
                                      .postalAddress("12 <b>Gandhi</b> Road & Sons"), .phone("+919876543210"), .name(name),
                                      .fee(Money(major: 900))] {
            decide(.setProfile(change), from: patient)
        }
        decide(.profile, from: patient)
        decide(.profile, from: doctor)
        for change: ProfileChange in [.bio("Twenty years of <i>care</i> & \"hearts\""), .phone("+914423456789"), .fee(Money(minorUnits: 80050)),
                                      .bloodType(.oPositive)] {
            decide(.setProfile(change), from: doctor)
        }
        let photo = Photo(kind: .png, bytes: 70_000, sha256: String(repeating: "ab", count: 32))
        for attachment: PhotoAttachment in [.image(photo), .missing, .tooLarge(bytes: 3_000_000), .notAnImage(filename: "<b>me</b>.jpg")] {
            decide(.setPhoto(attachment), from: patient)
        }
        decide(.setPhoto(.image(photo)), from: doctor)
        decide(.profile, from: patient)
        decide(.profile, from: doctor)
        decide(.doctor(id: clinic.doctors[0].id), from: patient)
    }

    /// RATE DR before and after a completed visit, RATE <ref> from the doctor, and its window closing.
    mutating func ratings(doctor: Sender, patient: Sender) {
        let first = clinic.doctors[0].id
        decide(.rateDoctor(doctorID: first, stars: 5, comment: nil), from: patient)
        guard let seen = clinic.appointments.values.filter({ $0.doctorID == first && $0.status != .cancelledByPatient })
            .min(by: { $0.start < $1.start }), let email = clinic.patients[seen.patientID]?.email else { return }
        let visitor = Sender(address: email, channel: .email)
        decide(.markAppointment(ref: seen.ref, status: .completed), from: doctor, at: seen.end)
        decide(.rateDoctor(doctorID: first, stars: 4, comment: "kind <b>&</b>"), from: visitor, at: seen.end)
        decide(.rateDoctor(doctorID: first, stars: 5, comment: nil), from: visitor, at: seen.end + 60)
        decide(.ratePatient(ref: seen.ref, stars: 3, comment: "late"), from: doctor, at: seen.end)
        decide(.ratePatient(ref: seen.ref, stars: 4, comment: nil), from: doctor, at: seen.end + 60)
        decide(.ratePatient(ref: seen.ref, stars: 2, comment: nil), from: doctor, at: seen.end + 4 * 86_400)
        decide(.ratePatient(ref: seen.ref, stars: 2, comment: nil), from: visitor, at: seen.end)
        decide(.doctor(id: first), from: patient)
        decide(.doctors(specialty: nil), from: patient)
    }

    /// Paying online: a held booking, PAY and its refusal, a declined card, a payment that does not match, the
    /// receipt, a refunded cancellation, a hold that runs out and a payment that comes after it.
    mutating func payments(patient: Sender) {
        clinic.onlinePayments = true
        guard let doctor = clinic.doctors.first(where: { $0.active && $0.fee.minorUnits > 0 }) else { return }
        let day = Self.tuesday.adding(days: 7)
        func booked(_ hour: Int) -> (Appointment, PaymentDue)? {
            let opening = clinic.nextClinicDays(of: doctor, from: day, count: 1, now: Self.now).first?.slots.filter { !$0.isBooked }
            guard let slot = opening?.dropFirst(hour).first else { return nil }
            decide(.book(doctorID: doctor.id, day: slot.date, time: slot.time, reason: nil), from: patient)
            guard case .bookedWithPayment(let a, let due) = outcomes.last else { return nil }
            return (a, due)
        }
        guard let (held, due) = booked(0) else { return }
        decide(.pay(ref: held.ref), from: patient)
        decide(.pay(ref: "ZZZZZ"), from: patient)
        decide(.appointments, from: patient)
        report(.intentCreated(ref: held.ref, attempt: 1, intentID: "pi_1", clientSecret: "pi_1_secret_x"))
        report(.failed(ref: held.ref, intentID: "pi_1", reason: "the card has <b>expired</b>"))
        decide(.pay(ref: held.ref), from: patient)
        report(.succeeded(ref: held.ref, intentID: "pi_2", amount: due.amount + Money(minorUnits: 1), currency: "inr"))
        report(.succeeded(ref: held.ref, intentID: "pi_2", amount: due.amount, currency: "inr"))
        report(.succeeded(ref: held.ref, intentID: "pi_1", amount: due.amount, currency: "inr"))
        decide(.cancel(ref: held.ref), from: patient)
        decide(.appointments, from: patient)
        guard let (other, _) = booked(1) else { return }
        report(.holdEnded(ref: other.ref), at: Self.now + 3600)
        report(.succeeded(ref: other.ref, intentID: "pi_3", amount: due.amount, currency: "inr"), at: Self.now + 3601)
    }

    mutating func report(_ report: PaymentReport, at now: Int64 = Self.now) {
        let decision = clinic.decide(report, now: now)
        clinic.apply(decision.events)
        outcomes.append(decision.outcome)
        notices += decision.notices
    }

    mutating func decide(_ intent: Intent, from sender: Sender, at now: Int64 = Self.now) {
        let decision = clinic.decide(intent, from: sender, now: now, random: &random)
        clinic.apply(decision.events)
        outcomes.append(decision.outcome)
        notices += decision.notices
        joiningNotices += decision.joiningNotices
    }

    /// Registers `name` from `sender`; returns the code sent.
    mutating func register(_ name: String, from sender: Sender, verify: Bool = false) -> String {
        decide(.register(name: name), from: sender)
        guard case .registered(_, let code, _) = outcomes.last else { return "" }
        if verify { decide(.verify(code: code), from: sender) }
        return code
    }

    /// The template names the outcomes were written with.
    func templateNames(_ format: ClinicFormat) -> Set<TemplateName> {
        Set(outcomes.map { $0.template(format).name })
    }
}
