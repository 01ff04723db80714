#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A failed spool operation.
public struct SpoolError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A system call failed with this errno.
        case system(Int32)
        /// A Maildir file name that is empty, starts with "." or contains "/", ":" or NUL.
        case invalidName
        /// The mbox dot-lock could not be taken in time.
        case lockTimeout
    }

    public var kind: Kind
    public var operation: String
    public var path: String

    public init(_ kind: Kind, _ operation: String, _ path: String) {
        self.kind = kind
        self.operation = operation
        self.path = path
    }

    public var description: String {
        switch kind {
        case .system(let e): return "\(operation) \(path): \(String(cString: strerror(e))) (errno \(e))"
        case .invalidName: return "\(operation) \(path): invalid file name"
        case .lockTimeout: return "\(operation) \(path): timed out waiting for lock"
        }
    }

    static func errno(_ operation: String, _ path: String) -> SpoolError {
        SpoolError(.system(currentErrno()), operation, path)
    }
}

@inline(__always) func currentErrno() -> Int32 {
    #if canImport(Darwin)
    return Darwin.errno
    #else
    return errno
    #endif
}

/// Thin wrappers over open/read/write/fsync with EINTR handling.
enum POSIXFile {
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) throws -> Int32 {
        while true {
            let fd = path.withCString { systemOpen($0, flags | O_CLOEXEC, mode) }
            if fd >= 0 { return fd }
            if currentErrno() != EINTR { throw SpoolError.errno("open", path) }
        }
    }

    static func readAll(fd: Int32, path: String) throws -> Data {
        var st = stat()
        var capacity = 64 * 1024
        // A regular file read up to the size fstat gave is read whole: no second read to see end of file.
        var size: Int? = nil
        if fstat(fd, &st) == 0 && st.st_size > 0 && (st.st_mode & S_IFMT) == S_IFREG {
            size = Int(st.st_size)
            capacity = Int(st.st_size) + 1
        }
        var buf = [UInt8](repeating: 0, count: capacity)
        var used = 0
        while true {
            if used == buf.count { buf.append(contentsOf: [UInt8](repeating: 0, count: buf.count)) }
            let n = buf.withUnsafeMutableBytes { p in
                systemRead(fd, p.baseAddress! + used, p.count - used)
            }
            if n > 0 {
                used += n
                if let size, used >= size, used < buf.count { break }
                continue
            }
            if n == 0 { break }
            if currentErrno() == EINTR { continue }
            throw SpoolError.errno("read", path)
        }
        return Data(buf[0..<used])
    }

    static func readAll(path: String) throws -> Data {
        let fd = try open(path, O_RDONLY)
        defer { close(fd) }
        return try readAll(fd: fd, path: path)
    }

    static func writeAll(fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var off = 0
            while off < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + off, raw.count - off)
                if n > 0 { off += n; continue }
                if n < 0 && currentErrno() == EINTR { continue }
                throw SpoolError.errno("write", path)
            }
        }
    }

    static func fsyncPath(_ path: String, directory: Bool) throws {
        let fd = try open(path, O_RDONLY | (directory ? O_DIRECTORY : 0))
        defer { close(fd) }
        if fsync(fd) != 0 { throw SpoolError.errno("fsync", path) }
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// renameat2(2), which Swift's Glibc module does not export, looked up once (glibc 2.28 and later have it).
    private static let renameAt2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    #endif

    /// Renames `from` to `to` unless `to` exists (RENAME_NOREPLACE): 0, or the errno (EEXIST when `to`
    /// exists). nil where the system or the file system cannot do it; the caller then links and unlinks.
    static func renameNoReplace(_ from: String, _ to: String) -> Int32? {
        #if os(Linux)
        guard let renameAt2 else { return nil }
        if renameAt2(AT_FDCWD, from, AT_FDCWD, to, 1 /* RENAME_NOREPLACE */) == 0 { return 0 }
        let err = currentErrno()
        return err == EINVAL || err == ENOSYS || err == ENOTSUP || err == EOPNOTSUPP ? nil : err
        #else
        return nil
        #endif
    }

    /// lstat succeeds (the name exists, whatever it is).
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Whether `dir` holds an entry named `name` or starting with `name` + ":" (a Maildir
    /// name with info). Compares raw bytes; no String per entry.
    static func containsEntry(_ dir: String, name: String) throws -> Bool {
        guard let d = opendir(dir) else { throw SpoolError.errno("opendir", dir) }
        defer { closedir(d) }
        let key = Array(name.utf8)
        return key.withUnsafeBufferPointer { k in
            while let e = readdir(d) {
                let hit = withUnsafePointer(to: &e.pointee.d_name) { p in
                    p.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: e.pointee.d_name)) { n in
                        k.count < MemoryLayout.size(ofValue: e.pointee.d_name)
                            && memcmp(n, k.baseAddress!, k.count) == 0 && (n[k.count] == 0 || n[k.count] == 0x3A)
                    }
                }
                if hit { return true }
            }
            return false
        }
    }

    /// Whether any of `prefix + suffix` (for each suffix) exists in `dir`: one directory fd,
    /// one reused name buffer, fstatat per candidate.
    static func anyExists(in dir: String, prefix: String, suffixes: [String]) throws -> Bool {
        let dfd = try open(dir, O_RDONLY | O_DIRECTORY)
        defer { close(dfd) }
        var buf = [CChar](repeating: 0, count: prefix.utf8.count + 16)
        var st = stat()
        for (i, c) in prefix.utf8.enumerated() { buf[i] = CChar(bitPattern: c) }
        let base = prefix.utf8.count
        for s in suffixes {
            var k = base
            for c in s.utf8 {
                if k >= buf.count - 1 { buf.append(0) }
                buf[k] = CChar(bitPattern: c)
                k += 1
            }
            buf[k] = 0
            if fstatat(dfd, buf, &st, AT_SYMLINK_NOFOLLOW) == 0 { return true }
        }
        return false
    }

    /// File names in a directory (without "." and ".."), unsorted.
    static func list(_ dir: String) throws -> [String] {
        guard let d = opendir(dir) else { throw SpoolError.errno("opendir", dir) }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: &e.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: e.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

// Unambiguous names for the libc calls (the static methods above shadow them).
@inline(__always) private func systemOpen(_ p: UnsafePointer<CChar>, _ f: Int32, _ m: mode_t) -> Int32 {
    open(p, f, m)
}
@inline(__always) private func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
    read(fd, p, n)
}
@inline(__always) private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    write(fd, p, n)
}
