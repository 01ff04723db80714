import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONStore {
    /// Reads every snapshot and journal of `directory/store` under the lock, without changing anything,
    /// and says what is whole and what is damaged (`caredesk store check`).
    public static func check(directory: URL) throws -> StoreCheckReport {
        try withLockedLayout(directory) { try inspect($0).report }
    }

    /// Runs `body` on `directory/store` under the folder's lock, for the tools that work on a store's files
    /// without opening it.
    static func withLockedLayout<T>(_ directory: URL, _ body: (StoreLayout) throws -> T) throws -> T {
        let layout = StoreLayout(folder: directory.appendingPathComponent("store", isDirectory: true).path)
        try FileIO.makeFolder(layout.folder, enforceMode: true)
        return try FolderLock(path: layout.lockPath).withLock { try body(layout) }
    }

    /// The report, and each journal's bytes and scan, for salvage to reuse. Caller holds the lock.
    static func inspect(_ layout: StoreLayout) throws -> (report: StoreCheckReport, journals: [Int: (Data, JournalScan)]) {
        let listing = try layout.list()
        let decoder = JSONDecoder()
        var snapshots: [StoreCheckReport.Snapshot] = []
        for generation in listing.snapshots.sorted() {
            guard let contents = try SnapshotFile.read(generation: generation, layout: layout) else { continue }
            var problem: String?
            switch StoreLoader.snapshot(contents, as: State.self) {
            case .usable: problem = nil
            case .damaged(let why): problem = why
            }
            snapshots.append(.init(generation: generation, bytes: contents.fileSize, sealed: contents.seal != .unsealed, problem: problem))
        }
        let newest = listing.newestSnapshot ?? 0
        var journals: [StoreCheckReport.Journal] = []
        var scans: [Int: (Data, JournalScan)] = [:]
        var orphans: [Int] = []
        for generation in listing.journals.sorted() {
            let path = layout.journalPath(generation)
            guard let fd = try FileIO.openExisting(path, O_RDONLY) else { continue }
            defer { FileIO.closeFile(fd) }
            let data = try FileIO.read(fd, at: 0, count: try FileIO.size(fd, path: path), path: path)
            if generation > newest {
                if !data.isEmpty { orphans.append(generation) }
                continue
            }
            let scan = data.withUnsafeBytes { JournalScan($0) }
            let undecodable = scan.records.filter { (try? decoder.decode(State.Record.self, from: data[$0])) == nil }
                .map { $0.lowerBound - RecordFrame.headerSize }
            journals.append(.init(generation: generation, bytes: data.count, records: scan.records.count, commits: scan.commits,
                                  damage: scan.damage.map { .init(range: $0.range, recordsAfter: $0.recordsAfter) },
                                  undecodable: undecodable, tornTail: scan.tornTail))
            scans[generation] = (data, scan)
        }
        let newestDamaged = snapshots.first { $0.generation == newest }?.problem != nil
        let rebuilds = try newestDamaged
            && StoreLoader.previousGeneration(before: newest, listing, layout, as: State.self, decoder: decoder) != nil
        let setAside = try FileIO.list(layout.folder).filter { $0.hasSuffix(".json.bad") || $0.hasPrefix(salvagedPrefix) }.sorted()
        let report = StoreCheckReport(folder: layout.folder, snapshots: snapshots, journals: journals, orphanJournals: orphans,
                                      setAside: setAside, generation: newest, rebuildsNewestSnapshot: rebuilds)
        return (report, scans)
    }

    /// Folders `salvage` sets the replaced files aside in: `salvaged-<new generation>`.
    static var salvagedPrefix: String { "salvaged-" }
}
