import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One generation's journal file, held open for reading and appending.
/// All reads and writes happen under the folder lock.
final class Journal {
    let path: String
    let generation: Int
    /// The open file; shared with any `JournalSync` still waiting to run, so it stays open until then.
    private let file: JournalFile
    private var fd: Int32 { file.fd }
    /// End of the valid records this process has consumed (read or written).
    /// Records of other processes start here; a torn tail starts at the valid
    /// end of what follows.
    private(set) var end = 0

    private init(path: String, generation: Int, fd: Int32) {
        self.path = path
        self.generation = generation
        file = JournalFile(fd: fd, path: path)
    }

    /// Opens `journal-<generation>.log`, creating it (durably) if missing.
    static func open(_ layout: StoreLayout, generation: Int) throws -> Journal {
        let path = layout.journalPath(generation)
        if let fd = try FileIO.openExisting(path, O_RDWR) {
            let journal = Journal(path: path, generation: generation, fd: fd)  // closes fd if the next line throws
            try FileIO.enforceFileMode(fd, path: path)
            return journal
        }
        return try create(layout, generation: generation)
    }

    /// Creates an empty `journal-<generation>.log`, replacing any stale file
    /// of that name, and makes its existence durable.
    static func create(_ layout: StoreLayout, generation: Int) throws -> Journal {
        let path = layout.journalPath(generation)
        let fd = try FileIO.openFile(path, O_RDWR | O_CREAT | O_TRUNC)
        FileIO.syncOrCrash(fd, path: path)
        FileIO.syncFolderOrCrash(layout.folder)
        return Journal(path: path, generation: generation, fd: fd)
    }

    /// Valid records found after `end`, not yet consumed.
    struct Unread<Record> {
        var records: [Record]
        /// Offset just after the last valid frame.
        var validEnd: Int
        /// The file's size: bytes from `validEnd` on are a torn tail.
        var fileSize: Int
    }

    /// Reads and decodes the valid records appended after `end` by anyone.
    /// Returns nil if the file is now shorter than `end`, which only happens
    /// if it was replaced or damaged behind the store's back: reload then.
    /// Throws, reading nothing, when committed bytes are damaged (valid frames follow bytes that are not
    /// valid frames): dropping them as if they were a torn tail would lose what came after in silence.
    func readUnread<Record: Decodable>(_ type: Record.Type, decoder: JSONDecoder) throws -> Unread<Record>? {
        let size = try FileIO.size(fd, path: path)
        if size == end { return Unread(records: [], validEnd: end, fileSize: size) }
        if size < end { return nil }
        let data = try FileIO.read(fd, at: end, count: size - end, path: path)
        let scan = data.withUnsafeBytes { JournalScan($0) }
        if let first = scan.damage.first {
            throw StoreError(.damagedJournal(
                path: path, offset: end + first.range.lowerBound, length: first.range.count,
                recordsAfter: first.recordsAfter, otherDamage: scan.damage.count - 1))
        }
        var records: [Record] = []
        records.reserveCapacity(scan.records.count)
        for range in scan.records {
            do {
                records.append(try decoder.decode(Record.self, from: data[range]))
            } catch {
                let offset = end + range.lowerBound - RecordFrame.headerSize
                throw StoreError(.undecodableRecord(path: path, offset: offset, detail: "\(error)"))
            }
        }
        return Unread(records: records, validEnd: end + scan.validEnd, fileSize: end + data.count)
    }

    /// Marks the records of `unread` as consumed and cuts off the torn tail
    /// after them, if any, so that appends continue from valid data. (Safe
    /// under the lock: no live writer is mid-append, so a tail is crash debris.)
    func consume<Record>(_ unread: Unread<Record>) throws {
        end = unread.validEnd
        if unread.fileSize > end {
            try FileIO.truncate(fd, to: end, path: path)
        }
    }

    /// Appends a batch of framed records (ending with its commit mark) with one write, then fsyncs — or, with `sync` false, leaves the
    /// fsync to the caller (`syncLater`), who must run it before telling anyone the batch is done.
    func append(_ framed: [UInt8], sync: Bool = true) throws {
        do {
            try framed.withUnsafeBytes { try FileIO.write(fd, $0, at: end, path: path) }
        } catch {
            // A partial batch may hold whole valid frames that a reader would
            // take as committed: cut it off before reporting the failure.
            do {
                try FileIO.truncate(fd, to: end, path: path)
            } catch {
                fatalError("store: cannot remove a partly written batch from \(path): \(error)")
            }
            throw error
        }
        if sync { FileIO.syncOrCrash(fd, path: path) }
        end += framed.count
    }

    /// The fsync of everything appended so far, to run later (on another thread).
    var syncLater: JournalSync { JournalSync(file: file) }
}
