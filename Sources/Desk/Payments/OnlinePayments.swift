import Clinic
import Foundation
import PayLinks

/// What the desk needs to take fees online: where the pay page is (`CAREDESK_PUBLIC_URL`) and the secret its
/// links are signed with (`CAREDESK_LINK_SECRET`). Set only when a Stripe key is configured: without it the
/// clinic's payment policy is not applied and nobody is asked to pay online.
public struct OnlinePayments: Sendable {
    let signer: PayLinkSigner
    /// The pay page's base, without a trailing slash ("https://clinic.example.in").
    public let publicURL: String

    public struct Unusable: Error, CustomStringConvertible {
        public let description: String
    }

    public init(linkSecret: String, publicURL: String) throws {
        do {
            signer = try PayLinkSigner(secret: linkSecret)
        } catch {
            throw Unusable(description: error.description)
        }
        var base = publicURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw Unusable(description: "CAREDESK_PUBLIC_URL must be the pay page's http(s) address, such as https://clinic.example.in")
        }
        self.publicURL = base
    }

    /// From `CAREDESK_LINK_SECRET` and `CAREDESK_PUBLIC_URL`, when payments are on (`stripe` true); both must be set then.
    public static func fromEnvironment(_ environment: [String: String], stripe: Bool) throws -> OnlinePayments? {
        guard stripe else { return nil }
        guard let secret = environment["CAREDESK_LINK_SECRET"], !secret.isEmpty,
              let url = environment["CAREDESK_PUBLIC_URL"], !url.isEmpty else {
            throw Unusable(description: "payments need CAREDESK_LINK_SECRET (32 characters or more) and CAREDESK_PUBLIC_URL beside the Stripe key")
        }
        return try OnlinePayments(linkSecret: secret, publicURL: url)
    }

    /// The link that pays `appointment`: it works until the hold ends, or until the appointment starts.
    public func link(_ appointment: Appointment, _ due: PaymentDue) -> String {
        publicURL + "/pay/" + signer.token(ref: appointment.ref, expiresAt: due.holdUntil ?? appointment.start)
    }
}
