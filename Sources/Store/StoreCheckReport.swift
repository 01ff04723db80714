/// What `JSONStore.check` found in a store folder, file by file. Offsets are bytes from the start of
/// the file; nothing here holds record contents.
public struct StoreCheckReport: Sendable {
    public struct Snapshot: Sendable {
        public var generation: Int
        public var bytes: Int
        /// False for a snapshot written before snapshots were sealed (nothing to check it against).
        public var sealed: Bool
        /// Why it cannot be used (its seal is broken, or it does not decode); nil when it can.
        public var problem: String?
    }

    public struct Journal: Sendable {
        public var generation: Int
        public var bytes: Int
        /// Valid records, each passing its checksum.
        public var records: Int
        /// Commit marks: one per commit since journals carried them.
        public var commits: Int
        public var damage: [Damage]
        /// Offsets of records that pass their checksum but do not decode.
        public var undecodable: [Int]
        /// A write a crash cut short (no valid frame after it): dropped at the next open, never acknowledged.
        public var tornTail: Range<Int>?

        public var isWhole: Bool { damage.isEmpty && undecodable.isEmpty }
    }

    /// Bytes that are not valid records, with valid records after them.
    public struct Damage: Sendable, Equatable {
        public var range: Range<Int>
        /// Valid records after this damage in the same file.
        public var recordsAfter: Int
    }

    /// The store folder (`DATA/store`).
    public var folder: String
    public var snapshots: [Snapshot]
    public var journals: [Journal]
    /// Journals newer than the newest snapshot that hold bytes (their snapshot is missing).
    public var orphanJournals: [Int]
    /// Files or folders set aside by earlier repairs (`snapshot-N.json.bad`, `salvaged-N/`).
    public var setAside: [String]
    /// The generation the store opens at: the newest snapshot's (0 when there is none).
    public var generation: Int
    /// Whether opening would rebuild a damaged newest snapshot from the generation before it.
    public var rebuildsNewestSnapshot: Bool

    /// Every snapshot usable, every journal free of damage, nothing orphaned.
    public var isWhole: Bool {
        snapshots.allSatisfy { $0.problem == nil } && journals.allSatisfy(\.isWhole) && orphanJournals.isEmpty
    }

    /// Whether the desk can open the store as it is (maybe rebuilding the newest snapshot on the way).
    public var opens: Bool {
        let newestUsable = snapshots.first { $0.generation == generation }.map { $0.problem == nil } ?? true
        let current = journals.first { $0.generation == generation }
        return (newestUsable || rebuildsNewestSnapshot) && (current?.isWhole ?? true) && orphanJournals.isEmpty
    }
}
