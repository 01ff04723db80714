import Foundation

/// The machine-readable part of a delivery status notification (RFC 3464): a
/// multipart/report (RFC 6522) with report-type=delivery-status and a message/delivery-status
/// part, as MTAs (Postfix, Exim, Sendmail, hosted mail) send for bounces and delay warnings.
public struct DeliveryReport: Sendable, Hashable {
    /// One per-recipient field group.
    public struct Recipient: Sendable, Hashable {
        /// Address of Final-Recipient (Original-Recipient when that is missing), without
        /// the "rfc822;" type and angle brackets, domain lowercased.
        public var finalRecipient: String
        /// Address of Original-Recipient, when present.
        public var originalRecipient: String?
        /// Action, lowercased: "failed", "delayed", "delivered", "relayed", "expanded"
        /// ("" when the field is missing).
        public var action: String
        /// Status code, e.g. "5.1.1" ("" when the field is missing).
        public var status: String
        /// Diagnostic-Code text without its type ("550 5.1.1 <a@b>: User unknown"),
        /// unfolded, whitespace runs collapsed, controls removed.
        public var diagnostic: String?
        /// Remote-MTA name without its type ("mx.example.org").
        public var remoteMTA: String?

        public init(finalRecipient: String, originalRecipient: String? = nil, action: String, status: String,
                    diagnostic: String? = nil, remoteMTA: String? = nil) {
            self.finalRecipient = finalRecipient
            self.originalRecipient = originalRecipient
            self.action = action
            self.status = status
            self.diagnostic = diagnostic
            self.remoteMTA = remoteMTA
        }
    }

    /// Per-recipient groups in order; never empty.
    public var recipients: [Recipient]
    /// Original-Envelope-Id of the per-message group (the ENVID given when sending).
    public var originalEnvelopeID: String?
    /// Reporting-MTA name without its type.
    public var reportingMTA: String?
    /// Address the report itself was delivered to: the first Delivered-To or X-Original-To
    /// field of the report (whichever comes first), else the first To address. A bounce to
    /// a VERP address such as "bounces+<id>@clinic.example" is recognised by it.
    public var envelopeRecipient: String?

    public init(recipients: [Recipient], originalEnvelopeID: String? = nil, reportingMTA: String? = nil,
                envelopeRecipient: String? = nil) {
        self.recipients = recipients
        self.originalEnvelopeID = originalEnvelopeID
        self.reportingMTA = reportingMTA
        self.envelopeRecipient = envelopeRecipient
    }

    /// Reads a raw message (LF or CRLF line ends). nil when it is not a delivery status
    /// notification: not multipart/report, a report-type other than (global-)delivery-status,
    /// no message/delivery-status part, or no per-recipient group in it.
    public static func read(_ raw: Data) -> DeliveryReport? {
        read(MailMessage.parse(raw))
    }

    /// As `read(_:)`, for a message already parsed.
    public static func read(_ message: MailMessage) -> DeliveryReport? {
        guard let type = message.headers.first(named: "Content-Type").flatMap({ ContentType.parse($0.rawValue) }),
              type.value == "multipart/report" else { return nil }
        if let reportType = type.param("report-type").map(ASCII.lowercased),
           reportType != "delivery-status" && reportType != "global-delivery-status" { return nil }
        guard let part = message.attachments.first(where: {
            $0.contentType == "message/delivery-status" || $0.contentType == "message/global-delivery-status"
        }) else { return nil }

        var report = DeliveryReport(recipients: [])
        for group in DeliveryStatusFields.groups([UInt8](part.data)) {
            func value(_ name: String) -> String? {
                group.first(named: name).map { HeaderSanitizer.sanitize($0.rawValue) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let final = value("Final-Recipient").map(DeliveryStatusFields.address).flatMap { $0.isEmpty ? nil : $0 }
            let original = value("Original-Recipient").map(DeliveryStatusFields.address).flatMap { $0.isEmpty ? nil : $0 }
            guard let address = final ?? original else {
                // the per-message group (or one without a recipient address)
                if report.originalEnvelopeID == nil { report.originalEnvelopeID = value("Original-Envelope-Id") }
                if report.reportingMTA == nil {
                    report.reportingMTA = value("Reporting-MTA").flatMap(DeliveryStatusFields.untypedText)
                }
                continue
            }
            report.recipients.append(Recipient(
                finalRecipient: address, originalRecipient: original,
                action: value("Action").map(MessageParser.token) ?? "",
                status: value("Status").map(DeliveryStatusFields.status) ?? "",
                diagnostic: value("Diagnostic-Code").flatMap(DeliveryStatusFields.untypedText),
                remoteMTA: value("Remote-MTA").flatMap(DeliveryStatusFields.untypedText)))
        }
        guard !report.recipients.isEmpty else { return nil }
        report.envelopeRecipient = envelopeRecipient(of: message)
        return report
    }

    private static func envelopeRecipient(of message: MailMessage) -> String? {
        for f in message.headers
        where ASCII.equalsIgnoringCase(f.name, "Delivered-To") || ASCII.equalsIgnoringCase(f.name, "X-Original-To") {
            let raw = MailMessage.clean(f.rawValue)
            let address = MailAddress.parse(raw)?.address ?? MailMessage.pathAddress(raw)
            if !address.isEmpty { return address }
        }
        return message.to.first?.address
    }
}
