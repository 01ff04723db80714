/// Why a JSON webhook message was refused; the description names the field
/// and is fit for a 400 reply.
public struct WebhookMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        case notAnObject
        case missing(String)
        case notAString(String)
        case tooLong(String, limit: String)
        case lineBreak(String)
        case badChannel(String)
        case badSender(channel: WebhookMessage.Channel)
    }

    private let reason: Reason

    init(_ reason: Reason) {
        self.reason = reason
    }

    /// The field at fault; nil when the body is not a JSON object at all.
    public var field: String? {
        switch reason {
        case .notAnObject: nil
        case .missing(let name), .notAString(let name), .tooLong(let name, _), .lineBreak(let name): name
        case .badChannel: "channel"
        case .badSender: "from"
        }
    }

    public var description: String {
        switch reason {
        case .notAnObject: "the body must be a JSON object"
        case .missing(let name): "'\(name)' is required and must not be empty"
        case .notAString(let name): "'\(name)' must be a string"
        case .tooLong(let name, let limit): "'\(name)' is longer than \(limit)"
        case .lineBreak(let name): "'\(name)' must be one line (no CR, LF or NUL)"
        case .badChannel: "'channel' must be \"email\" or \"sms\""
        case .badSender(.email): "'from' must be an email address for channel email"
        case .badSender(.sms): "'from' must be an E.164 phone number (+ and 8 to 15 digits) for channel sms"
        }
    }
}
