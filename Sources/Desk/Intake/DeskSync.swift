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
}
