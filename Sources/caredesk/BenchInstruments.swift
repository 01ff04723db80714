import Foundation

/// The ports the bench's servers report once they listen (each on a free loopback port of its choosing).
final class ListeningPorts: @unchecked Sendable {
    private let lock = NSLock()
    private var ports: [String: Int] = [:]

    func set(_ name: String, _ port: Int) {
        lock.withLock { ports[name] = port }
    }

    /// Waits (up to `seconds`) until `name` listens; returns its port.
    func wait(for name: String, seconds: Double = 30) async throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let port = lock.withLock({ ports[name] }) { return port }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw BenchWebhooks.Failure(description: "\(name) did not start listening within \(Int(seconds)) s")
    }
}

/// The desk's last commit time (journal write + fsync), looked at every few milliseconds while the load
/// runs: one commit per webhook request, so the looks are a fair sample of them.
final class CommitSamples: @unchecked Sendable {
    private let lock = NSLock()
    private var nanos: [UInt64] = []

    func add(_ value: UInt64) {
        guard value > 0 else { return }
        lock.withLock { nanos.append(value) }
    }

    /// The median sampled commit, in milliseconds; nil without samples.
    var medianMillis: Double? {
        let sorted = lock.withLock { nanos.sorted() }
        return sorted.isEmpty ? nil : Double(sorted[sorted.count / 2]) / 1e6
    }
}
