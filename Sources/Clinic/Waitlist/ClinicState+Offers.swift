/// Offering freed slots to the waitlist: a slot a patient's cancellation, a reschedule, an unpaid hold, an
/// offer let go or new HOURS frees goes to the first patient waiting for it (in the order they asked), held for
/// them a short while. A day the clinic cancels (CANCEL DAY, BROADCAST CANCEL) is not offered: nobody sees
/// patients then. Decided against the state before the decision's events, with the freed appointment left
/// out, so no copy of the appointments is made; offers made in the same step hold their slots for the next.
extension ClinicState {
    /// `decision` with the offers (events and notices) the slots it frees owe the waitlist. `closesDays`: the
    /// decision cancels a day the clinic closed, whose slots are not offered.
    public func offeringFreedSlots(_ decision: Decision, closesDays: Bool = false, now: Int64,
                                   random: inout some RandomNumberGenerator) -> Decision {
        guard !waitlist.isEmpty, !decision.events.isEmpty else { return decision }
        var view = self
        var freed: [FreedSlot] = []
        var widened: [String] = []
        for event in decision.events {
            switch event {
            case .cancelled(let ref, _, _, _, _) where !closesDays:
                if let a = appointments[ref], a.isActive { freed.append(FreedSlot(a, ref: ref)) }
            case .rescheduled(let ref, let start, let end, _, _):
                // Moved within its own time (the same slot again) frees nothing.
                if let a = appointments[ref], a.isActive, !a.overlaps(start: start, end: end) { freed.append(FreedSlot(a, ref: ref)) }
            case .offerEnded(let code, let how) where how != .taken:
                if let offer = offers[code] {
                    freed.append(FreedSlot(doctorID: offer.doctorID, start: offer.start, end: offer.end, ref: nil, by: nil))
                }
                view.apply(event)
            case .hoursSet(let id, _, _):
                view.apply(event)
                if !widened.contains(id) { widened.append(id) }
            case .waitEnded, .waitAdded:
                view.apply(event)
            case .patientErased(let id, _):
                // What the erasure does to the waitlist, without the rest of it (which would copy the appointments).
                for offer in openOffers(of: id) {
                    freed.append(FreedSlot(doctorID: offer.doctorID, start: offer.start, end: offer.end, ref: nil, by: id))
                }
                view.forgetWaits(of: id)
            default:
                break
            }
        }
        guard !freed.isEmpty || !widened.isEmpty else { return decision }
        var decided = decision
        func record(_ made: SlotOffer) {
            view.apply(.slotOffered(made))
            decided.events.append(.slotOffered(made))
            decided.notices.append(PatientNotice(patientID: made.patientID, kind: .slotOffered(made)))
        }
        for slot in freed {
            if let made = view.offer(slot, now: now, random: &random) { record(made) }
        }
        let today = zone.local(now).date
        for id in widened {
            guard let doctor = view.doctor(id: id), doctor.active else { continue }
            for entry in view.waitlist where entry.doctorID == id && entry.to >= today && !view.hasOffer(entry) {
                guard view.upcomingCount(entry.patientID, now: now) < info.maxUpcoming,
                      let slot = view.freeSlots(for: entry, doctor: doctor, now: now, count: 1).first,
                      let made = view.makeOffer(to: entry, start: slot.start, end: slot.end, now: now, random: &random) else { continue }
                record(made)
            }
        }
        return decided
    }

    /// The offers whose hold has ended by `instant`, soonest first.
    public func offersEnding(by instant: Int64) -> [SlotOffer] {
        offers.values.filter { $0.until <= instant }.sorted { ($0.until, $0.code) < ($1.until, $1.code) }
    }

    /// The patients with a wait whose last day has passed at `now`, in id order.
    public func waitsLapsing(now: Int64) -> [String] {
        let today = zone.local(now).date
        return Set(waitlist.filter { $0.to < today }.map(\.patientID)).sorted()
    }

    /// The clock: an offer not answered in time ends, and its slot goes to the next patient waiting (the one
    /// who let it go is not offered it again).
    public func lapseOffer(code: String, now: Int64, random: inout some RandomNumberGenerator) -> Decision {
        guard let offer = offers[code], offer.until <= now else { return Decision(outcome: .paymentReport(.quiet)) }
        let decision = Decision(events: [.offerEnded(code: code, how: .lapsed)], outcome: .paymentReport(.quiet))
        return offeringFreedSlots(decision, now: now, random: &random)
    }

