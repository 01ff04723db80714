/// An error of a store that can say whether trying again later will do (a database that went away), so the
/// door can answer "send it again" (HTTP 503) rather than "broken" and the Maildir watcher can wait.
public protocol StoreFailure: Error {
    /// True when nothing was changed and the same call may succeed later.
    var isTemporary: Bool { get }
}
