import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the store needs: EINTR retried,
/// failures turned into `StoreError`, every descriptor close-on-exec.
enum FileIO {
    static let fileMode: mode_t = 0o600
    static let folderMode: mode_t = 0o700

    /// Opens `path`; with `O_CREAT` in `flags` a new file gets mode 0600
    /// (re-applied with fchmod so the umask cannot loosen or tighten it).
    static func openFile(_ path: String, _ flags: Int32) throws -> Int32 {
        if flags & O_CREAT != 0, let code = injected(.create) { throw StoreError.system("open", path: path, errno: code) }
        while true {
            let fd = open(path, flags | O_CLOEXEC, fileMode)
            if fd >= 0 {
                if flags & O_CREAT != 0, fchmod(fd, fileMode) != 0 {
                    let code = errno
                    close(fd)
                    throw StoreError.system("fchmod", path: path, errno: code)
                }
                return fd
            }
            if errno == EINTR { continue }
            throw StoreError.system("open", path: path)
        }
    }

    /// Re-applies mode 0600 to an open file (one restored with looser bits).
    static func enforceFileMode(_ fd: Int32, path: String) throws {
        guard fchmod(fd, fileMode) == 0 else { throw StoreError.system("fchmod", path: path) }
    }

    /// Like `openFile`, but returns nil when the file does not exist.
    static func openExisting(_ path: String, _ flags: Int32) throws -> Int32? {
        do {
            return try openFile(path, flags & ~O_CREAT)
        } catch let error as StoreError where error.errorNumber == ENOENT {
            return nil
        }
    }

    /// A failing disk's fault for a call other than a write (tests only, `DiskFaults`): nil when the call is
    /// to run, else the errno it fails with; a planned death happens here, before the call.
    private static func injected(_ operation: DiskFaults.Operation) -> Int32? {
        switch DiskFaults.check(operation) {
        case nil: return nil
        case .error(let code)?, .shortWrite(_, let code)?: return code
        case .tornThenDeath?: _exit(DiskFaults.deathStatus)
        }
    }

    static func closeFile(_ fd: Int32) {
        _ = close(fd)  // nothing useful to do on failure: the data was fsynced already
    }

