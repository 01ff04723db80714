import ServiceLifecycle

/// Hears of work other processes queued (replies waiting in a shared database's outbox) and rings the delivery
/// round's bell, so they go out at once rather than at the round's next look. Ends with the service group.
struct WorkListener: Service {
    let listen: @Sendable (_ heard: @escaping @Sendable () -> Void) async -> Void
    let wakeup: Wakeup

    func run() async throws {
        let wakeup = self.wakeup
        await cancelWhenGracefulShutdown { await listen { wakeup.ring() } }
    }
}
