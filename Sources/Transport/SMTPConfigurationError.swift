/// An SMTP configuration that cannot be used, with a message for the operator.
public struct SMTPConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { "SMTP configuration: \(message)" }
}
