import Clinic

/// A line's answer that comes from the envelope stage rather than the clinic.
enum DeskLine: Sendable {
    /// Held for CONFIRM; `code` is set on the last held line of the message, which says how to confirm.
    case held(code: String?, expiresAt: Int64)
    /// CONFIRM <code> matched: the held lines follow, carried out.
    case confirmed(writtenAt: Int64)
    case confirmRefused(ConfirmRefusal)
    /// The message names several authors: nothing in it is carried out.
    case actsForNobody(authors: Int)
    /// The message is over the size the desk reads: only its header was looked at.
    case tooLarge(bytes: Int, limit: Int)

    enum ConfirmRefusal: Sendable, Equatable {
        case nothingPending
        case wrongCode(attemptsLeft: Int)
        case noAttemptsLeft
    }

    func template(_ format: ClinicFormat) -> (TemplateName, TemplateFields) {
        switch self {
        case .held(let code, let expiresAt):
            return (.held, [.code: code.map(TemplateValue.text), .expires: .text(format.time(expiresAt))])
        case .confirmed(let writtenAt):
            return (.confirmed, [.when: .text(format.time(writtenAt))])
        case .confirmRefused(.nothingPending):
            return (.confirmRefused, [.nothingPending: .flag(true)])
        case .confirmRefused(.wrongCode(let left)):
            return (.confirmRefused, [.wrongCode: .flag(true), .attemptsLeft: .number(left)])
        case .confirmRefused(.noAttemptsLeft):
            return (.confirmRefused, [.noAttemptsLeft: .flag(true)])
        case .actsForNobody(let authors):
            return (.actsForNobody, [.count: .number(authors)])
        case .tooLarge(let bytes, let limit):
            return (.tooLarge, [.kilobytes: .number((bytes + 1023) / 1024), .value: .number(limit / (1024 * 1024))])
        }
    }
}
