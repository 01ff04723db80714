/// Checks on envelope addresses before they reach libcurl.
///
/// libcurl writes `MAIL FROM:<...>` and `RCPT TO:<...>` verbatim, so a CR or
/// LF in an address would let the caller's data start a new SMTP command.
/// Control characters (CR, LF, NUL and the rest of C0, DEL) and angle
/// brackets are refused; the server judges everything else.
enum EnvelopeAddress {
    /// Why `address` cannot be used, or nil when it can.
    static func problem(_ address: String) -> String? {
        if address.isEmpty {
            return "is empty"
        }
        if address.utf8.count > 320 {
            return "is longer than 320 bytes"
        }
        for byte in address.utf8 {
            if byte < 0x20 || byte == 0x7F {
                return "contains a control character (CR, LF, NUL or similar)"
            }
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
                return "contains '<' or '>'"
            }
        }
        return nil
    }

    /// The refusal for a whole envelope, or nil when every address is usable.
    /// An empty sender is the null reverse-path and is fine.
    static func refusal(from sender: String, to recipients: [String]) -> SMTPOutcome? {
        if !sender.isEmpty, let problem = problem(sender) {
            return .permanent(code: nil, reason: "envelope sender \(problem)")
        }
        if recipients.isEmpty {
            return .permanent(code: nil, reason: "no recipients")
        }
        for (index, recipient) in recipients.enumerated() {
            if let problem = problem(recipient) {
                return .permanent(code: nil, reason: "recipient \(index + 1) \(problem)")
            }
        }
        return nil
    }
}
