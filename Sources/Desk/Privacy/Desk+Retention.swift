import Clinic
import Foundation

extension Desk {
    /// What retention let go in one round.
    public struct Retention: Sendable, Equatable {
        public var outgoingFilesRemoved = 0
        /// Handled ids forgotten (older than the dedupe window).
        public var handledForgotten = 0
        public var registrationsDropped = 0
        /// Months whose books closed (older than `openMonths`).
        public var monthsClosed = 0
        public init() {}
    }

    /// Nothing kept longer than needed: the copies in `outgoing/` and `outgoing-sms/` older than
    /// `keepOutgoingDays` are removed, the handled ids turned over every `dedupeDays` (a re-sent message is
    /// recognised for at least that long), registrations never verified within a day dropped, and months
    /// older than `openMonths` closed (see `closeMonths`). Run by `tick` and `serve`'s tick round.
    public func applyRetention(dataFolder: URL, settings: DeliverySettings, now: Int64) throws -> Retention {
        var done = Retention()
        done.outgoingFilesRemoved = Self.removeFiles(in: [DataFolder.outgoing(dataFolder), DataFolder.outgoingSMS(dataFolder)].map(URL.init(fileURLWithPath:)),
                                                     olderThan: now - Int64(settings.keepOutgoingDays) * 86_400)
        try store.update { state -> ([DeskRecord], Void) in
            var records: [DeskRecord] = []
            if now - (state.handledSince ?? .min / 2) >= Int64(settings.dedupeDays) * 86_400 {
                done.handledForgotten = state.handledBefore.count
                let record = DeskRecord.handledTurnedOver(at: now)
                state.absorb(record, eventsApplied: false)
                records.append(record)
            }
            if let stale = state.clinic?.unverifiedRegistrations(before: now), !stale.isEmpty {
                done.registrationsDropped = stale.count
                let record = DeskRecord.message(HandledMessage(key: "retention \(now) registrations", events: [.registrationsDropped(patientIDs: stale)],
                                                               replies: []))
                state.absorb(record, eventsApplied: false)
                records.append(record)
            }
            return (records, ())
        }
        done.monthsClosed = try closeMonths(now: now, liveMonths: settings.openMonths).count
        return done
    }

    /// Removes the regular files under `folders` (and their Maildir subfolders) last changed before `instant`.
    static func removeFiles(in folders: [URL], olderThan instant: Int64) -> Int {
        var removed = 0
        let manager = FileManager.default
        for folder in folders {
            guard let walker = manager.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey]) else { continue }
            for case let file as URL in walker {
                guard let values = try? file.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey]), values.isRegularFile == true,
                      let changed = values.contentModificationDate, Int64(changed.timeIntervalSince1970) < instant else { continue }
                if (try? manager.removeItem(at: file)) != nil { removed += 1 }
            }
        }
        return removed
    }
}
