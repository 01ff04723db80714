import Foundation

extension JSONStore {
    /// Writes a new snapshot generation if at least `compactEvery` records
    /// were appended since the last one. Cheap when not due (no lock, no
    /// I/O), so call it after every transaction: each record is then
    /// snapshotted O(1) times on average, amortised over `compactEvery`.
    public func compactIfDue() throws {
        guard recordsSinceSnapshot >= compactEvery else { return }
        try lock.withLock {
            try catchUp()  // another process may have compacted already
            guard recordsSinceSnapshot >= compactEvery else { return }
            try writeNextGeneration()
        }
    }

    /// Writes a new snapshot generation now, whatever the record count.
    public func compact() throws {
        try lock.withLock {
            try catchUp()
            try writeNextGeneration()
        }
    }

    /// Writes a new snapshot generation now and removes every earlier one, snapshots and journals alike,
    /// before returning: what the state no longer holds (a patient who asked to be forgotten) is then in no
    /// file of the store. This gives up the previous generation kept against a damaged snapshot, once.
    public func compactForgettingEarlier() throws {
        try lock.withLock {
            try catchUp()
            try writeNextGeneration()
            let listing = try layout.list()
            _ = try StoreLoader.removeGenerations(listing, below: generation, layout)
            FileIO.syncFolderOrCrash(layout.folder)
        }
    }

    /// snapshot-<g+1>.json (temp, fsync, rename, fsync dir), then an empty
    /// journal-<g+1>.log (fsync, fsync dir), then delete generation g-1. Generation g stays: should
    /// snapshot g+1 ever be damaged, g's snapshot and journal rebuild it.
    /// Caller holds the lock and has caught up, so the snapshot holds every
    /// record of journal-<g>.log. See `StoreLoader` for the crash cases.
    private func writeNextGeneration() throws {
        let next = generation + 1
        try SnapshotFile.write(state, generation: next, layout: layout)
        let newJournal = try Journal.create(layout, generation: next)
        journal = newJournal
        generation = next
        recordsSinceSnapshot = 0
        // Best effort: the new generation is complete and durable already;
        // whatever is left here is removed by the next open.
        if let listing = try? layout.list(),
           (try? StoreLoader.removeGenerations(listing, below: generation - 1, layout)) == true {
            FileIO.syncFolderOrCrash(layout.folder)
        }
    }
}
