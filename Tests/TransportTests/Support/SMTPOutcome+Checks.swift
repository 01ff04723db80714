import TestServers
import Transport

extension SMTPOutcome {
    var isSent: Bool {
        if case .sent = self { true } else { false }
    }

    var isTemporary: Bool {
        if case .temporary = self { true } else { false }
    }

    var isPermanent: Bool {
        if case .permanent = self { true } else { false }
    }

    /// The reply code of a failure, nil for `.sent` or when there was none.
    var code: Int? {
        switch self {
        case .sent: nil
        case .temporary(let code, _), .permanent(let code, _): code
        }
    }

    var reason: String {
        switch self {
        case .sent(let reply): reply
        case .temporary(_, let reason), .permanent(_, let reason): reason
        }
    }
}