    /// The clock: the patient's waits whose last day has passed end.
    public func lapseWaits(of patientID: String, now: Int64) -> Decision {
        let today = zone.local(now).date
        let ending = waitlist.filter { $0.patientID == patientID && $0.to < today }.map(\.doctorID)
        guard !ending.isEmpty else { return Decision(outcome: .paymentReport(.quiet)) }
        return Decision(events: [.waitEnded(patientID: patientID, doctorIDs: ending, why: .lapsed)], outcome: .paymentReport(.quiet))
    }

    /// Whether an offer is open to the entry's patient for its doctor.
    func hasOffer(_ entry: WaitEntry) -> Bool {
        offers.values.contains { $0.patientID == entry.patientID && $0.doctorID == entry.doctorID }
    }

    /// The offer of `slot` to the first patient waiting who asked for it and could book it now, if any.
    private func offer(_ slot: FreedSlot, now: Int64, random: inout some RandomNumberGenerator) -> SlotOffer? {
        guard let doctor = doctor(id: slot.doctorID), doctor.active else { return nil }
        let local = zone.local(slot.start)
        let date = local.date, time = local.time, today = zone.local(now).date
        for entry in waitlist where entry.doctorID == doctor.id && entry.patientID != slot.by && entry.to >= today {
            guard entry.wants(date, time, start: slot.start), !hasOffer(entry),
                  upcomingCount(entry.patientID, now: now) < info.maxUpcoming,
                  case .success = checkSlot(doctor: doctor, date: date, time: time, patientID: entry.patientID, now: now, moving: slot.ref)
            else { continue }
            if let made = makeOffer(to: entry, start: slot.start, end: slot.end, now: now, random: &random) { return made }
        }
        return nil
    }

    /// An offer of the slot to the entry's patient, held until the clinic's hold runs out (never past the
    /// minimum notice before the slot); nil when no time is left to hold it.
    private func makeOffer(to entry: WaitEntry, start: Int64, end: Int64, now: Int64, random: inout some RandomNumberGenerator) -> SlotOffer? {
        let until = min(now + Int64(info.waitlistHoldMinutes) * 60, start - Int64(info.minimumNoticeMinutes) * 60)
        guard until > now else { return nil }
        let code = Reference.make(isUsed: { appointments[$0] != nil || offers[$0] != nil }, random: &random)
        return SlotOffer(code: code, patientID: entry.patientID, doctorID: entry.doctorID, start: start, end: end, at: now, until: until)
    }

    /// Puts back what a snapshot kept of the waitlist.
    public mutating func restore(waitlist: [WaitEntry], offers: [SlotOffer]) {
        self.waitlist = waitlist
        self.offers = Dictionary(offers.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A patient's waits and offers gone (their details were erased).
    mutating func forgetWaits(of patientID: String) {
        waitlist.removeAll { $0.patientID == patientID }
        offers = offers.filter { $0.value.patientID != patientID }
    }

    /// Whether an offer held for someone other than `except` covers part of `start..<end` of the doctor's time.
    func offerHolds(_ doctorID: String, start: Int64, end: Int64, except: String?) -> Bool {
        offers.values.contains { $0.doctorID == doctorID && $0.overlaps(start: start, end: end) && $0.code != except }
    }
}

/// A slot a decision frees: its doctor and time, the appointment that held it (left out when deciding whom to
/// offer it), and the patient who freed it (not offered it back).
struct FreedSlot {
    var doctorID: String
    var start: Int64
    var end: Int64
    var ref: String?
    var by: String?

    init(doctorID: String, start: Int64, end: Int64, ref: String?, by: String?) {
        self.doctorID = doctorID
        self.start = start
        self.end = end
        self.ref = ref
        self.by = by
    }

    init(_ appointment: Appointment, ref: String) {
        self.init(doctorID: appointment.doctorID, start: appointment.start, end: appointment.end, ref: ref, by: appointment.patientID)
    }
}
