import Clinic

extension Desk {
    /// The clock's part of the waitlist: offers whose hold ended pass to the next patient waiting (who is told),
    /// and waits past their last day end. Each is recorded once, in one commit. Returns how many offers and
    /// waits ended.
    @discardableResult
    public func lapseWaitlist(now: Int64) throws -> Int {
        guard let clinic = store.state.clinic, !clinic.waitlist.isEmpty || !clinic.offers.isEmpty else { return 0 }
        let offers = clinic.offersEnding(by: now)
        let waits = clinic.waitsLapsing(now: now)
        guard !offers.isEmpty || !waits.isEmpty else { return 0 }
        var decisions: [(key: String, decide: (ClinicState, inout MessageRandom) -> Decision)] = offers.map { offer in
            (key: "offer lapsed \(offer.code) \(offer.patientID) \(offer.until)",
             decide: { clinic, random in clinic.lapseOffer(code: offer.code, now: now, random: &random) })
        }
        let today = clinic.zone.local(now).date
        decisions += waits.map { patientID in
            (key: "waits lapsed \(patientID) \(today)", decide: { clinic, _ in clinic.lapseWaits(of: patientID, now: now) })
        }
        try store.update { state -> ([DeskRecord], Void) in
            (applyClockDecisions(decisions, state: &state, now: now), ())
        }
        return offers.count + waits.count
    }
}
