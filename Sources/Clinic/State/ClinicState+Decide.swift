/// The clinic's one entry point: an intent from a sender at an instant becomes events and an outcome.
/// Pure: no I/O, no clock, no randomness but the generator passed in.
extension ClinicState {
    public func decide(_ intent: Intent, from sender: Sender, now: Int64, random: inout some RandomNumberGenerator) -> Decision {
        let decided = withRefunds(decideCommand(intent, from: sender, now: now, random: &random), now: now)
        switch intent {
        case .cancelDay, .broadcastCancel: return offeringFreedSlots(decided, closesDays: true, now: now, random: &random)
        default: return offeringFreedSlots(decided, now: now, random: &random)
        }
    }

    private func decideCommand(_ intent: Intent, from sender: Sender, now: Int64, random: inout some RandomNumberGenerator) -> Decision {
        switch intent {
        case .help:
            let role = role(of: sender.address)
            return Decision(outcome: role == .patient ? .help : .staffHelp(role))
        case .info: return Decision(outcome: .info(info, doctors: doctors.count(where: \.active)))
        case .doctors(let specialty):
            let wanted = specialty?.lowercased()
            let list = doctors.filter { doctor in wanted.map(doctor.practises) ?? doctor.active }
            return Decision(outcome: .doctorList(list, specialty: specialty))
        case .doctor(let id):
            guard let doctor = doctor(id: id) else { return Decision(outcome: .doctorList(doctors, specialty: nil)) }
            return Decision(outcome: .doctorDetail(doctor))
        case .slots(let id, let day, let asked):
            guard let doctor = doctor(id: id) else { return Decision(outcome: .doctorList(doctors, specialty: nil)) }
            let today = zone.local(now).date
            let days = day.map { [slots(of: doctor, on: $0, now: now).only(asked.part)] }
                ?? nextClinicDays(of: doctor, from: today, count: 3, now: now, part: asked.part)
            return Decision(outcome: .slots(doctor, days, asked: asked))
        case .register(let name): return register(name: name, sender: sender, now: now, random: &random)
        case .verify(let code): return verify(code: code, sender: sender, now: now)
        case .confirm: return Decision(outcome: .help)  // the desk carries out what it held; nothing for the core
        case .setPhoto(let attachment):
            return decidePhoto(attachment, sender: sender)
        case .profile, .setProfile:
            return decideProfile(intent, sender: sender)
        case .recordPayment(let ref, let method):
            guard role(of: sender.address) == .desk else {
                return Decision(outcome: .notAllowed(command: "PAID", allowed: .desk))
            }
            return recordPayment(ref: ref, method: method, by: sender.address, now: now)
        case .earning, .earnings, .schedule, .markAppointment:
            return decideForStaff(intent, role: role(of: sender.address), sender: sender, now: now)
        case .doctorOff(let id):
            guard role(of: sender.address) == .desk else {
                return Decision(outcome: .notAllowed(command: "DOCTOR OFF", allowed: .desk))
            }
            return deactivate(doctorID: id, now: now)
        case .registerDoctor(let name, let specialty):
            return requestToJoin(name: name, specialty: specialty, sender: sender, now: now, random: &random)
        case .decideRequest(let id, let approve, let reason):
            guard role(of: sender.address) == .desk else {
                return Decision(outcome: .notAllowed(command: approve ? "APPROVE" : "REJECT", allowed: .desk))
            }
            return decideRequest(id: id, approve: approve, reason: reason, now: now)
        case .monthReport(let month):
            guard role(of: sender.address) == .desk else {
                return Decision(outcome: .notAllowed(command: "REPORT", allowed: .desk))
            }
            guard month <= YearMonth(zone.local(now).date) else { return Decision(outcome: .monthReportAhead(month)) }
            return Decision(outcome: .monthReport(hospitalMonth(month)))
        case .audit(let id):
            guard role(of: sender.address) == .desk else {
                return Decision(outcome: .notAllowed(command: "AUDIT", allowed: .desk))
            }
            return Decision(outcome: .auditTrail(patientID: id))
        case .cancelDay, .broadcastCancel, .broadcast, .setHours, .leave:
            return decideClosure(intent, role: role(of: sender.address), now: now)
        case .erasePatient(let who):
            guard role(of: sender.address) == .desk else { return Decision(outcome: .notAllowed(command: "ERASE", allowed: .desk)) }
            return erase(patientNamed: who, now: now)
        case .exportPatient(let who):
            guard role(of: sender.address) == .desk else { return Decision(outcome: .notAllowed(command: "EXPORT", allowed: .desk)) }
            return export(patientNamed: who)
        case .ratePatient(let ref, let stars, let comment):
            guard case .doctor(let id) = role(of: sender.address) else {
                return Decision(outcome: .notAllowed(command: "RATE <ref>", allowed: .doctors))
            }
            return ratePatient(ref: ref, stars: stars, comment: comment, doctorID: id, now: now)
        case .rateDoctor:
            guard role(of: sender.address) == .patient else {
                return Decision(outcome: .notAllowed(command: "RATE DR", allowed: .patients))
            }
            fallthrough
        case .book, .bookEarliest, .cancel, .reschedule, .appointments, .contact, .pay, .myData, .forgetMe,
             .wait, .waiting, .waitOff, .takeOffer:
            if case .contact = intent, role(of: sender.address) != .patient {
                return Decision(outcome: .notAllowed(command: "CONTACT", allowed: .patients))
            }
            if case .wait = intent, role(of: sender.address) != .patient {
                return Decision(outcome: .notAllowed(command: "WAIT", allowed: .patients))
            }
            guard let patient = patient(address: sender.address), patient.verified else {
                let pending = patient(address: sender.address)?.pendingCode != nil
                return Decision(outcome: .needsRegistration(verificationPending: pending))
            }
            return decideForPatient(intent, patient: patient, now: now, random: &random)
        }
    }

