#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A message read with a size limit: whole when it fits, else only its first bytes (enough for the
/// header) and its size, so that a 50 MB message costs 64 KB of memory, not 50 MB.
public struct BoundedRead: Sendable {
    public var data: Data
    /// The whole message's size when it is over the limit (nil: `data` is the whole message).
    public var oversize: Int?

    /// How much of an oversized message is kept: its header is in there, and nothing more is parsed.
    public static let headBytes = 64 * 1024

    public init(data: Data, oversize: Int? = nil) {
        self.data = data
        self.oversize = oversize
    }

    /// Reads `path`: a regular file over `limit` bytes is not read past its head.
    public static func file(_ path: String, limit: Int) throws -> BoundedRead {
        let fd = try POSIXFile.open(path, O_RDONLY)
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG {
            if Int(st.st_size) > limit { return BoundedRead(data: try head(fd, path: path), oversize: Int(st.st_size)) }
            return BoundedRead(data: try POSIXFile.readAll(fd: fd, path: path))  // the size known: one exact read
        }
        return try stream(fd, path: path, limit: limit)
    }

    /// Reads a stream (standard input from the mail server's pipe) up to `limit` bytes; past it the rest is
    /// read and dropped, so the sender sees its message taken, and only the head is kept.
    public static func stream(_ fd: Int32, path: String, limit: Int) throws -> BoundedRead {
        var kept = [UInt8]()
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SpoolError.errno("read", path)
            }
            if n == 0 { break }
            total += n
            if kept.count < limit + 1 { kept.append(contentsOf: chunk[0..<min(n, limit + 1 - kept.count)]) }
        }
        if total > limit { return BoundedRead(data: Data(kept.prefix(headBytes)), oversize: total) }
        return BoundedRead(data: Data(kept))
    }

    private static func head(_ fd: Int32, path: String) throws -> Data {
        var buffer = [UInt8](repeating: 0, count: headBytes)
        var used = 0
        while used < buffer.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, $0.count - used) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SpoolError.errno("read", path)
            }
            if n == 0 { break }
            used += n
        }
        return Data(buffer[0..<used])
    }
}

extension Maildir {
    /// `e`, whole when it is at most `limit` bytes, else its head and size.
    public func read(_ e: MaildirEntry, limit: Int) throws -> BoundedRead {
        try BoundedRead.file(e.path, limit: limit)
    }
}
