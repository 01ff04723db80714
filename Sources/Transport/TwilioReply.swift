import Foundation

/// The fields of a Messages API JSON answer that the desk reads: `sid` on
/// success, `code` and `message` on an error. Whatever is missing or not
/// JSON is nil.
struct TwilioReply {
    let sid: String?
    let code: Int?
    let message: String?

    init(_ body: Data) {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        sid = (object?["sid"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        code = (object?["code"] as? NSNumber)?.intValue
        message = (object?["message"] as? String).map(Self.oneLine)
    }

    /// "HTTP 400: Twilio error 21211: The 'To' number is not a valid phone number."
    func reason(status: Int) -> String {
        var reason = "HTTP \(status)"
        if let code { reason += ": Twilio error \(code)" }
        if let message { reason += ": \(message)" }
        return reason
    }

    /// A gateway's message, kept to one line of at most 300 characters for logs and outbox states.
    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 300 ? String(flat.prefix(300)) + "…" : flat
    }
}
