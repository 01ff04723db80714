/// Who wrote a message and by which medium. The address is the identity: a lowercased email address or an
/// E.164 phone number.
public struct Sender: Sendable, Equatable {
    public enum Channel: String, Sendable, Codable { case email, sms }
    public var address: String
    public var channel: Channel
    public var displayName: String?

    public init(address: String, channel: Channel, displayName: String? = nil) {
        self.address = address
        self.channel = channel
        self.displayName = displayName
    }
}
