import Dispatch

/// The one thread of control the desk is used on. The desk blocks (file locks, fsync, SMTP hand-overs), so
/// its owner runs on a dispatch queue of its own rather than on Swift's shared cooperative threads: a slow
/// commit then holds up only work for the desk, never the HTTP server or the other rounds.
final class DeskQueue: SerialExecutor {
    private let queue = DispatchQueue(label: "caredesk.desk", qos: .userInitiated)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
