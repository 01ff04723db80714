/// A Twilio configuration that cannot be used, with a message for the operator.
public struct TwilioConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { "Twilio configuration: \(message)" }
}
