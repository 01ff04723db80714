#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The traditional mail spool locks: PATH.lock created with O_CREAT|O_EXCL, and an fcntl
/// record lock on the mailbox itself.
struct DotLock {
    let lockPath: String

    init(mailbox: String) {
        lockPath = mailbox + ".lock"
    }

    /// Takes the dot-lock, retrying every 100 ms for up to `timeout` seconds; a lock file
    /// older than `stale` seconds is considered abandoned and removed.
    func acquire(timeout: Double = 10, stale: Double = 300) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let fd = lockPath.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o644)) }
            if fd >= 0 {
                let pid = Data("\(getpid())\n".utf8)
                try? POSIXFile.writeAll(fd: fd, pid, path: lockPath)
                close(fd)
                return
            }
            let err = currentErrno()
            if err == EINTR { continue }
            guard err == EEXIST else { throw SpoolError(.system(err), "lock", lockPath) }
            var st = stat()
            if lstat(lockPath, &st) == 0 {
                #if canImport(Darwin)
                let mtime = Double(st.st_mtimespec.tv_sec)
                #else
                let mtime = Double(st.st_mtim.tv_sec)
                #endif
                if Date().timeIntervalSince1970 - mtime > stale {
                    unlink(lockPath)
                    continue
                }
            }
            if Date() >= deadline { throw SpoolError(.lockTimeout, "lock", lockPath) }
            usleep(100_000)
        }
    }

    func release() {
        unlink(lockPath)
    }

    /// Blocks until an fcntl lock of `type` (F_WRLCK or F_RDLCK) covers the whole file.
    static func lockFile(_ fd: Int32, type: Int32, path: String) throws {
        var fl = flock()
        fl.l_type = Int16(type)
        fl.l_whence = Int16(SEEK_SET)
        fl.l_start = 0
        fl.l_len = 0
        while fcntl(fd, F_SETLKW, &fl) != 0 {
            if currentErrno() != EINTR { throw SpoolError.errno("fcntl", path) }
        }
    }

    static func unlockFile(_ fd: Int32) {
        var fl = flock()
        fl.l_type = Int16(F_UNLCK)
        fl.l_whence = Int16(SEEK_SET)
        _ = fcntl(fd, F_SETLK, &fl)
    }
}
