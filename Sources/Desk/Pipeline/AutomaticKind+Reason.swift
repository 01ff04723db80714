import Mail

extension AutomaticKind {
    var reason: String {
        switch self {
        case .autoSubmitted(let value): "Auto-Submitted: \(value.prefix(40))"
        case .bounce: "a bounce or mail from a mailer daemon"
        case .list: "list or bulk mail"
        case .deliveryReport: "a delivery-status report"
        }
    }
}
