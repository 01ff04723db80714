import Dispatch
import Store

/// What makes the last commits durable when their fsyncs were deferred: the journal's, then the audit
/// trail's. Until it has run nothing of those commits may be acknowledged.
public struct DeskSync: Sendable {
    let journal: JournalSync?
    let audit: AuditSync?

    public func run() {
        journal?.run()
        audit?.run()
    }

    /// Makes all of `syncs` durable with one fsync per file: an fsync covers every byte written to its file
    /// before it, so of several commits to the same journal (or trail) only the last one's is run.
    public static func runAll(_ syncs: [DeskSync]) {
        var journals: [JournalSync] = [], trails: [AuditSync] = []
        for sync in syncs.reversed() {
            if let journal = sync.journal, !journals.contains(where: { $0.covers(journal) }) { journals.append(journal) }
            if let audit = sync.audit, !trails.contains(where: { $0.fd == audit.fd }) { trails.append(audit) }
        }
        // The journal's and the trail's fsyncs wait on the disk, not the CPU: run side by side.
        let owed = journals.map { DeskSync(journal: $0, audit: nil) } + trails.map { DeskSync(journal: nil, audit: $0) }
        DispatchQueue.concurrentPerform(iterations: owed.count) { owed[$0].run() }
    }
}
