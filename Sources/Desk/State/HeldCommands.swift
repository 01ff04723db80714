/// Command lines of a message nothing vouched for, held until its address answers `CONFIRM <code>`
/// (Mailman's rule: the reply goes to the address's real owner, so a forger never sees the code).
public struct HeldCommands: Sendable, Codable, Equatable {
    /// The address the message came from (ASCII lower case): only a CONFIRM from it counts.
    public var address: String
    /// Six digits from the system's randomness.
    public var code: String
    /// The held lines as written, read again when confirmed, with the days and times they meant then.
    public var lines: [String]
    public var writtenAt: Int64
    public var expiresAt: Int64
    /// Wrong codes from the address that this hold still allows.
    public var attemptsLeft: Int

    /// How long a hold waits for its CONFIRM.
    public static let lifetimeSeconds: Int64 = 30 * 60
    /// Wrong CONFIRM codes an address may send before its holds are void.
    public static let attempts = 5

    /// Its key in `DeskState.holds`.
    public var key: String { HeldCommands.key(address: address, code: code) }

    public static func key(address: String, code: String) -> String { address + " " + code }
}
