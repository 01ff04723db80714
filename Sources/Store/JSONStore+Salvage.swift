import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONStore {
    /// Rebuilds a damaged store from everything in it that passes its checksum, under the lock
    /// (`caredesk store salvage`): the newest usable snapshot (or the generation before a damaged one),
    /// then every valid record of its journals, before and after the damage, in order. Writes the result
    /// as a new generation and moves every file it replaces into `store/salvaged-<generation>/`, with each
    /// damaged stretch also written there on its own. A whole store is left as it is.
    ///
    /// Crash-safe: the old files get their second name in the salvaged folder first, then the new
    /// generation is written (snapshot, then journal), and only then are the old names removed. The new
    /// generation skips a number, so no generation just below it exists that could ever be taken as the
    /// one it was compacted from.
    public static func salvage(directory: URL) throws -> SalvageReport {
        try withLockedLayout(directory) { try salvage($0) }
    }

    private static func salvage(_ layout: StoreLayout) throws -> SalvageReport {
        let (report, scans) = try inspect(layout)
        let listing = try layout.list()
        let newest = report.generation
        var warnings: [String] = []
        let decoder = JSONDecoder()
        guard !report.isWhole else {
            return SalvageReport(changed: false, generation: newest, builtFrom: "", recordsReplayed: 0, losses: [], tornTails: [],
                                 warnings: [], setAside: nil)
        }

        // Where to start: the newest snapshot, else the one before it with its journal, else the damaged
        // snapshot itself if it still decodes.
        var state = State()
        var replay: [Int] = [newest]
        var builtFrom = "an empty store"
        var losses: [SalvageReport.Loss] = []
        if newest > 0 {
            let name = "snapshot-\(newest).json"
            guard let contents = try SnapshotFile.read(generation: newest, layout: layout) else {
                throw StoreError(.inconsistentFolder(path: layout.folder, detail: "\(name) vanished"))
            }
            switch StoreLoader.snapshot(contents, as: State.self) {
            case .usable(let loaded):
                state = loaded
                builtFrom = name
            case .damaged(let problem):
                if let previous = try previousStart(before: newest, listing, layout) {
                    state = previous.state
                    replay = previous.journals + [newest]
                    builtFrom = previous.from
                    losses.append(.init(file: name, range: 0..<contents.fileSize,
                                        why: "damaged (\(problem)); replaced by what it was made from", keptAs: nil))
                } else if let unchecked = try? State(snapshotData: contents.payload) {
                    state = unchecked
                    builtFrom = "\(name), unverified"
                    warnings.append("\(name) is damaged (\(problem)) and no earlier generation is left, but it still decodes: its "
                                    + "content was taken as it is. Check what the store holds (caredesk show) against your records.")
                } else {
                    throw StoreError(.damagedSnapshot(path: layout.snapshotPath(newest), detail: problem))
                }
            }
        }

        // Replay every record that passes its checksum and decodes.
        let target = ((listing.snapshots + listing.journals).max() ?? 0) + 2
        let salvaged = salvagedPrefix + "\(target)"
        var replayed = 0
        var tornTails: [SalvageReport.Loss] = []
        var pieces: [(name: String, bytes: Data)] = []
        for generation in replay {
            guard let (data, scan) = scans[generation] else { continue }
            let file = "journal-\(generation).log"
            for range in scan.records {
                guard let record = try? decoder.decode(State.Record.self, from: data[range]) else {
                    losses.append(.init(file: file, range: (range.lowerBound - RecordFrame.headerSize)..<range.upperBound,
                                        why: "a record that passes its checksum but does not decode", keptAs: nil))
                    continue
                }
                state.apply(record)
                replayed += 1
            }
            for damage in scan.damage {
                let piece = "\(salvaged)/damaged-\(file)-at-\(damage.range.lowerBound).bin"
                pieces.append((piece, data[damage.range]))
                let about = State.describeDamaged(data[damage.range]).map { ": \($0)" } ?? ""
                losses.append(.init(file: file, range: damage.range,
                                    why: "damaged bytes, not a valid record\(about)", keptAs: piece))
            }
            if let tail = scan.tornTail {
                tornTails.append(.init(file: file, range: tail, why: "a write a crash cut short, never acknowledged", keptAs: nil))
            }
        }
        for orphan in report.orphanJournals {
            let size = try StoreLoader.journalSize(orphan, listing, layout)
            losses.append(.init(file: "journal-\(orphan).log", range: 0..<size,
                                why: "records on top of a snapshot that is missing (snapshot-\(orphan).json)", keptAs: nil))
        }

        // 1. Second names for every file the new generation replaces, and the damaged stretches alone.
        let asideFolder = layout.path(salvaged)
        try FileIO.makeFolder(asideFolder, enforceMode: true)
        let replaced = try FileIO.list(layout.folder).filter {
            StoreLayout.generation(in: $0, prefix: "snapshot-", suffix: ".json") != nil
                || StoreLayout.generation(in: $0, prefix: "journal-", suffix: ".log") != nil
                || ($0.hasPrefix("snapshot-") && ($0.hasSuffix(".json.bad") || $0.hasSuffix(".json.tmp")))
        }
        for name in replaced { try FileIO.hardLink(layout.path(name), to: asideFolder + "/" + name) }
        for piece in pieces {
            let path = layout.path(piece.name)
            let fd = try FileIO.openFile(path, O_WRONLY | O_CREAT | O_TRUNC)
            defer { FileIO.closeFile(fd) }
            try piece.bytes.withUnsafeBytes { try FileIO.write(fd, $0, at: 0, path: path) }
            FileIO.syncOrCrash(fd, path: path)
        }
        FileIO.syncFolderOrCrash(asideFolder)
        FileIO.syncFolderOrCrash(layout.folder)

        // 2. The new generation; 3. the old names gone.
        try SnapshotFile.write(state, generation: target, layout: layout)
        _ = try Journal.create(layout, generation: target)
        for name in replaced { try FileIO.remove(layout.path(name)) }
        FileIO.syncFolderOrCrash(layout.folder)

        return SalvageReport(changed: true, generation: target, builtFrom: builtFrom, recordsReplayed: replayed, losses: losses,
                             tornTails: tornTails, warnings: warnings, setAside: salvaged)
    }

    /// The start for rebuilding generation `generation` from the one before it: its snapshot (none for
    /// generation 0) and the journals to replay. Nil when that generation is gone or its snapshot unusable.
    private static func previousStart(before generation: Int, _ listing: StoreLayout.Listing, _ layout: StoreLayout) throws
        -> (state: State, journals: [Int], from: String)? {
        let previous = generation - 1
        guard previous >= 0, listing.journals.contains(previous) else { return nil }
        if previous == 0 { return (State(), [0], "journal-0.log") }
        guard case .usable(let state) = try StoreLoader.snapshot(previous, layout, as: State.self) else { return nil }
        return (state, [previous], "snapshot-\(previous).json and journal-\(previous).log")
    }
}
