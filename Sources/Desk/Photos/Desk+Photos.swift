import Clinic
import Foundation

extension Desk {
    /// Writes the photo a decision records, before the decision is committed. A failure to write stops the
    /// batch: the message stays unhandled and is read again.
    func keepPhoto(_ data: Data, for events: [ClinicEvent]) throws {
        for event in events {
            switch event {
            case .patientPhotoSet(let id, let photo), .doctorPhotoSet(let id, let photo):
                try photos.write(data, ownerID: id, kind: photo.kind)
                logger.info("photo kept", metadata: ["bytes": "\(photo.bytes)", "kind": "\(photo.kind.rawValue)"])
            default:
                continue
            }
        }
    }
}
