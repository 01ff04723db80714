/// Names of the files in `DIR/store/`:
///
///     snapshot-<gen>.json       the state as of the start of generation gen
///     journal-<gen>.log         records appended after that snapshot
///     snapshot-<gen>.json.tmp   a snapshot being written (deleted on open)
///     snapshot-<gen>.json.bad   a snapshot set aside because it did not decode
///     lock                      the flock target, never renamed or deleted
///
/// Generation 0 has no snapshot file: its state is `State()`.
struct StoreLayout: Sendable {
    let folder: String

    var lockPath: String { folder + "/lock" }

    func snapshotPath(_ generation: Int) -> String { folder + "/snapshot-\(generation).json" }
    func journalPath(_ generation: Int) -> String { folder + "/journal-\(generation).log" }
    func temporarySnapshotPath(_ generation: Int) -> String { snapshotPath(generation) + ".tmp" }
    func setAsidePath(_ generation: Int) -> String { snapshotPath(generation) + ".bad" }
    func path(_ name: String) -> String { folder + "/" + name }

    /// What the folder holds right now.
    struct Listing: Sendable {
        var snapshots: [Int] = []
        var journals: [Int] = []
        var temporaries: [String] = []

        var newestSnapshot: Int? { snapshots.max() }
    }

    func list() throws -> Listing {
        var listing = Listing()
        for name in try FileIO.list(folder) {
            if let generation = Self.generation(in: name, prefix: "snapshot-", suffix: ".json") {
                listing.snapshots.append(generation)
            } else if let generation = Self.generation(in: name, prefix: "journal-", suffix: ".log") {
                listing.journals.append(generation)
            } else if name.hasPrefix("snapshot-") && name.hasSuffix(".json.tmp") {
                listing.temporaries.append(name)
            }
        }
        return listing
    }

    /// The decimal generation in `prefix<digits>suffix`, or nil.
    static func generation(in name: String, prefix: String, suffix: String) -> Int? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let digits = name.utf8.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
