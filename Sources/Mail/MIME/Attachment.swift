import Foundation

/// A non-body MIME part. An inbound part keeps its bytes as they came and is transfer-decoded only when
/// `data` is asked for: a message with a 10 MB attachment and a SLOTS line never decodes it.
public struct Attachment: Sendable, Hashable {
    /// From Content-Disposition filename (RFC 2231 and RFC 2047 decoded) or Content-Type
    /// name; control characters replaced. Untrusted: may contain "/" or "..".
    public var filename: String?
    /// Lowercased "type/subtype".
    public var contentType: String
    private var storage: Storage

    private enum Storage: Sendable {
        case decoded(Data)
        /// The part's body as it came, and its Content-Transfer-Encoding (lowercased).
        case encoded(ArraySlice<UInt8>, transferEncoding: String?)
    }

    public init(filename: String? = nil, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        storage = .decoded(data)
    }

    init(filename: String?, contentType: String, encoded: ArraySlice<UInt8>, transferEncoding: String?) {
        self.filename = filename
        self.contentType = contentType
        storage = .encoded(encoded, transferEncoding: transferEncoding)
    }

    /// Transfer-decoded bytes (decoded on each ask for an inbound part: ask once).
    public var data: Data {
        get {
            switch storage {
            case .decoded(let data): return data
            case .encoded(let bytes, let cte): return Data(TransferDecoding.decode(bytes, cte))
            }
        }
        set { storage = .decoded(newValue) }
    }

    /// Whether the bytes are held decoded (an outgoing part, or one whose `data` was set).
    var isDecoded: Bool {
        if case .decoded = storage { return true }
        return false
    }

    /// The size as carried in the message, known without decoding: base64 holds about 4/3 of what it
    /// decodes to, and no encoding decodes to more than twice what it carries.
    public var carriedBytes: Int {
        switch storage {
        case .decoded(let data): return data.count
        case .encoded(let bytes, _): return bytes.count
        }
    }

    public static func == (a: Attachment, b: Attachment) -> Bool {
        a.filename == b.filename && a.contentType == b.contentType && a.data == b.data
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(filename)
        hasher.combine(contentType)
        hasher.combine(data)
    }
}

/// Why a message looks machine-generated (RFC 3834 and common practice).
public enum AutomaticKind: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Auto-Submitted present and not "no"; the lowercased keyword ("auto-replied").
    case autoSubmitted(String)
    /// Null (<>) Return-Path, or a MAILER-DAEMON / postmaster sender.
    case bounce
    /// Precedence bulk, list or junk, or a List-Id header.
    case list
    /// Content-Type multipart/report (delivery status notifications, read receipts).
    case deliveryReport

    public var description: String {
        switch self {
        case .autoSubmitted(let v): return "autoSubmitted(\(v))"
        case .bounce: return "bounce"
        case .list: return "list"
        case .deliveryReport: return "deliveryReport"
        }
    }
}

/// Unambiguous name for `Attachment` in files that also import Testing (which has its own
/// `Attachment` type).
public typealias MailAttachment = Attachment
