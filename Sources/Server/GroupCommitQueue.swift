import Desk
import Foundation

/// Where webhook messages wait while the desk is busy with a commit: filled from any thread, emptied by the
/// reception a group at a time, so messages that arrive together are committed together.
final class GroupCommitQueue: @unchecked Sendable {
    struct Visitor {
        let messages: [InboundMessage]
        let caller: CheckedContinuation<[HandlingReport], any Error>
    }

    /// The most messages one commit takes from the queue.
    static let groupLimit = 256

    private let lock = NSLock()
    private var waiting: [Visitor] = []
    private var seen = false

    /// Adds a visitor; true when nobody is seeing to the queue yet (the caller must then start that).
    func wait(_ messages: [InboundMessage], _ caller: CheckedContinuation<[HandlingReport], any Error>) -> Bool {
        lock.withLock {
            waiting.append(Visitor(messages: messages, caller: caller))
            defer { seen = true }
            return !seen
        }
    }

    /// Whether visitors are still waiting (the queue stays seen to); when none are, the seeing-to ends and the
    /// next visitor starts a new one.
    func moreWaiting() -> Bool {
        lock.withLock {
            if waiting.isEmpty { seen = false }
            return !waiting.isEmpty
        }
    }

    /// The next group, in arrival order, up to `groupLimit` messages (always at least one visitor); nil when the
    /// queue is empty.
    func nextGroup() -> [Visitor]? {
        lock.withLock {
            guard !waiting.isEmpty else { return nil }
            var count = 0, taken = 0
            while taken < waiting.count, taken == 0 || count + waiting[taken].messages.count <= Self.groupLimit {
                count += waiting[taken].messages.count
                taken += 1
            }
            defer { waiting.removeFirst(taken) }
            return Array(waiting[..<taken])
        }
    }
}