    private func decideForPatient(_ intent: Intent, patient: Patient, now: Int64, random: inout some RandomNumberGenerator) -> Decision {
        switch intent {
        case .book(let id, let day, let time, let reason):
            guard let doctor = doctor(id: id) else { return Decision(outcome: .bookRefused(.doctorInactive, alternatives: [])) }
            return book(doctor: doctor, date: day, time: time, reason: reason, patient: patient, now: now, random: &random)
        case .bookEarliest(let ids, let day, let part, let reason):
            return bookEarliest(doctors: ids.compactMap(doctor(id:)), on: day, in: part, reason: reason, patient: patient, now: now,
                                random: &random)
        case .cancel(let ref): return cancel(ref: ref, patient: patient, now: now)
        case .reschedule(let ref, let day, let time): return reschedule(ref: ref, date: day, time: time, patient: patient, now: now)
        case .appointments:
            let (list, fees) = appointmentsWithFees(patientID: patient.id, now: now)
            return Decision(outcome: .appointmentList(list, fees: fees))
        case .contact(let recipient, let message): return contact(recipient, message: message, patient: patient, now: now)
        case .pay(let ref): return payLink(ref: ref, patient: patient, now: now)
        case .wait(let id, let day, let window): return wait(doctorID: id, day: day, window: window, patient: patient, now: now)
        case .waiting: return waiting(patient: patient, now: now)
        case .waitOff(let id): return waitOff(doctorID: id, patient: patient, now: now)
        case .takeOffer(let code): return takeOffer(code: code, patient: patient, now: now, random: &random)
        case .forgetMe: return erase(patient, by: patient.id, now: now)
        case .myData: return record(ofPatient: patient.id, withNotes: false).map { Decision(outcome: .patientData($0)) } ?? Decision(outcome: .help)
        case .rateDoctor(let id, let stars, let comment):
            guard let doctor = doctor(id: id) else { return Decision(outcome: .doctorList(doctors, specialty: nil)) }
            return rateDoctor(doctor, stars: stars, comment: comment, patient: patient, now: now)
        default: return Decision(outcome: .help)
        }
    }
}
