/// How a patient's own contact details reach them: mail at their address when they gave one, else a text to
/// their phone, else nothing. The core counts with it (who a day's cancellation or a broadcast can tell);
/// the desk narrows it with what it has learnt since (`Reachability`: a mailbox that bounced, a number that
/// sent STOP).
public enum ContactRoute: Equatable, Sendable {
    case mail(String)
    case sms(String)
    case none
}

extension Patient {
    public var contactRoute: ContactRoute {
        if let email, !email.isEmpty { return .mail(email) }
        if let phone, !phone.isEmpty { return .sms(phone) }
        return .none
    }
}
