#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a stable lock file (created once, never renamed
/// or deleted), taken only around one commit cycle so that processes sharing
/// the folder interleave. The kernel drops the lock if the holder dies.
///
/// `flock` locks belong to an open file description: two `FolderLock`s on
/// the same file exclude each other even inside one process, and a lock is
/// not inherited across exec (the descriptor is close-on-exec).
final class FolderLock {
    let path: String
    private let fd: Int32
    private(set) var isHeld = false

    init(path: String) throws {
        self.path = path
        fd = try FileIO.openFile(path, O_RDWR | O_CREAT)
    }

    deinit {
        FileIO.closeFile(fd)  // also releases the lock if still held
    }

    /// Blocks until the lock is ours.
    func acquire() throws {
        precondition(!isHeld, "store lock taken twice: transactions and compactions must not nest")
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw StoreError.system("flock", path: path)
        }
        isHeld = true
    }

    func release() {
        guard isHeld else { return }
        isHeld = false
        // Unlocking an open, locked descriptor cannot fail in practice; if it
        // did, closing the descriptor (deinit) would still release it.
        _ = flock(fd, LOCK_UN)
    }

    func withLock<T>(_ body: () throws -> T) throws -> T {
        try acquire()
        defer { release() }
        return try body()
    }
}
