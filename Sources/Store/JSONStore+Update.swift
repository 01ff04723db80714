import Foundation

extension JSONStore {
    /// Like `transaction`, but `body` changes the up-to-date state in place and returns the records that
    /// describe exactly those changes; the store journals them (one write, one fsync) without applying them
    /// again. In place means no copy of a large state per batch: cost per commit stays flat as the store grows.
    /// If `body` or the commit throws, the state is reloaded from disk so it never runs ahead of the journal.
    public func update<T>(_ body: (inout State) throws -> (records: [State.Record], result: T)) throws -> T {
        try lock.acquire()
        defer { lock.release() }
        try catchUp()
        do {
            let (records, result) = try body(&state)
            if !records.isEmpty { try commit(records, applying: false) }
            return result
        } catch {
            try reload()
            throw error
        }
    }
}
