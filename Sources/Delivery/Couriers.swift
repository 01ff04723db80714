import Desk
import Foundation
import Transport

/// The couriers a delivery pass uses: one SMTP connection per worker when a server is configured, else the
/// local `DATA/outgoing/` Maildir. Shared by the one-shot commands and `caredesk serve`.
public enum Couriers {
    /// Readies the transports before any thread starts (libcurl's global set-up) when a server is configured.
    public static func prepare(_ settings: DeliverySettings, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if settings.smtp != nil || !settings.webhooks.isEmpty || (try? TwilioConfiguration.fromEnvironment(environment)) != nil
            || StripeConfiguration.fromEnvironment(environment) != nil {
            Curl.initialise()
        }
    }

    /// Per worker, one courier that sends mail to the SMTP server (or `outgoing/`) and texts to the SMS gateway
    /// named by `CAREDESK_TWILIO_*` (or `outgoing-sms/`).
    public static func make(_ settings: DeliverySettings, dataFolder: URL,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            clock: @escaping @Sendable () -> Int64) throws -> [any Courier] {
        let twilio = try TwilioConfiguration.fromEnvironment(environment)
        func sms() throws -> any Courier {
            if let twilio { return try TwilioCourier(twilio) }
            return try SMSFolderCourier(path: DataFolder.outgoingSMS(dataFolder))
        }
        func events() throws -> (any Courier)? {
            settings.webhooks.isEmpty ? nil : try EventWebhookCourier(endpoints: settings.webhooks, clock: clock)
        }
        let stripeConfiguration = StripeConfiguration.fromEnvironment(environment)
        func stripe() throws -> (any Courier)? { try stripeConfiguration.map { try StripeCourier($0) } }
        if let local = try settings.outgoingMaildir(dataFolder) {
            return [ChannelCourier(mail: MaildirCourier(local), sms: try sms(), events: try events(), stripe: try stripe())]
        }
        return try (0..<settings.workers).map { _ in
            ChannelCourier(mail: try SMTPCourier(settings.smtp!), sms: try sms(), events: try events(), stripe: try stripe())
        }
    }

    /// Runs delivery passes until nothing due is left, then forgets long-finished messages.
    public static func deliver(desk: Desk, settings: DeliverySettings, dataFolder: URL, now: Int64) throws -> DeliveryPass.Summary {
        let pass = DeliveryPass(desk: desk, policy: settings.retry, couriers: try make(settings, dataFolder: dataFolder, clock: { now }),
                                claimSeconds: Int64(settings.claimSeconds))
        let summary = try pass.run(now: now)
        try desk.forgetFinished(now: now, keepDays: settings.keepDays)
        return summary
    }

    public static func describe(_ summary: DeliveryPass.Summary) -> String {
        var line = "delivery: \(summary.sent) sent, \(summary.deferred) deferred, \(summary.failed) failed"
        if let error = summary.lastError, summary.deferred + summary.failed > 0 { line += " (last error: \(error))" }
        return line + "."
    }
}
