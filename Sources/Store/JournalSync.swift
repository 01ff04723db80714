import Foundation

/// A journal's open file descriptor, closed when neither the journal nor a pending sync needs it.
final class JournalFile: Sendable {
    let fd: Int32
    let path: String

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit {
        FileIO.closeFile(fd)
    }
}

/// The fsync of batches already written to the journal but not yet made durable (`JSONStore.defersSync`).
/// Running it makes every byte written to that journal so far durable — fsync works on the file, whoever
/// wrote. Until it has run, nothing of those batches may be acknowledged: no inbound message moved to cur/,
/// no reply handed over. A failing fsync crashes the process (see `FileIO.syncOrCrash`), so the journal is
/// replayed from what the disk holds and nothing acknowledged is ever lost.
public struct JournalSync: Sendable {
    let file: JournalFile

    public func run() {
        FileIO.syncOrCrash(file.fd, path: file.path)
    }

    /// Whether running this sync makes `other`'s batches durable too: both are of the same journal file.
    public func covers(_ other: JournalSync) -> Bool { file === other.file }
}
