import Foundation

/// The last health report, posted by the reception after each call on the desk and read by `GET /health`
/// from any thread: the route never waits behind a batch on the desk's queue, and nothing is counted to
/// answer it (the counts are kept as the store changes).
final class HealthBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var report: HealthReport

    init(_ report: HealthReport) { self.report = report }

    var current: HealthReport { lock.withLock { report } }
    func post(_ report: HealthReport) { lock.withLock { self.report = report } }
}
