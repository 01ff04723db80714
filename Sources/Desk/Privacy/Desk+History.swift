import Clinic
import Foundation
import Store

/// The months whose books close, so that what an instance holds in memory — and reads at start-up — is the
/// months still open, not the years behind them. Each month is first put on the store's history shelf (one
/// row per patient: their appointments with payments and the doctors' notes), then closed by one journaled
/// event; MY DATA and EXPORT read the shelf back, ERASE scrubs it.
extension Desk {
    /// Closes, oldest first, every month before the `liveMonths` most recent (the current one counts), then
    /// compacts so the next start reads only what is open. Returns the months closed.
    @discardableResult
    public func closeMonths(now: Int64, liveMonths: Int) throws -> [YearMonth] {
        try store.refresh()
        guard let zone = store.state.clinic?.zone else { return [] }
        var open = YearMonth(zone.local(now).date)
        for _ in 1..<max(liveMonths, 1) { open = open.previous }
        var closed: [YearMonth] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let due = store.state.clinic?.monthsToClose(before: open) ?? []
        // Every month on the shelf first, then all of them closed by one record (one rebuild of the indexes).
        for month in due {
            let histories = store.state.clinic?.histories(closing: month) ?? []
            try store.shelf.shelve(month.iso, rows: try histories.map {
                ShelvedRow(shelf: month.iso, owner: $0.patientID, bytes: try encoder.encode($0))
            })
        }
        if let first = due.first, let last = due.last {
            closed = try store.update { state -> ([DeskRecord], [YearMonth]) in
                // Another instance may have closed some meanwhile (from the same state: the same shelves).
                let months = due.filter { state.clinic?.closedMonths[$0] == nil }
                guard !months.isEmpty else { return ([], []) }
                let key = "closing \(first.iso)" + (first == last ? "" : " to \(last.iso)")
                let record = DeskRecord.message(HandledMessage(key: key, events: months.map { .monthClosed($0) }, replies: []))
                state.absorb(record, eventsApplied: false)
                return ([record], months)
            }
            if !closed.isEmpty { logger.info("months closed", metadata: ["from": "\(first.iso)", "to": "\(last.iso)", "count": "\(closed.count)"]) }
        }
        try scrubShelves()
        if !closed.isEmpty { try store.compact() }
        return closed
    }

    /// Scrubs the shelf rows of every erased patient still owed it (see `DeskState.shelvesToScrub`).
    func scrubShelves() throws {
        let owed = store.state.shelvesToScrub.sorted()
        guard !owed.isEmpty else { return }
        let encoder = JSONEncoder(), decoder = JSONDecoder()
        encoder.outputFormatting = .sortedKeys
        for id in owed {
            let rows = try store.shelf.rows(of: id)
            let scrubbed = try rows.map { row in
                ShelvedRow(shelf: row.shelf, owner: row.owner, bytes: try encoder.encode(try decoder.decode(PatientHistory.self, from: row.bytes).erased))
            }
            if scrubbed != rows { try store.shelf.replaceRows(of: id, with: scrubbed) }
        }
        try store.update { state -> ([DeskRecord], Void) in
            let done = owed.filter(state.shelvesToScrub.contains)
            guard !done.isEmpty else { return ([], ()) }
            let record = DeskRecord.shelvesScrubbed(done)
            state.absorb(record, eventsApplied: false)
            return ([record], ())
        }
    }

    /// MY DATA and EXPORT: the patient's record with what the shelf keeps of their closed months.
    func withShelvedHistory(_ outcome: Outcome) throws -> Outcome {
        guard case .patientData(let record) = outcome else { return outcome }
        let decoder = JSONDecoder()
        let histories = try store.shelf.rows(of: record.profile.id).map { try decoder.decode(PatientHistory.self, from: $0.bytes) }
        return .patientData(record.adding(histories, withNotes: record.notes != nil))
    }
}
