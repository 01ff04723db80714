import Foundation

/// Lines mail programs and company servers add under what the sender wrote: "Sent from my iPhone", "Get Outlook
/// for Android", "Sent from Yahoo Mail on Android", a confidentiality notice or disclaimer. Such a line ends the
/// commands, as a signature does.
enum SignatureLines {
    private static let starts = [
        "sent from my ", "sent from mail for ", "sent from yahoo mail", "sent from outlook", "sent from gmail",
        "sent from samsung", "sent from the ", "sent via ", "sent using ", "get outlook for ", "download outlook for ",
        "confidentiality notice", "confidentiality note", "confidential notice", "disclaimer:", "disclaimer -", "disclaimer –",
        "this email and any attachment", "this e-mail and any attachment", "this message and any attachment",
        "this email is confidential", "this e-mail is confidential", "this message is confidential",
        "this email and its attachments", "this e-mail and its attachments", "the information contained in this",
        "the information in this email", "the information in this e-mail", "this email message is for the sole use",
        "this e-mail message is for the sole use", "privileged and confidential", "please consider the environment before printing",
    ]

    /// Whether `text` (a line as written, trimmed) is such a line.
    static func isSignature(_ text: String) -> Bool {
        guard let first = text.utf8.first, first | 0x20 >= UInt8(ascii: "a"), first | 0x20 <= UInt8(ascii: "z") else { return false }
        let head = String(text.prefix(48)).lowercased()
        return starts.contains { head.hasPrefix($0) } || head.trimmingCharacters(in: .punctuationCharacters) == "disclaimer"
    }
}
