import Clinic
import Crypto
import Foundation
import Mail

/// Finds the photo SET PHOTO means: the message's first attachment that claims to be an image, by its type
/// or its name. Whether it is one is decided by its first bytes, never by the claim.
enum PhotoExamination {
    static let imageNames = [".jpg", ".jpeg", ".png", ".gif", ".heic", ".webp", ".bmp"]

    static func examine(_ attachments: [Attachment]) -> (PhotoAttachment, data: Data?) {
        guard let part = attachments.first(where: claimsImage) else { return (.missing, nil) }
        // Far too large as carried (base64 carries 4/3 of its bytes): refused without decoding it.
        guard part.carriedBytes <= Photo.largestBytes * 2 else { return (.tooLarge(bytes: part.carriedBytes * 3 / 4), nil) }
        let data = part.data  // decoded here, once
        guard data.count <= Photo.largestBytes else { return (.tooLarge(bytes: data.count), nil) }
        guard let kind = kind(of: data) else { return (.notAnImage(filename: part.filename), nil) }
        let hash = InboundMessage.hex(SHA256.hash(data: data))
        return (.image(Photo(kind: kind, bytes: data.count, sha256: hash)), data)
    }

    static func claimsImage(_ part: Attachment) -> Bool {
        if part.contentType.hasPrefix("image/") { return true }
        guard let name = part.filename?.lowercased() else { return false }
        return imageNames.contains { name.hasSuffix($0) }
    }

    /// JPEG starts FF D8 FF; PNG 89 50 4E 47 0D 0A 1A 0A.
    static func kind(of data: Data) -> Photo.Kind? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        return nil
    }
}

extension PhotoExamination {
    /// SET PHOTO with the image the message brought, and its bytes when it is one.
    static func intent(for attachments: [Attachment]) -> (Intent, Data?) {
        let (found, data) = examine(attachments)
        return (.setPhoto(found), data)
    }
}
