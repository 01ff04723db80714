import Foundation

/// An image an HTML body shows inline: `<img src="cid:CONTENT-ID">` names it (RFC 2392).
public struct InlineImage: Sendable, Hashable {
    /// Without angle brackets, e.g. "photo-rao@kanchicare.example"; written as a msg-id.
    public var contentID: String
    /// "image/jpeg" or "image/png".
    public var contentType: String
    public var filename: String?
    public var data: Data

    public init(contentID: String, contentType: String, filename: String? = nil, data: Data) {
        self.contentID = contentID
        self.contentType = contentType
        self.filename = filename
        self.data = data
    }
}
