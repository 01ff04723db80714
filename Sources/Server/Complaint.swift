import Foundation

/// A round's failures, logged when they start and when they change, not once a second while they last.
final class Complaint: @unchecked Sendable {
    private let lock = NSLock()
    private var last: String?

    /// Whether `error` is news (it differs from the last one seen); remembers it either way.
    func isNews(_ error: String) -> Bool {
        lock.withLock {
            defer { last = error }
            return error != last
        }
    }

    func clear() { lock.withLock { last = nil } }
}
