#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Rings when mail lands in a Maildir's new/ — a delivery agent's rename from tmp/ (the Maildir way) or a file
/// written there whole — so the watcher looks at once instead of at its next poll (inotify on Linux). Where
/// inotify cannot watch (another system, a network file system, no more watches) it never rings, and the
/// poll alone finds the mail, as before.
final class NewMailBell: @unchecked Sendable {
    let wakeup = Wakeup()
    // `stopped` is only touched under `lock`.
    private let lock = NSLock()
    private var stopped = false
    private var thread: Thread?
    /// Whether the folder is watched (false: only the poll finds mail).
    private(set) var watching = false

    init(folder: String) {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return }
        guard inotify_add_watch(fd, folder, UInt32(IN_MOVED_TO | IN_CLOSE_WRITE)) >= 0 else {
            close(fd)
            return
        }
        watching = true
        let thread = Thread { [self] in
            listen(fd)
            close(fd)
        }
        thread.name = "caredesk.new-mail"
        thread.start()
        self.thread = thread
        #endif
    }

    /// Stops listening (within a quarter of a second); the bell rings no more.
    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    #if os(Linux)
    /// Waits for events a quarter of a second at a time (so a stop is heard), reads them all, rings once.
    private func listen(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while !isStopped {
            var watched = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&watched, 1, 250)
            guard ready > 0 else {
                if ready < 0, errno != EINTR { return }
                continue
            }
            var heard = false
            while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 { heard = true }
            if heard { wakeup.ring() }
        }
    }
    #endif
}
