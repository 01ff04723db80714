import Clinic
import Foundation
import Mail

/// The file MY DATA (and the desk's EXPORT) attaches: everything held about one patient as JSON, with
/// their photo in base64 when it fits in the reply, and what they agreed to or turned off.
struct PatientDataFile: Encodable {
    struct PhotoFile: Encodable {
        let contentType: String
        let base64: String?
        /// Why the photo itself is not in the file (it would make the reply too large to send).
        let left: String?
    }

    struct Consents: Encodable, Sendable, Equatable {
        /// The patient's number sent STOP: no texts until START.
        var smsOptedOut: Bool
        /// Mail to the patient bounced: nothing more is mailed until they write again.
        var mailUndeliverable: Bool
    }

    let clinic: String
    let exportedAt: String
    /// Instants in the record are seconds since 1970 (UTC); money in hundredths of the clinic's currency.
    let note: String
    let record: PatientRecord
    let photo: PhotoFile?
    let consents: Consents?

    static func attachment(_ record: PatientRecord, consents: Consents?, format: ClinicFormat, photos: PhotoFolder?, now: Int64) -> Attachment {
        var photoFile: PhotoFile?
        if let photo = record.profile.photo {
            let type = photo.kind == .jpeg ? "image/jpeg" : "image/png"
            let data = photos.flatMap { try? Data(contentsOf: $0.file(ownerID: record.profile.id, kind: photo.kind)) }
            photoFile = PhotoFile(contentType: type, base64: data?.base64EncodedString(),
                                  left: data == nil ? "too large to send with this reply: ask the desk for it" : nil)
        }
        let file = PatientDataFile(clinic: format.info.name, exportedAt: Date(timeIntervalSince1970: TimeInterval(now)).formatted(.iso8601),
                                   note: "Instants are seconds since 1970 (UTC); amounts are in hundredths of \(format.info.currency.uppercased()).",
                                   record: record, photo: photoFile, consents: consents)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(file)) ?? Data("{}".utf8)
        return Attachment(filename: "my-data-\(record.profile.id).json", contentType: "application/json", data: json)
    }
}
