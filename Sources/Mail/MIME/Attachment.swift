import Foundation

/// A decoded non-body MIME part.
public struct Attachment: Sendable, Hashable {
    /// From Content-Disposition filename (RFC 2231 and RFC 2047 decoded) or Content-Type
    /// name; control characters replaced. Untrusted: may contain "/" or "..".
    public var filename: String?
    /// Lowercased "type/subtype".
    public var contentType: String
    /// Transfer-decoded bytes.
    public var data: Data

    public init(filename: String? = nil, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
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
