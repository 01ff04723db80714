/// That a photo is on file, and which: the core never holds the image, only what identifies it. The desk
/// keeps the file itself (`photos/<owner id>.<extension>` in the data folder).
public struct Photo: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case jpeg, png

        public var fileExtension: String { self == .jpeg ? "jpg" : "png" }
    }

    public var kind: Kind
    public var bytes: Int
    /// SHA-256 of the file, lowercase hex.
    public var sha256: String

    /// The largest photo accepted: 2 MB.
    public static let largestBytes = 2 * 1024 * 1024

    public init(kind: Kind, bytes: Int, sha256: String) {
        self.kind = kind
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// The image SET PHOTO brought, as the desk found it in the message. The command language cannot see
/// attachments, so it writes `.unread`; the desk looks before the clinic decides.
public enum PhotoAttachment: Sendable, Equatable {
    case unread
    case missing
    case tooLarge(bytes: Int)
    /// Named or typed as an image, but its first bytes are neither JPEG nor PNG.
    case notAnImage(filename: String?)
    case image(Photo)
}

public enum PhotoRefusal: Sendable, Equatable {
    case missing
    case tooLarge(bytes: Int)
    case notAnImage(filename: String?)
}
