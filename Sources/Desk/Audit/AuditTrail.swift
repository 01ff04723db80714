import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit trail: `DATA/audit/audit.log`, one JSON record a line, append-only, 0600 in a 0700 folder.
/// It lives beside the store, not in it: compaction rewrites the journal and the snapshot, never this file,
/// and erasing a patient leaves it whole (it names people only by pseudonym).
///
/// Durability: a batch's lines are appended and fsynced right after the store has committed the batch,
/// never before. So the trail never tells of a decision the journal does not hold (a batch replayed after a
/// crash draws new codes and references, and a line written before the commit could name a booking that
/// never was). The price: a crash between the journal's fsync and the trail's loses that one batch's lines.
/// A torn last line (the process stopped mid-write) is cut off before the next append.
/// With deferred syncs (a spool ingested in one go) the journal's fsync may come after the trail's: a crash
/// then can leave lines for a batch the journal lost, and its replay adds lines under the same keys; the
/// later line for a key is the one that stands.
///
/// Serve and ingest may share a folder: each append takes an exclusive lock on the file and reads the last
/// line again if someone else wrote since, so the chain runs on whoever writes.
final class AuditTrail {
    let path: String
    private var fd: Int32 = -1
    /// The file's size and last hash when this process last wrote or read it.
    private var known: (size: Int, hash: String)?
    /// Lines were written whose fsync was left to `takePendingSync()`.
    private var owesSync = false

    /// The fsync owed for lines appended with `deferSync`, if any.
    func takePendingSync() -> AuditSync? {
        guard owesSync else { return nil }
        owesSync = false
        let copy = dup(fd)
        guard copy >= 0 else {
            if fsync(fd) != 0 { fatalError("fsync of \(path) failed (errno \(errno)): the audit trail's state on disk is unknown") }
            return nil
        }
        return AuditSync(fd: copy, path: path)
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static func folder(_ dataFolder: URL) -> URL { dataFolder.appendingPathComponent("audit") }
    static func file(_ dataFolder: URL) -> URL { folder(dataFolder).appendingPathComponent("audit.log") }

    init(dataFolder: URL) throws {
        let folder = Self.folder(dataFolder).path
        if mkdir(folder, 0o700) != 0, errno != EEXIST { throw Problem(description: "\(folder): cannot be made (errno \(errno))") }
        chmod(folder, 0o700)
        path = Self.file(dataFolder).path
        fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Problem(description: "\(path): cannot be opened (errno \(errno))") }
        fchmod(fd, 0o600)
    }

    /// The lines, as written, of the records about patient `id` (AUDIT <patient>); a line that does not read
    /// as a record is left out (`caredesk audit --verify` names it).
    func lines(concerning id: String) throws -> [Data] {
        try AuditReading.lines(file: URL(fileURLWithPath: path)).filter { line in
            (try? JSONDecoder().decode(AuditRecord.self, from: line))?.concerns(patient: id) ?? false
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Appends the batch's entries, chained, in one write, and makes them durable. An fsync that fails stops
    /// the process, as the store's does: what the disk holds is then unknown.
    func append(_ entries: [AuditEntry], at now: Int64, deferSync: Bool = false) throws {
        guard !entries.isEmpty else { return }
        guard flock(fd, LOCK_EX) == 0 else { throw Problem(description: "\(path): cannot be locked (errno \(errno))") }
        defer { flock(fd, LOCK_UN) }
        var prev = try lastHash()
        var bytes = Data()
        for entry in entries {
            let record = AuditRecord(entry, at: now, prev: prev)
            bytes.append(try record.line())
            bytes.append(UInt8(ascii: "\n"))
            prev = record.hash ?? ""
        }
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let wrote = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if wrote < 0, errno == EINTR { continue }
                guard wrote > 0 else { throw Problem(description: "\(path): write failed (errno \(errno))") }
                done += wrote
            }
        }
        // With the journal's fsync deferred (a spool ingested in one go), this one waits for it too: both run
        // beside the next batch, before anything of this one is acknowledged (`Desk.takePendingSync`).
        if deferSync {
            owesSync = true
        } else if fsync(fd) != 0 {
            fatalError("fsync of \(path) failed (errno \(errno)): the audit trail's state on disk is unknown")
        }
        known = (try size(), prev)
    }

    private func size() throws -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Problem(description: "\(path): cannot be read (errno \(errno))") }
        return Int(info.st_size)
    }

    /// The last whole line's hash; cuts off a torn last line first. Reads the file only when it changed, and
    /// then only its end (doubling back until a whole line is in view).
    private func lastHash() throws -> String {
        let size = try size()
        if let known, known.size == size { return known.hash }
        guard size > 0 else { return "" }
        var span = min(size, 64 * 1024)
        while true {
            let data = try tail(span, of: size)
            let newline = UInt8(ascii: "\n")
            let covered = span == size
            var end = data.count
            if data.last != newline {
                // A torn last line: written in part when the process stopped. It never counted; cut it off.
                guard let lastNewline = data.lastIndex(of: newline) ?? (covered ? -1 : nil) else { span = min(size, span * 2); continue }
                end = lastNewline + 1
                let keep = size - data.count + end
                guard ftruncate(fd, off_t(keep)) == 0 else { throw Problem(description: "\(path): cannot be repaired (errno \(errno))") }
                if fsync(fd) != 0 { fatalError("fsync of \(path) failed (errno \(errno))") }
            }
            guard end > 0 else { return "" }
            guard let before = data[..<(end - 1)].lastIndex(of: newline) ?? (covered ? -1 : nil) else { span = min(size, span * 2); continue }
            let last = data[(before + 1)..<(end - 1)]
            // A last line that does not read as a record (edited by hand) chains on by its bytes: `--verify` names it.
            return (try? JSONDecoder().decode(AuditRecord.self, from: last))?.hash ?? InboundMessage.hex(SHA256.hash(data: last))
        }
    }

    /// The last `count` bytes of a file of `size` bytes, indexed from 0.
    private func tail(_ count: Int, of size: Int) throws -> Data {
        var data = Data(count: count)
        let read = data.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(size - count)) }
        guard read == count else { throw Problem(description: "\(path): cannot be read (errno \(errno))") }
        return data
    }
}

/// The fsync of audit lines already written, run where the journal's deferred fsync runs. Owns a duplicate
/// of the file's descriptor, so it may run on another thread after the desk moved on.
public final class AuditSync: Sendable {
    let fd: Int32
    let path: String

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    func run() {
        if fsync(fd) != 0 { fatalError("fsync of \(path) failed (errno \(errno)): the audit trail's state on disk is unknown") }
    }

    deinit { close(fd) }
}
