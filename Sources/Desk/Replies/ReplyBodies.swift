/// A reply in both forms a mail client may show: plain text and HTML, rendered from the same values.
struct ReplyBodies: Sendable {
    var text: String
    var html: String

    /// Both forms' size in UTF-8.
    var byteCount: Int { text.utf8.count + html.utf8.count }
}
