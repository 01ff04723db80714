import Foundation

/// One row of the history shelf: what a state let go of about one owner in one shelf (a closed month), as
/// bytes the store does not read.
public struct ShelvedRow: Sendable, Equatable {
    /// The shelf it sits on ("2025-03").
    public var shelf: String
    /// Whom it is about (a patient's id).
    public var owner: String
    public var bytes: Data

    public init(shelf: String, owner: String, bytes: Data) {
        self.shelf = shelf
        self.owner = owner
        self.bytes = bytes
    }
}

/// Where a store keeps what its state let go of so that memory does not grow with the years: rows put away a
/// shelf at a time and read back by owner, which is all anyone asks of them (a patient's own data, the desk's
/// export, an erasure). Reading may happen inside the store's `update` body; writing never does.
public protocol HistoryShelf {
    /// Puts `rows` on `shelf`, replacing whatever the shelf held (so putting the same shelf away twice, after a
    /// crash between shelving and committing, changes nothing). Durable when it returns.
    func shelve(_ shelf: String, rows: [ShelvedRow]) throws
    /// Every row of `owner`, in shelf order.
    func rows(of owner: String) throws -> [ShelvedRow]
    /// Replaces the rows of `owner` on the shelves they sit on by `rows` (same shelves; a shelf missing from
    /// `rows` loses the owner's row). Durable when it returns.
    func replaceRows(of owner: String, with rows: [ShelvedRow]) throws
    /// Every row, shelf by shelf (`caredesk migrate` moves them).
    func allRows() throws -> [ShelvedRow]
}
