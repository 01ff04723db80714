import Foundation

/// Runs `body` on a thread of its own and awaits what it returns. For a test whose timing matters (the soak's
/// load at a steady beat): the suite's other tests keep the cooperative pool's two threads busy with blocking
/// waits, and a continuation queued behind them resumed two minutes late in CI, so one beat swallowed the run.
func onItsOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