    static func size(_ fd: Int32, path: String) throws -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.system("fstat", path: path) }
        return Int(info.st_size)
    }

    /// Reads up to `count` bytes at `offset` (fewer at end of file).
    static func read(_ fd: Int32, at offset: Int, count: Int, path: String) throws -> Data {
        guard count > 0 else { return Data() }
        var data = Data(count: count)
        let got = try data.withUnsafeMutableBytes { buffer -> Int in
            let base = buffer.baseAddress!
            var done = 0
            while done < count {
                let n = pread(fd, base + done, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.system("read", path: path)
                }
                if n == 0 { break }
                done += n
            }
            return done
        }
        if got < count { data.count = got }
        return data
    }

    /// A whole file mapped into memory (read-only, pages loaded at once), or nil if it does not exist: no
    /// copy and no zeroed buffer, which matters for a snapshot of a hundred megabytes. Only for files
    /// nobody shortens while they are mapped (a snapshot is complete before it is renamed into place and
    /// never written again; deleting it leaves the mapping intact).
    static func mapFile(_ path: String) throws -> Data? {
        guard let fd = try openExisting(path, O_RDONLY) else { return nil }
        defer { closeFile(fd) }
        let count = try size(fd, path: path)
        guard count > 0 else { return Data() }
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let base = mmap(nil, count, PROT_READ, flags, fd, 0), base != MAP_FAILED else {
            return try read(fd, at: 0, count: count, path: path)  // a file system that cannot map
        }
        return Data(bytesNoCopy: base, count: count, deallocator: .custom { base, count in _ = munmap(base, count) })
    }

    /// Writes all of `bytes` at `offset`: one `pwrite`, repeated only if the
    /// kernel accepts fewer bytes than asked.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws {
        guard let base = bytes.baseAddress else { return }
        if let fault = DiskFaults.check(.write, bytes: bytes.count) {
            throw StoreError.system("write", path: path, errno: DiskFaults.apply(fault, writing: bytes, fd: fd, at: offset))
        }
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, base + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.system("write", path: path)
            }
            done += n
        }
    }

    static func truncate(_ fd: Int32, to length: Int, path: String) throws {
        if let code = injected(.truncate) { throw StoreError.system("ftruncate", path: path, errno: code) }
        while ftruncate(fd, off_t(length)) != 0 {
            if errno == EINTR { continue }
            throw StoreError.system("ftruncate", path: path)
        }
    }

    /// Flushes a file's data and size to stable storage, or crashes.
    ///
    /// Why crash instead of throwing: after a failed fsync the kernel may
    /// already have dropped the dirty pages and cleared the error, so a retry
    /// can "succeed" without the data ever reaching the disk, and the file's
    /// contents are unknown. Carrying on would let the in-memory state (and
    /// the replies sent from it) diverge from what is durable. Crashing and
    /// reopening rebuilds the state from what the disk really holds; the
    /// journal's checksums discard whatever part of the batch did not land.
    static func syncOrCrash(_ fd: Int32, path: String) {
        #if canImport(Darwin)
        if fcntl(fd, F_FULLFSYNC) == 0 { return }
        #endif
        while true {
            let code = injected(.sync) ?? (fsync(fd) == 0 ? 0 : errno)
            if code == 0 { return }
            if code == EINTR { continue }
            fatalError("store: fsync \(path) failed: \(String(cString: strerror(code))); crashing to recover from the journal")
        }
    }

    /// Makes renames, creations and deletions in `folder` durable, or crashes
    /// (same reasoning as `syncOrCrash`).
    static func syncFolderOrCrash(_ folder: String) {
        let fd: Int32
        do {
            fd = try openFile(folder, O_RDONLY | O_DIRECTORY)
        } catch {
            fatalError("store: cannot open \(folder) to fsync it: \(error)")
        }
        defer { closeFile(fd) }
        while true {
            let code = injected(.syncFolder) ?? (fsync(fd) == 0 ? 0 : errno)
            if code == 0 { return }
            if code == EINTR { continue }
            if code == EINVAL { return }  // file system without directory fsync
            fatalError("store: fsync \(folder) failed: \(String(cString: strerror(code))); crashing to recover from the journal")
        }
    }

    static func move(_ from: String, to: String) throws {
        if let code = injected(.rename) { throw StoreError.system("rename to \(to)", path: from, errno: code) }
        guard rename(from, to) == 0 else { throw StoreError.system("rename to \(to)", path: from) }
    }

    /// Removes a file; returns false if it was already gone.
    @discardableResult
    static func remove(_ path: String) throws -> Bool {
        if let code = injected(.remove) { throw StoreError.system("unlink", path: path, errno: code) }
        if unlink(path) == 0 { return true }
        if errno == ENOENT { return false }
        throw StoreError.system("unlink", path: path)
    }

    /// Creates `path` and any missing parents with mode 0700; an existing
    /// final folder is chmod-ed to 0700 when `enforceMode` is set.
    static func makeFolder(_ path: String, enforceMode: Bool) throws {
        if let code = injected(.makeFolder) { throw StoreError.system("mkdir", path: path, errno: code) }
        if mkdir(path, folderMode) == 0 {
            guard chmod(path, folderMode) == 0 else { throw StoreError.system("chmod", path: path) }
            return
        }
        switch errno {
        case EEXIST:
            var info = stat()
            guard stat(path, &info) == 0 else { throw StoreError.system("stat", path: path) }
            guard info.st_mode & S_IFMT == S_IFDIR else { throw StoreError.system("mkdir", path: path, errno: ENOTDIR) }
            if enforceMode, info.st_mode & 0o777 != folderMode, chmod(path, folderMode) != 0 {
                throw StoreError.system("chmod", path: path)
            }
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { throw StoreError.system("mkdir", path: path, errno: ENOENT) }
            try makeFolder(parent, enforceMode: false)
            try makeFolder(path, enforceMode: enforceMode)
        default:
            throw StoreError.system("mkdir", path: path)
        }
    }

    /// The names in a folder, without "." and "..".
    static func list(_ folder: String) throws -> [String] {
        guard let dir = opendir(folder) else { throw StoreError.system("opendir", path: folder) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

extension FileIO {
    /// Writes the file at `path` so that it appears complete or not at all: `body` writes the temporary file
    /// (same folder), which is fsynced and renamed over `path`, then the folder is fsynced.
    static func writeWhole(_ path: String, temporary: String, folder: String, _ body: (Int32) throws -> Void) throws {
        let fd = try openFile(temporary, O_WRONLY | O_CREAT | O_TRUNC)
        do {
            try body(fd)
        } catch {
            closeFile(fd)
            _ = try? remove(temporary)
            throw error
        }
        syncOrCrash(fd, path: temporary)
        closeFile(fd)
        try move(temporary, to: path)
        syncFolderOrCrash(folder)
    }

    /// A second name for a file (same file system): nothing copied, and the file lives while either name does.
    static func hardLink(_ from: String, to: String) throws {
        if let code = injected(.link) { throw StoreError.system("link to \(to)", path: from, errno: code) }
        guard link(from, to) == 0 else { throw StoreError.system("link to \(to)", path: from) }
    }
}
