import Foundation

/// The state a `JSONStore` keeps. The store knows nothing about it beyond
/// `Codable`: it replays committed records through `apply(_:)` and persists
/// the whole value as a snapshot from time to time.
///
/// Conforming types should be value types: `JSONStore.transaction` hands the
/// body a copy of the state and relies on the body not mutating it.
public protocol StoreState: Codable, Sendable {
    /// One committed change. Encoded as JSON, one journal record each.
    associatedtype Record: Codable & Sendable

    /// The empty state, used when no snapshot exists yet.
    init()

    /// Applies one committed record. Must be deterministic: every process
    /// replaying the same records from the same snapshot reaches the same state.
    mutating func apply(_ record: Record)

    /// The bytes of a snapshot of this state. Defaults to `JSONEncoder`;
    /// override to write a faster, more compact form (e.g. columnar JSON).
    func snapshotData() throws -> Data

    /// Rebuilds a state from `snapshotData()`'s bytes. Must throw (not
    /// return a partial state) when the bytes are incomplete or corrupt.
    init(snapshotData: Data) throws

    /// A few words on what damaged journal bytes seem to have held (which inbound message, say), for
    /// the operator salvaging a store; never patient details. Defaults to nil.
    static func describeDamaged(_ bytes: Data) -> String?
}

extension StoreState {
    public func snapshotData() throws -> Data {
        try JSONEncoder().encode(self)
    }

    public init(snapshotData: Data) throws {
        self = try JSONDecoder().decode(Self.self, from: snapshotData)
    }

    public static func describeDamaged(_ bytes: Data) -> String? { nil }
}
