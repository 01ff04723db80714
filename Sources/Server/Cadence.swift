import ServiceLifecycle

/// The rhythm of a round: do the work, wait the interval, again — until the process is told to stop
/// (graceful shutdown) or cancelled. The work in hand is always finished; the wait is cut short.
/// A `wakeup`, when given, cuts the wait short when rung.
struct Cadence: Sendable {
    let interval: Duration
    var wakeup: Wakeup?

    init(interval: Duration, wakeup: Wakeup? = nil) {
        self.interval = interval
        self.wakeup = wakeup
    }

    func keep(_ work: @Sendable () async -> Void) async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await work()
            guard !Task.isShuttingDownGracefully else { return }
            let interval = self.interval
            do {
                if let wakeup {
                    await cancelWhenGracefulShutdown { await wakeup.wait(upTo: interval) }
                } else {
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
                }
            } catch {
                return
            }
        }
    }
}
