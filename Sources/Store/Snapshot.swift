import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Durable snapshot files.
enum SnapshotFile {
    /// Writes `snapshot-<generation>.json` so that it appears complete or
    /// not at all: temp file in the same folder, write, fsync, rename, fsync
    /// the folder.
    static func write(_ data: Data, generation: Int, layout: StoreLayout) throws {
        let temporary = layout.temporarySnapshotPath(generation)
        let fd = try FileIO.openFile(temporary, O_WRONLY | O_CREAT | O_TRUNC)
        do {
            try data.withUnsafeBytes { try FileIO.write(fd, $0, at: 0, path: temporary) }
        } catch {
            FileIO.closeFile(fd)
            _ = try? FileIO.remove(temporary)
            throw error
        }
        FileIO.syncOrCrash(fd, path: temporary)
        FileIO.closeFile(fd)
        try FileIO.move(temporary, to: layout.snapshotPath(generation))
        FileIO.syncFolderOrCrash(layout.folder)
    }

    /// The bytes of `snapshot-<generation>.json`, or nil if it is absent. Mapped rather than read: a
    /// snapshot is never changed once in place.
    static func read(generation: Int, layout: StoreLayout) throws -> Data? {
        try FileIO.mapFile(layout.snapshotPath(generation))
    }
}
