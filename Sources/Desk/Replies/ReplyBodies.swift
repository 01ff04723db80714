/// A reply in both forms a mail client may show: plain text and HTML, rendered from the same values.
struct ReplyBodies: Sendable {
    var text: String
    var html: String
}
