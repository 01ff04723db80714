#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Logging
import ServiceLifecycle

/// With `CAREDESK_EXIT_WITH_PID=<pid>`: `serve` shuts down gracefully, as on SIGTERM, once that process is
/// gone. For a supervisor or a test harness that may die without stopping it (a crashed test run left
/// desks running on their data folders, and they skewed every benchmark after it).
struct OwnerWatch: Service {
    let owner: pid_t
    let interval: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    if kill(owner, 0) != 0 && errno == ESRCH {
                        logger.notice("the process serve was started for is gone: shutting down", metadata: ["pid": "\(owner)"])
                        return
                    }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // The shutdown came from elsewhere (SIGTERM): nothing to watch any more.
        }
    }
}
