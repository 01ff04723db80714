import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A generation loaded from disk: its snapshot plus its journal replayed.
struct LoadedGeneration<State: StoreState> {
    var state: State
    var generation: Int
    var journal: Journal
    var recordCount: Int
}

/// Opening (or reloading) a store folder, under the lock. Picks the newest
/// usable generation, replays its journal, cuts a torn tail, and removes what
/// an interrupted compaction left behind.
///
/// Compaction writes, in order: `snapshot-<g+1>.json` (via a temp file and
/// rename), an empty `journal-<g+1>.log`, then deletes generation g's
/// snapshot and then its journal. A crash between any two steps leaves a
/// folder this loader reads correctly:
///   - temp file only: generation g is intact, the temp is deleted;
///   - new snapshot without journal: the snapshot holds everything, the
///     journal is created empty;
///   - old generation still present: it is deleted.
enum StoreLoader {
    static func load<State: StoreState>(
        _ layout: StoreLayout, as type: State.Type, decoder: JSONDecoder
    ) throws -> LoadedGeneration<State> {
        let listing = try layout.list()
        var chosen = try choose(listing, layout, as: State.self)
        try checkNoLaterRecords(listing, after: chosen.generation, layout)

        // Decisions made; now tidy up and replay.
        for generation in chosen.rejected {
            try FileIO.move(layout.snapshotPath(generation), to: layout.setAsidePath(generation))
        }
        var changed = !chosen.rejected.isEmpty
        for generation in listing.journals where generation > chosen.generation {
            changed = try FileIO.remove(layout.journalPath(generation)) || changed
        }

        let journal = try Journal.open(layout, generation: chosen.generation)
        guard let unread = try journal.readUnread(State.Record.self, decoder: decoder) else {
            throw StoreError(.inconsistentFolder(path: layout.folder, detail: "journal shrank while being opened"))
        }
        // Apply in place: a copy of the state would make the first record
        // copy the whole (possibly huge) state.
        for record in unread.records { chosen.state.apply(record) }
        try journal.consume(unread)

        changed = try removeGenerations(listing, below: chosen.generation, layout) || changed
        for name in listing.temporaries {
            changed = try FileIO.remove(layout.path(name)) || changed
        }
        if changed { FileIO.syncFolderOrCrash(layout.folder) }

        return LoadedGeneration(state: chosen.state, generation: chosen.generation, journal: journal, recordCount: unread.records.count)
    }

    /// Deletes every generation older than `generation`: all snapshots
    /// first, then the journals, so that a snapshot on disk always still has
    /// its journal. Returns whether anything was deleted.
    static func removeGenerations(_ listing: StoreLayout.Listing, below generation: Int, _ layout: StoreLayout) throws -> Bool {
        var removed = false
        for old in listing.snapshots.sorted() where old < generation {
            removed = try FileIO.remove(layout.snapshotPath(old)) || removed
        }
        for old in listing.journals.sorted() where old < generation {
            removed = try FileIO.remove(layout.journalPath(old)) || removed
        }
        return removed
    }

    private struct Choice<State> {
        var generation: Int
        var state: State
        /// Newer snapshots that do not decode and have nothing on top of them.
        var rejected: [Int]
    }

    /// The newest snapshot that decodes. A snapshot is fsynced before it is
    /// renamed into place, so a crash never leaves a partial one: one that
    /// does not decode is damaged or was written by an incompatible `State`.
    /// Falling back to the generation before it is only allowed when nothing
    /// was committed on top of it (its journal is empty) and the older
    /// generation is complete (its journal is still there); otherwise
    /// records would silently be lost, so this throws instead.
    private static func choose<State: StoreState>(
        _ listing: StoreLayout.Listing, _ layout: StoreLayout, as type: State.Type
    ) throws -> Choice<State> {
        var generation = listing.newestSnapshot ?? 0
        var rejected: [Int] = []
        var firstFailure: (path: String, error: any Error)?
        while true {
            if !rejected.isEmpty && !listing.journals.contains(generation) {
                let failure = firstFailure!
                throw StoreError(.unusableSnapshot(
                    path: failure.path,
                    detail: "\(failure.error); generation \(generation) is not complete enough to fall back to"))
            }
            if generation == 0 {
                return Choice(generation: 0, state: State(), rejected: rejected)
            }
            let path = layout.snapshotPath(generation)
            guard let data = try SnapshotFile.read(generation: generation, layout: layout) else {
                let failure = firstFailure.map { "\($0.path): \($0.error); " } ?? ""
                throw StoreError(.inconsistentFolder(
                    path: layout.folder, detail: "\(failure)snapshot-\(generation).json is missing"))
            }
            do {
                return Choice(generation: generation, state: try State(snapshotData: data), rejected: rejected)
            } catch {
                if try journalSize(generation, listing, layout) > 0 {
                    throw StoreError(.unusableSnapshot(
                        path: path, detail: "\(error); journal-\(generation).log holds records committed after it"))
                }
                if firstFailure == nil { firstFailure = (path, error) }
                rejected.append(generation)
                generation -= 1
            }
        }
    }

    /// Journals newer than the chosen generation must be empty: records in
    /// them would belong to a snapshot that is not being used.
    private static func checkNoLaterRecords(_ listing: StoreLayout.Listing, after generation: Int, _ layout: StoreLayout) throws {
        for later in listing.journals where later > generation {
            if try journalSize(later, listing, layout) > 0 {
                throw StoreError(.inconsistentFolder(
                    path: layout.folder,
                    detail: "journal-\(later).log holds records but the newest usable snapshot is generation \(generation)"))
            }
        }
    }

    private static func journalSize(_ generation: Int, _ listing: StoreLayout.Listing, _ layout: StoreLayout) throws -> Int {
        guard listing.journals.contains(generation) else { return 0 }
        let path = layout.journalPath(generation)
        guard let fd = try FileIO.openExisting(path, O_RDONLY) else { return 0 }
        defer { FileIO.closeFile(fd) }
        return try FileIO.size(fd, path: path)
    }
}
