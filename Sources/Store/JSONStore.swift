import Foundation

/// An embedded durable store: an append-only journal of checksummed records
/// plus a periodically compacted snapshot, kept in `directory/store/` and
/// shared by several processes through an exclusive lock.
///
/// Not `Sendable`: use one instance per process (or actor). Several
/// instances on one folder, in one process or several, stay consistent: each
/// transaction first catches up with what the others committed. Calls must
/// not nest (no transaction inside another instance's transaction body on
/// the same thread: the second would wait for the lock forever).
public final class JSONStore<State: StoreState> {
    /// The folder given to `init`; the files live in `storeDirectory`.
    public let directory: URL
    /// `directory/store`: snapshots, journals and the lock file.
    public let storeDirectory: URL
    /// `compactIfDue()` writes a snapshot once this many records accumulated.
    public let compactEvery: Int

    /// The state as of the last catch-up or commit of this instance.
    public internal(set) var state: State
    /// Records in the current generation's journal, from all processes, as of
    /// this instance's last catch-up or commit.
    public internal(set) var recordsSinceSnapshot: Int
    /// The current snapshot generation (0 before the first compaction).
    public internal(set) var generation: Int
    /// What opening or reloading did that an operator should hear of: a torn tail dropped, a damaged
    /// snapshot rebuilt from the generation before it. Never holds record contents.
    public internal(set) var notes: [String] = []

    let layout: StoreLayout
    let lock: FolderLock
    var journal: Journal
    let decoder = JSONDecoder()
    /// Writes the records of a commit; its buffer is reused between commits to keep allocations down.
    let recordEncoder = RecordEncoder()
    /// Writes the second half of a large commit, on another thread.
    let secondRecordEncoder = RecordEncoder()
    /// When true, a commit writes its batch but leaves the fsync to whoever takes `takePendingSync()`: a
    /// caller that decides the next batch while the disk makes the last one durable. It must run the sync
    /// before acknowledging anything of the batch, and turn this off (or sync) before it stops.
    public var defersSync = false
    var pendingSync: JournalSync?

    /// Opens the store in `directory/store`, creating it (mode 0700) if
    /// missing, and loads the newest snapshot and its journal under the lock.
    public init(directory: URL, compactEvery: Int = 50_000) throws {
        precondition(compactEvery > 0, "compactEvery must be positive")
        self.directory = directory
        self.compactEvery = compactEvery
        storeDirectory = directory.appendingPathComponent("store", isDirectory: true)
        layout = StoreLayout(folder: storeDirectory.path)
        try FileIO.makeFolder(layout.folder, enforceMode: true)
        lock = try FolderLock(path: layout.lockPath)
        let decoder = decoder
        let loaded = try lock.withLock { [layout] in
            try StoreLoader.load(layout, as: State.self, decoder: decoder)
        }
        state = loaded.state
        generation = loaded.generation
        journal = loaded.journal
        recordsSinceSnapshot = loaded.recordCount
        notes = loaded.notes
    }

    /// Takes the lock, catches up with other writers, and calls `body` with
    /// the up-to-date state. The records `body` returns are encoded, appended
    /// in one write, fsynced, then applied to `state`; the lock is released
    /// and `body`'s result returned. If `body` or encoding throws, nothing is
    /// written. `body` must not mutate state itself or touch another store
    /// on the same folder.
    public func transaction<T>(_ body: (State) throws -> (records: [State.Record], result: T)) throws -> T {
        try lock.acquire()
        defer { lock.release() }
        try catchUp()
        let (records, result) = try body(state)
        guard !records.isEmpty else { return result }
        try commit(records)
        return result
    }

    /// The fsync owed for commits made while `defersSync` was on, if any; the store forgets it.
    public func takePendingSync() -> JournalSync? {
        defer { pendingSync = nil }
        return pendingSync
    }

    /// Takes the lock and catches up with other writers without committing.
    public func refresh() throws {
        try lock.withLock { try catchUp() }
    }

    /// Brings `state` up to date with the folder. Caller holds the lock.
    func catchUp() throws {
        if let newest = try layout.list().newestSnapshot, newest > generation {
            // Another process compacted: its snapshot replaces our generation.
            try reload()
            return
        }
        guard let unread = try journal.readUnread(State.Record.self, decoder: decoder) else {
            try reload()
            return
        }
        for record in unread.records { state.apply(record) }
        recordsSinceSnapshot += unread.records.count
        try journal.consume(unread)
    }

    func reload() throws {
        let loaded = try StoreLoader.load(layout, as: State.self, decoder: decoder)
        state = loaded.state
        generation = loaded.generation
        journal = loaded.journal
        recordsSinceSnapshot = loaded.recordCount
        notes += loaded.notes
    }

    /// Encodes, frames, appends (one write + fsync, the batch ending with its commit mark) and applies a batch.
    /// Caller holds the lock and has caught up. Each record is written by a `RecordEncoder` straight into
    /// a frame buffer, its header filled in afterwards; a large batch is written in two halves on two threads.
    func commit(_ records: [State.Record], applying: Bool = true) throws {
        if records.count >= 32 {
            let middle = records.count / 2
            let halves = [records[..<middle], records[middle...]]
            nonisolated(unsafe) let encoders = [recordEncoder, secondRecordEncoder]
            nonisolated(unsafe) var failure: (any Error)?
            let failureLock = NSLock()
            // Each thread has its own encoder and its own half: nothing is shared but the failure slot.
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                do {
                    try Self.frame(halves[half], with: encoders[half])
                } catch {
                    failureLock.withLock { failure = failure ?? error }
                }
            }
            if let failure { throw failure }
            recordEncoder.bytes.append(contentsOf: secondRecordEncoder.bytes)
            if secondRecordEncoder.bytes.capacity > 16 << 20 { secondRecordEncoder.bytes = [] }
        } else {
            try Self.frame(records[...], with: recordEncoder)
        }
        try RecordFrame.appendMark(&recordEncoder.bytes, records: records.count)
        try journal.append(recordEncoder.bytes, sync: !defersSync)
        if defersSync { pendingSync = journal.syncLater }
        if recordEncoder.bytes.capacity > 16 << 20 { recordEncoder.bytes = [] }  // don't pin a huge batch's buffer
        if applying { for record in records { state.apply(record) } }
        recordsSinceSnapshot += records.count
    }

    /// Replaces `encoder`'s bytes with the framed records.
    private static func frame(_ records: ArraySlice<State.Record>, with encoder: RecordEncoder) throws {
        encoder.bytes.removeAll(keepingCapacity: true)
        for record in records {
            let header = encoder.bytes.count
            encoder.bytes.append(contentsOf: RecordFrame.placeholder)
            do {
                try encoder.encode(record)
            } catch {
                throw StoreError(.encoding(what: "record", detail: "\(error)"))
            }
            try RecordFrame.seal(&encoder.bytes, headerAt: header)
        }
    }
}
