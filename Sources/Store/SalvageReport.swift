/// What `JSONStore.salvage` did: the generation it wrote, what it was built from, and every stretch of
/// bytes it could not bring back.
public struct SalvageReport: Sendable {
    /// Something in the old files that is not in the new generation.
    public struct Loss: Sendable {
        /// A file name of the store folder (`journal-1.log`, `snapshot-2.json`).
        public var file: String
        public var range: Range<Int>
        public var why: String
        /// Where its bytes were kept, relative to the store folder, if they were written out.
        public var keptAs: String?
    }

    /// False when the store was whole: nothing was changed.
    public var changed: Bool
    /// The new generation (its snapshot holds everything salvaged, its journal is empty).
    public var generation: Int
    /// What the new generation was built from, in words.
    public var builtFrom: String
    /// Records replayed into it from journals.
    public var recordsReplayed: Int
    public var losses: [Loss]
    /// Torn tails left out: writes a crash cut short, never acknowledged.
    public var tornTails: [Loss]
    /// What an operator should know besides the losses (a snapshot used although its seal failed …).
    public var warnings: [String]
    /// The folder, relative to the store folder, holding every file the new generation replaced.
    public var setAside: String?
}
