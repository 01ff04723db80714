import Foundation

/// The history shelf of a data folder: one file per shelf in `store/history/` (0600 in a 0700 folder), each
/// a JSON array of `{owner, bytes}`, written whole to a temporary name, fsynced and renamed, under the store's
/// lock. Reading by owner opens every shelf file: its cost grows with the years, which is the price of keeping
/// memory flat; only MY DATA, EXPORT and ERASE pay it.
public struct FolderShelf: HistoryShelf {
    let folder: String
    let lock: FolderLock

    init(folder: String, lock: FolderLock) {
        self.folder = folder
        self.lock = lock
    }

    private struct Entry: Codable {
        var owner: String
        var bytes: Data
    }

    public func shelve(_ shelf: String, rows: [ShelvedRow]) throws {
        try Self.checkName(shelf)
        try lock.withLock { try write(shelf, rows.map { Entry(owner: $0.owner, bytes: $0.bytes) }) }
    }

    public func rows(of owner: String) throws -> [ShelvedRow] {
        try shelves().flatMap { shelf in try read(shelf).filter { $0.owner == owner }.map { ShelvedRow(shelf: shelf, owner: owner, bytes: $0.bytes) } }
    }

    public func replaceRows(of owner: String, with rows: [ShelvedRow]) throws {
        try lock.withLock {
            for shelf in try shelves() {
                let entries = try read(shelf)
                guard entries.contains(where: { $0.owner == owner }) else { continue }
                let replaced = entries.filter { $0.owner != owner }
                    + rows.filter { $0.shelf == shelf && $0.owner == owner }.map { Entry(owner: owner, bytes: $0.bytes) }
                try write(shelf, replaced.sorted { $0.owner < $1.owner })
            }
        }
    }

    public func allRows() throws -> [ShelvedRow] {
        try shelves().flatMap { shelf in try read(shelf).map { ShelvedRow(shelf: shelf, owner: $0.owner, bytes: $0.bytes) } }
    }

    /// The shelves held, in order.
    func shelves() throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        return try FileIO.list(folder).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    private func path(_ shelf: String) -> String { folder + "/" + shelf + ".json" }

    private func read(_ shelf: String) throws -> [Entry] {
        guard let data = try FileIO.mapFile(path(shelf)) else { return [] }
        do {
            return try JSONDecoder().decode([Entry].self, from: data)
        } catch {
            throw StoreError(.shelf(path: path(shelf), detail: "the history shelf does not read as JSON: \(error)"))
        }
    }

    private func write(_ shelf: String, _ entries: [Entry]) throws {
        try FileIO.makeFolder(folder, enforceMode: true)
        let data = try JSONEncoder().encode(entries)
        let temporary = path(shelf) + ".tmp"
        try FileIO.writeWhole(path(shelf), temporary: temporary, folder: folder) { fd in
            try data.withUnsafeBytes { try FileIO.write(fd, $0, at: 0, path: temporary) }
        }
    }

    /// Shelf names become file names: letters, digits and dashes only.
    static func checkName(_ shelf: String) throws {
        guard !shelf.isEmpty, shelf.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 }) else {
            throw StoreError(.shelf(path: shelf, detail: "a shelf's name is letters, digits and dashes"))
        }
    }
}

extension JSONStore {
    /// The data folder's history shelf, beside the journal in `store/history/`.
    public var shelf: any HistoryShelf { FolderShelf(folder: storeDirectory.path + "/history", lock: lock) }
}
