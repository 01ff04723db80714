#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One message of an mbox file.
public struct MboxMessage: Sendable, Hashable {
    /// Byte offset of its "From " separator line in the file.
    public var offset: Int
    /// The message without the separator line and without the blank line that precedes the
    /// next separator, ">From " lines un-escaped (mboxrd). Line ends as in the file.
    public var data: Data

    public init(offset: Int, data: Data) {
        self.offset = offset
        self.data = data
    }
}

/// A Unix mbox file (mboxrd flavour, RFC 4155).
public struct Mbox: Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// Locks as MTAs do (PATH.lock dot-lock, retried up to ~10 s and taken over after 5 min,
    /// then an fcntl F_SETLKW write lock on the file, read lock if it is read-only), reads the
    /// file, releases both locks, and splits it. A missing file is an empty mailbox.
    public func readMessages() throws -> [MboxMessage] {
        try readMessages(lockTimeout: 10)
    }

    /// As `readMessages()`, waiting at most `lockTimeout` seconds for the dot-lock
    /// (throws `SpoolError` with kind `.lockTimeout`).
    public func readMessages(lockTimeout: Double) throws -> [MboxMessage] {
        let lock = DotLock(mailbox: path)
        try lock.acquire(timeout: lockTimeout)
        defer { lock.release() }
        var fd: Int32
        var lockType = F_WRLCK
        do {
            fd = try POSIXFile.open(path, O_RDWR)
        } catch let e as SpoolError where e.kind == .system(ENOENT) {
            return []
        } catch let e as SpoolError where e.kind == .system(EACCES) || e.kind == .system(EROFS) {
            fd = try POSIXFile.open(path, O_RDONLY)
            lockType = F_RDLCK
        }
        defer { close(fd) }
        try DotLock.lockFile(fd, type: Int32(lockType), path: path)
        defer { DotLock.unlockFile(fd) }
        let data = try POSIXFile.readAll(fd: fd, path: path)
        return Mbox.split([UInt8](data))
    }

    /// Splits mbox bytes: a message starts at a line beginning "From " that is the first line
    /// or follows an empty line. Content before the first separator (if not blank) is
    /// returned as a message at offset 0.
    public static func split(_ b: [UInt8]) -> [MboxMessage] {
        var messages: [MboxMessage] = []
        var current: [UInt8] = []
        var currentOffset = 0
        var started = false
        var prevBlank = true
        var pendingBlank: [UInt8]? = nil            // a blank line that may belong to a separator
        var i = 0
        func finish() {
            if started || current.contains(where: { !ASCII.isSpace($0) }) {
                messages.append(MboxMessage(offset: currentOffset, data: Data(current)))
            }
            current.removeAll(keepingCapacity: true)
        }
        while i < b.count {
            var le = i
            while le < b.count && b[le] != lf { le += 1 }
            let next = le < b.count ? le + 1 : b.count
            let isBlank = (le == i) || (le == i + 1 && b[i] == cr)
            if prevBlank && isFromLine(b, i, le) {
                pendingBlank = nil                   // the blank line was the separator's
                if started || i > 0 { finish() }
                currentOffset = i
                started = true
                prevBlank = false
                i = next
                continue
            }
            if let p = pendingBlank { current.append(contentsOf: p); pendingBlank = nil }
            if isBlank {
                pendingBlank = Array(b[i..<next])
            } else {
                var s = i
                if b[i] == 0x3E {                    // mboxrd: ">From " -> "From ", ">>From " -> ">From "
                    var k = i
                    while k < le && b[k] == 0x3E { k += 1 }
                    if isFromLine(b, k, le) { s = i + 1 }
                }
                current.append(contentsOf: b[s..<next])
            }
            prevBlank = isBlank
            i = next
        }
        if let p = pendingBlank, !started { current.append(contentsOf: p) }
        finish()
        return messages
    }

    private static func isFromLine(_ b: [UInt8], _ i: Int, _ le: Int) -> Bool {
        le - i >= 5 && b[i] == 0x46 && b[i + 1] == 0x72 && b[i + 2] == 0x6F && b[i + 3] == 0x6D && b[i + 4] == sp
    }
}
