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

/// The `caredesk` built beside this bench (the same build folder): what the benches that measure whole
/// processes start.
enum ProductBinary {
    static var path: String {
        let bench = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).resolvingSymlinksInPath()
        return bench.deletingLastPathComponent().appendingPathComponent("caredesk").path
    }
}

/// A bench run's own folder under the work folder (`<work>/<name>-<pid>`), created empty; the run removes it
/// at its end.
func runFolder(_ work: String, _ name: String) throws -> URL {
    let folder = URL(fileURLWithPath: work).appendingPathComponent("\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
