#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file in a Maildir's new/ directory.
public struct MaildirEntry: Sendable, Hashable {
    /// Full path of the file.
    public var path: String
    /// File name (unique id, possibly with ":2,FLAGS").
    public var name: String

    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }
}

/// A Maildir (tmp/, new/, cur/) as described by D. J. Bernstein's maildir(5).
public struct Maildir: Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    var tmp: String { path + "/tmp" }
    var new: String { path + "/new" }
    var cur: String { path + "/cur" }

    /// Creates the directory and tmp/, new/, cur/ with exactly `mode` (umask ignored);
    /// existing directories are left as they are.
    public func create(mode: mode_t = 0o700) throws {
        for dir in [path, tmp, new, cur] {
            if mkdir(dir, mode) == 0 {
                if chmod(dir, mode) != 0 { throw SpoolError.errno("chmod", dir) }
            } else if currentErrno() != EEXIST {
                throw SpoolError.errno("mkdir", dir)
            }
        }
    }

    /// Files in new/, sorted by name, dotfiles skipped.
    public func newEntries() throws -> [MaildirEntry] {
        try POSIXFile.list(new)
            .filter { !$0.hasPrefix(".") }
            .sorted()
            .map { MaildirEntry(path: new + "/" + $0, name: $0) }
    }

    public func read(_ e: MaildirEntry) throws -> Data {
        try POSIXFile.readAll(path: e.path)
    }

    /// Moves new/NAME to cur/NAME:2,S; a name that already has ":2,FLAGS" keeps its flags
    /// (S added, flags kept in ASCII order).
    public func markSeen(_ e: MaildirEntry) throws {
        let target: String
        let name = Array(e.name.utf8)
        // The info part starts at the first ":2," (searched byte-wise: this runs once per message).
        if let colon = name.indices.first(where: { name[$0...].starts(with: ":2,".utf8) }) {
            var flags = Set(name[(colon + 3)...])
            flags.insert(UInt8(ascii: "S"))
            target = String(decoding: name[..<(colon + 3)] + flags.sorted(), as: UTF8.self)
        } else {
            target = e.name + ":2,S"
        }
        guard !target.utf8.contains(UInt8(ascii: "/")) else { throw SpoolError(.invalidName, "markSeen", e.name) }
        let dst = cur + "/" + target
        if rename(e.path, dst) != 0 { throw SpoolError.errno("rename", e.path) }
    }

    /// Delivers `data` as new/NAME unless NAME was delivered before: returns false (and
    /// writes nothing into new/) when new/NAME, cur/NAME or cur/NAME:... exists (in a cur/ of more
    /// than a few hundred entries only the standard flags DFPRST are recognised after ":2,", to
    /// keep the check O(1)). Otherwise writes tmp/NAME with `mode` (group/other bits
    /// re-applied after the umask), optionally fsyncs it, and moves it into new/ with a rename
    /// that refuses to replace (renameat2 RENAME_NOREPLACE; link(2) + unlink where that is
    /// missing), so a concurrent delivery of the same name is never overwritten; returns true.
    /// NAME must not be empty, start with "." or contain "/", ":" or NUL.
    @discardableResult
    public func deliver(_ data: Data, name: String, mode: mode_t = 0o600, sync: Bool = false,
                        cur known: CurListing? = nil) throws -> Bool {
        guard Maildir.isValidName(name) else { throw SpoolError(.invalidName, "deliver", name) }
        let newPath = new + "/" + name
        if let names = known?.names {
            if names.contains(name) { return false }
        } else if try existsInCur(name) {
            return false
        }
        // The tmp name carries the process id: two processes delivering the same message at once (a spool
        // processor and a server sharing a data folder) must not write, or unlink, each other's tmp file.
        let tmpPath = tmp + "/" + name + "." + Maildir.processID
        let fd: Int32
        do {
            fd = try POSIXFile.open(tmpPath, O_WRONLY | O_CREAT | O_EXCL, mode)
        } catch let e as SpoolError where e.kind == .system(EEXIST) {
            unlink(tmpPath)                         // left over by a crashed delivery
            fd = try POSIXFile.open(tmpPath, O_WRONLY | O_CREAT | O_EXCL, mode)
        }
        do {
            // a umask only ever strips bits, in practice group/other ones: re-apply those
            if mode & 0o077 != 0 && fchmod(fd, mode) != 0 { throw SpoolError.errno("fchmod", tmpPath) }
            try POSIXFile.writeAll(fd: fd, data, path: tmpPath)
            if sync && fsync(fd) != 0 { throw SpoolError.errno("fsync", tmpPath) }
            close(fd)
        } catch {
            close(fd)
            unlink(tmpPath)
            throw error
        }
        // Into new/ without replacing a delivery of the same name (an earlier run's, or another process's):
        // one rename where the system can refuse to replace, else link(2) then unlink.
        if let err = POSIXFile.renameNoReplace(tmpPath, newPath) {
            if err == 0 { return true }
            unlink(tmpPath)
            if err == EEXIST { return false }
            throw SpoolError(.system(err), "rename", newPath)
        }
        defer { unlink(tmpPath) }
        if link(tmpPath, newPath) == 0 { return true }
        let err = currentErrno()
        if err == EEXIST { return false }
        // file systems without hard links: rename, after a last look (nothing replaces a delivery knowingly)
        if err == EPERM || err == ENOTSUP || err == EOPNOTSUPP || err == EXDEV {
            if POSIXFile.exists(newPath) { return false }
            if rename(tmpPath, newPath) == 0 { return true }
        }
        throw SpoolError(.system(err), "link", newPath)
    }

    private static let processID = String(getpid())

    /// What cur/ held when a batch of deliveries began, read once for all of them.
    public struct CurListing: Sendable {
        /// The names in cur/ without their ":2,…" info; nil when cur/ is too big to read whole, so that each
        /// delivery looks its name up instead.
        public let names: Set<String>?
    }

    /// Reads cur/ once for a batch of deliveries (`deliver(_:name:cur:)`), instead of once per message. Only
    /// a message delivered before (a retry after a crash) can be in cur/ at all; one that a mail reader moves
    /// from new/ to cur/ after the listing is missed only if it left new/ before the no-replace rename, in the
    /// same few milliseconds.
    public func curListing() throws -> CurListing {
        var st = stat()
        guard stat(cur, &st) == 0, Int(st.st_size) <= Maildir.scanLimit else { return CurListing(names: nil) }
        return CurListing(names: Set(try POSIXFile.list(cur).map { name in
            name.firstIndex(of: ":").map { String(name[..<$0]) } ?? name
        }))
    }

    /// fsyncs the new/ and cur/ directories so renames and links are durable.
    public func syncDirectories() throws {
        try POSIXFile.fsyncPath(new, directory: true)
        try POSIXFile.fsyncPath(cur, directory: true)
    }

    /// cur/ directories up to this size (bytes, as stat reports it: a few hundred entries)
    /// are scanned in full; reading a big directory costs far more than the fixed lookups.
    static let scanLimit = 16 * 1024

    /// Whether cur/NAME or cur/NAME:... exists. Small cur/ directories are scanned (any info
    /// suffix matches); in large ones, to stay O(1) per delivery, NAME is looked up with each
    /// combination of the standard maildir(5) flags (":2," + subsets of "DFPRST").
    func existsInCur(_ name: String) throws -> Bool {
        var st = stat()
        if stat(cur, &st) == 0 && Int(st.st_size) <= Maildir.scanLimit {
            return try POSIXFile.containsEntry(cur, name: name)
        }
        return try POSIXFile.anyExists(in: cur, prefix: name, suffixes: Maildir.curSuffixes)
    }

    /// "" (bare NAME) and ":2,FLAGS" for every standard flag combination.
    static let curSuffixes: [String] = [""] + standardFlagSets.map { ":2," + $0 }

    /// Every subset of the standard flags, letters in ASCII order; the likeliest first.
    static let standardFlagSets: [String] = (0..<64).map { bits in
        String(Array("DFPRST").enumerated().compactMap { bits & (1 << $0.offset) != 0 ? $0.element : nil })
    }.sorted { a, b in
        let (sa, sb) = (a.contains("S"), b.contains("S"))
        return sa != sb ? sa : a.count != b.count ? a.count < b.count : a < b
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != 0x2E else { return false }
        return !name.utf8.contains { $0 == 0x2F || $0 == 0x3A || $0 == 0 }
    }
}
