import ServiceLifecycle

/// The rhythm of a round: do the work, wait the interval, again — until the process is told to stop
/// (graceful shutdown) or cancelled. The work in hand is always finished; the wait is cut short.
struct Cadence: Sendable {
    let interval: Duration

    func keep(_ work: @Sendable () async -> Void) async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await work()
            guard !Task.isShuttingDownGracefully else { return }
            let interval = self.interval
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
