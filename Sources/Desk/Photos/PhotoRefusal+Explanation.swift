import Clinic

extension PhotoRefusal {
    var explanation: String {
        switch self {
        case .missing:
            "no image is attached to this message. Attach a JPEG or PNG (at most 2 MB) and write SET PHOTO."
        case .tooLarge(let bytes):
            "the image is \(bytes / 1024) KB; at most 2048 KB (2 MB) fits. Send a smaller JPEG or PNG."
        case .notAnImage(let name):
            (name.map { "\"\($0.prefix(60))\"" } ?? "the attachment") + " is not a JPEG or PNG image, whatever its name says. Attach a JPEG or PNG."
        }
    }
}
