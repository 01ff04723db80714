import Foundation

/// The string fields of a decoded JSON object, each checked for presence,
/// type, emptiness, length and (for one-line fields) CR, LF and NUL.
struct WebhookMessageFields {
    enum Limit {
        case characters(Int)
        case utf8Bytes(Int)
    }

    private let object: [String: Any]

    init(_ object: [String: Any]) {
        self.object = object
    }

    func required(_ name: String, limit: Limit, singleLine: Bool) throws(WebhookMessageError) -> String {
        guard let value = try optional(name, limit: limit, singleLine: singleLine) else {
            throw WebhookMessageError(.missing(name))
        }
        return value
    }

    /// Nil when absent, null or empty.
    func optional(_ name: String, limit: Limit, singleLine: Bool) throws(WebhookMessageError) -> String? {
        guard let raw = object[name], !(raw is NSNull) else { return nil }
        guard let value = raw as? String else { throw WebhookMessageError(.notAString(name)) }
        if value.isEmpty { return nil }
        switch limit {
        case .characters(let most) where value.count > most:
            throw WebhookMessageError(.tooLong(name, limit: "\(most) characters"))
        case .utf8Bytes(let most) where value.utf8.count > most:
            throw WebhookMessageError(.tooLong(name, limit: "\(most) bytes"))
        default:
            break
        }
        if singleLine && value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) {
            throw WebhookMessageError(.lineBreak(name))
        }
        return value
    }
}
