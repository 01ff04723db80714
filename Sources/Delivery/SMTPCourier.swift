import Desk
import Foundation
import Transport

/// Hands outbox messages to an SMTP server over one connection that stays open for the whole pass.
/// Replies go with the null reverse-path `MAIL FROM:<>`; notices with their bounce address. The sender turns
/// the outbox's LF line ends into CRLF on the wire, and libcurl dot-stuffs the body.
public final class SMTPCourier: Courier, @unchecked Sendable {
    // One delivery worker uses a courier at a time (DeliveryPass gives each worker its own).
    private let sender: SMTPSender

    public init(_ settings: DeliverySettings.SMTP, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        Curl.initialise()
        sender = try SMTPSender(configuration: SMTPConfiguration(
            url: settings.url, requireTLS: settings.tlsRequired,
            username: environment["CAREDESK_SMTP_USER"].flatMap { $0.isEmpty ? nil : $0 },
            password: environment["CAREDESK_SMTP_PASSWORD"],
            caFile: settings.caFile, connectTimeout: Double(settings.connectTimeoutSeconds),
            transferTimeout: Double(settings.transferTimeoutSeconds)))
    }

    public func hand(_ message: OutboxMessage) -> CourierResult {
        switch sender.send(envelopeFrom: message.envelopeFrom, recipients: message.recipients, message: Data(message.data.utf8)) {
        case .sent: .sent
        case .permanent(let code, let reason): .refused(Self.describe(code, reason))
        case .temporary(let code, let reason):
            // No SMTP reply at all means the server was not reached: the rest of the pass would fare alike.
            code == nil ? .unreachable(reason) : .deferred(Self.describe(code, reason))
        }
    }

    static func describe(_ code: Int?, _ reason: String) -> String {
        code.map { "\($0) \(reason)" } ?? reason
    }
}
