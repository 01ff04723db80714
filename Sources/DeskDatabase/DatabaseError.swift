import Store

/// What went wrong with the desk's database, said so an operator knows what to do. The cases can grow
/// without breaking callers: they ask the questions below rather than switching.
public struct DatabaseError: StoreFailure, CustomStringConvertible, Sendable {
    enum Kind: Sendable {
        case badURL(text: String)
        /// The server cannot be reached, or the connection broke: worth trying again later.
        case unavailable(url: String, detail: String)
        /// A statement failed for another reason (the detail is the server's message, never record contents).
        case failed(sqlState: String?, detail: String)
        case notEmpty(url: String)
        case schemaTooNew(found: Int, known: Int)
        case notInitialised(url: String)
        case unreadable(what: String, detail: String)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// True when the database could not be reached: the message was not handled, and trying again later will do.
    public var isTemporary: Bool {
        if case .unavailable = kind { return true }
        return false
    }

    public var description: String {
        switch kind {
        case .badURL(let text):
            "\(text): not a database URL; write postgres://user@host:port/database"
        case .unavailable(let url, let detail):
            "the database \(url) cannot be reached (\(detail)); nothing was changed, try again when it is back"
        case .failed(let state, let detail):
            "the database refused a statement\(state.map { " (SQLSTATE \($0))" } ?? ""): \(detail)"
        case .notEmpty(let url):
            "\(url) already holds a CareDesk store; migrate only into an empty database (nothing was changed)"
        case .schemaTooNew(let found, let known):
            "the database's schema is at version \(found), newer than this caredesk knows (\(known)); upgrade caredesk"
        case .notInitialised(let url):
            "\(url) holds no CareDesk store; run `caredesk init --store \(url) …` first"
        case .unreadable(let what, let detail):
            "the database's \(what) cannot be read: \(detail)"
        }
    }
}
