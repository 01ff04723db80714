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
    /// What opening did that an operator should hear of (a torn tail dropped, a snapshot rebuilt).
    var notes: [String]
}

/// Opening (or reloading) a store folder, under the lock. Picks the newest generation, replays its
/// journal, cuts a torn tail, and removes what an interrupted compaction left behind.
///
/// Compaction writes, in order: `snapshot-<g+1>.json` (via a temp file and rename), an empty
/// `journal-<g+1>.log`, then deletes generation g-1's snapshot and then its journal, keeping generation
/// g whole: its snapshot and journal together rebuild snapshot g+1 should that one be damaged. A crash
/// between any two steps leaves a folder this loader reads correctly:
///   - temp file only: generation g is intact, the temp is deleted;
///   - new snapshot without journal: the snapshot holds everything, the journal is created empty;
///   - older generations still present: they are deleted.
///
/// Damage is never read past: a snapshot that fails its seal or does not decode is rebuilt from the
/// generation before it when that one is whole, and refused otherwise; a journal with damaged bytes
/// followed by valid records is refused (see `JournalScan`). Refusing changes no file.
enum StoreLoader {
    static func load<State: StoreState>(
        _ layout: StoreLayout, as type: State.Type, decoder: JSONDecoder
    ) throws -> LoadedGeneration<State> {
        let listing = try layout.list()
        let generation = listing.newestSnapshot ?? 0
        try checkNoLaterRecords(listing, after: generation, layout)
        var notes: [String] = []
        var state: State
        var rebuilt = false
        if generation == 0 {
            state = State()
        } else {
            switch try snapshot(generation, layout, as: State.self) {
            case .usable(let loaded):
                state = loaded
            case .damaged(let problem):
                guard let previous = try previousGeneration(before: generation, listing, layout, as: State.self, decoder: decoder) else {
                    throw StoreError(.damagedSnapshot(path: layout.snapshotPath(generation), detail: problem))
                }
                state = previous
                rebuilt = true
                notes.append("snapshot-\(generation).json is damaged (\(problem)); rebuilt it from generation \(generation - 1) "
                             + "(its snapshot and journal) and set the damaged file aside as snapshot-\(generation).json.bad")
            }
        }
        let journal = try Journal.open(layout, generation: generation)
        guard let unread = try journal.readUnread(State.Record.self, decoder: decoder) else {
            throw StoreError(.inconsistentFolder(path: layout.folder, detail: "journal shrank while being opened"))
        }

        // Decisions made, nothing refused; now repair, tidy up and replay.
        var changed = false
        if rebuilt {
            try FileIO.move(layout.snapshotPath(generation), to: layout.setAsidePath(generation))
            try SnapshotFile.write(state, generation: generation, layout: layout)
        }
        for later in listing.journals where later > generation {
            changed = try FileIO.remove(layout.journalPath(later)) || changed
        }
        // Apply in place: a copy of the state would make the first record
        // copy the whole (possibly huge) state.
        for record in unread.records { state.apply(record) }
        if unread.fileSize > unread.validEnd {
            notes.append("journal-\(generation).log: dropped a torn tail of \(unread.fileSize - unread.validEnd) bytes at byte "
                         + "\(unread.validEnd) (a write a crash cut short, never acknowledged)")
        }
        try journal.consume(unread)

        changed = try removeGenerations(listing, below: generation - 1, layout) || changed
        for name in listing.temporaries {
            changed = try FileIO.remove(layout.path(name)) || changed
        }
        if changed { FileIO.syncFolderOrCrash(layout.folder) }

        return LoadedGeneration(state: state, generation: generation, journal: journal,
                                recordCount: unread.records.count, notes: notes)
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

    enum SnapshotRead<State> {
        case usable(State)
        case damaged(String)
    }

    /// Snapshot `generation` if it is sealed correctly (or from before seals) and decodes.
    static func snapshot<State: StoreState>(_ generation: Int, _ layout: StoreLayout, as type: State.Type) throws -> SnapshotRead<State> {
        guard let contents = try SnapshotFile.read(generation: generation, layout: layout) else {
            return .damaged("the file is missing")
        }
        return snapshot(contents, as: State.self)
    }

    /// The state in a snapshot's contents, if they are sealed correctly (or from before seals) and decode.
    static func snapshot<State: StoreState>(_ contents: SnapshotFile.Contents, as type: State.Type) -> SnapshotRead<State> {
        if case .broken(let problem) = contents.seal { return .damaged(problem) }
        do {
            return .usable(try State(snapshotData: contents.payload))
        } catch {
            return .damaged("it does not decode: \(error)")
        }
    }

    /// The state generation `generation` started from, rebuilt from generation `generation - 1`: its
    /// snapshot (none for generation 0) and its whole journal, frozen since the newer snapshot was written.
    /// Nil when that generation is gone or not whole.
    static func previousGeneration<State: StoreState>(
        before generation: Int, _ listing: StoreLayout.Listing, _ layout: StoreLayout, as type: State.Type, decoder: JSONDecoder
    ) throws -> State? {
        let previous = generation - 1
        guard previous >= 0, listing.journals.contains(previous) else { return nil }
        var state = State()
        if previous > 0 {
            guard case .usable(let loaded) = try snapshot(previous, layout, as: State.self) else { return nil }
            state = loaded
        }
        let path = layout.journalPath(previous)
        guard let fd = try FileIO.openExisting(path, O_RDONLY) else { return nil }
        defer { FileIO.closeFile(fd) }
        let data = try FileIO.read(fd, at: 0, count: try FileIO.size(fd, path: path), path: path)
        let scan = data.withUnsafeBytes { JournalScan($0) }
        guard !scan.isDamaged else { return nil }
        for range in scan.records {
            guard let record = try? decoder.decode(State.Record.self, from: data[range]) else { return nil }
            state.apply(record)
        }
        return state
    }

    /// Journals newer than the chosen generation must be empty: records in
    /// them would belong to a snapshot that is not being used.
    private static func checkNoLaterRecords(_ listing: StoreLayout.Listing, after generation: Int, _ layout: StoreLayout) throws {
        for later in listing.journals where later > generation {
            if try journalSize(later, listing, layout) > 0 {
                throw StoreError(.inconsistentFolder(
                    path: layout.folder,
                    detail: "journal-\(later).log holds records but the newest snapshot is generation \(generation)"))
            }
        }
    }

    static func journalSize(_ generation: Int, _ listing: StoreLayout.Listing, _ layout: StoreLayout) throws -> Int {
        guard listing.journals.contains(generation) else { return 0 }
        let path = layout.journalPath(generation)
        guard let fd = try FileIO.openExisting(path, O_RDONLY) else { return 0 }
        defer { FileIO.closeFile(fd) }
        return try FileIO.size(fd, path: path)
    }
}
