/// One step of the database's schema, applied once, in order, inside one transaction with the others that
/// are due (`SchemaMigrator`). A step is never edited once released: a change is a new step.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// One statement each (the extended query protocol takes one at a time).
    let statements: [String]

    /// Every step this caredesk knows, oldest first.
    static let all: [Migration] = [.logAndTables, .historyShelf]
}
