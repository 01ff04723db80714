import Foundation

/// A bell a round waits on between its turns: rung (another instance queued work, say), the wait ends at once;
/// not rung, it ends when the interval is up. Rings while nobody waits are kept as one, so a round never
/// misses one and never runs twice for many.
final class Wakeup: @unchecked Sendable {
    // `rung` and `waiter` are only touched under `lock`.
    private let lock = NSLock()
    private var rung = false
    private var waiter: CheckedContinuation<Void, Never>?

    func ring() {
        let woken: CheckedContinuation<Void, Never>? = lock.withLock {
            if let waiter {
                self.waiter = nil
                return waiter
            }
            rung = true
            return nil
        }
        woken?.resume()
    }

    /// Waits until rung or `interval` is up, whichever is first; returns at once when cancelled.
    func wait(upTo interval: Duration) async {
        let timer = Task { [weak self] in
            try? await Task.sleep(for: interval)
            if !Task.isCancelled { self?.ring() }
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now: Bool = lock.withLock {
                    if rung || Task.isCancelled {
                        rung = false
                        return true
                    }
                    waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            ring()
        }
        timer.cancel()
        lock.withLock { rung = false }
    }
}
