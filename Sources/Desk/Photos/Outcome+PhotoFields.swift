import Clinic

/// The values of the SET PHOTO replies.
extension Outcome {
    func photoTemplate() -> (name: TemplateName, fields: TemplateFields) {
        switch self {
        case .photoSaved(let photo):
            return (.photoSaved, [.kind: .text(photo.kind == .jpeg ? "JPEG" : "PNG"), .kilobytes: .number(max(1, photo.bytes / 1024))])
        case .photoRefused(let refusal):
            return (.photoRefused, [.why: .text(refusal.explanation)])
        default:
            return (.help, [:])
        }
    }
}
